// Package proxy is the Jupyter protocol layer the fearless kernel puts in
// front of gonb: Jupyter connects to the proxy, the proxy connects to gonb,
// and every message passes through unchanged (same frames, same signature)
// except for what gonb leaves unanswered or gets wrong:
//
//   - history_request is answered with this session's real history (tail,
//     range and search, with outputs when asked);
//   - is_complete_request is answered by a Go-aware heuristic (balanced
//     brackets, strings, raw strings and comments; a trailing operator means
//     more is coming), so `jupyter console` knows when a cell is complete;
//   - comm_info_request is answered (with no open comms);
//   - after a kernel_info exchange, when the kernel has nothing else to do,
//     the proxy publishes status "idle" with no parent, which JupyterLab
//     takes as the kernel's state (it ignores the status of kernel_info
//     requests), so the kernel reads Idle as soon as it is connected;
//   - a reply to a request that came on the control channel goes back on
//     control (gonb sends every reply on shell);
//   - a display_data whose metadata has ExecuteResultKey becomes the cell's
//     execute_result (gonb never sends one);
//   - a cell that sends check results (helpers/check) gets an execute_result
//     whose text is the points its checks earned, which stock nbgrader takes
//     as the cell's partial credit (see CheckPointsKey for where it goes);
//   - when a learner runs an exercise's solution cell or one of its check
//     cells in JupyterLab (which sends each cell's nbgrader metadata and
//     cellId with the execute_request), the proxy runs the check `fearless
//     grade` runs before grading (package guard) on the last source run of
//     that solution, with the other cells run as context, and adds a
//     stderr line to the cell when the grader would refuse it
//     (PresubmitPrefix), drop a redeclaration in it, or, in a handout from
//     `fearless assign`, leave out a cell the learner added;
//   - a malformed or badly signed message is dropped and logged; the kernel
//     never sees it and the proxy goes on.
//
// Answers the proxy makes itself wait, like a kernel's shell queue, until
// the kernel has finished what it was doing, so status messages stay true.
//
// The proxy also keeps the cells file of contract C1 (FEARLESS_CELLS): one
// entry per executed cell, written atomically when the kernel publishes the
// cell's execute_input, before the cell's program is built and run.
package proxy
