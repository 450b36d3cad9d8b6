// Package check is what an exercise's check cell uses: a few assertions that
// each run the learner's code safely, a pass/fail block the learner reads at a
// glance, a machine-readable result for the grader, and a failed cell when
// any check failed.
//
// A check cell looks like this:
//
//	%%
//	ex := check.Exercise("counter-exact") // the cells' nbgrader grade_id
//	defer ex.Done()
//	ex.Equal("one thread counts to 1000", 1000, func() any { return Count(1, 1000) }, check.Points(1))
//	ex.Repeat("four threads count to 4000, every time", 50, func() error { ... }, check.Procs(1, 4))
//
// Every check runs its function in a goroutine of its own, with a timeout
// (DefaultTimeout unless the Timeout option says otherwise): a learner's
// function that hangs fails that check, and the cell goes on with the next
// one. The hung goroutine cannot be stopped; it is left behind and ends with
// the cell's process. A panic fails the check with the panic's message; the
// learner's stub, panic("not implemented"), gives a calm "not implemented
// yet" instead of a stack trace.
//
// Done shows one block with every check (name, ✓ or ✗, what was expected and
// what came, points) as HTML and text, sends the result as MIME type
// ResultMIME in the same output, and, when a check failed, ends the cell's
// program with exit status 1, so the cell fails. Under the fearless kernel
// the cell's Out[n] (execute_result) is then the points earned, which stock
// nbgrader takes as the cell's partial credit (kernel/proxy, CheckPointsKey).
// Outside a notebook, Done prints the text block and exits the same way; in a
// go test, Test reports failed checks through testing.T instead.
//
// Checks of concurrent code run the learner's function many times (Repeat,
// optionally under several GOMAXPROCS with Procs), and can require the race
// detector (RequireRace; in a cell, %goflags -race): built with -race, any
// data race the detector reports while a check runs fails that check.
//
// Checks also look at how an answer was made, not only at what came back.
// Observe runs the function once with the recorder (helpers/trace) on and
// reads its expectations from the recording, never from the clock: Threads
// and AtOnce (how many threads did the work, how many at once), Spawned and
// Joined (threads of helpers/thread, every one joined before returning),
// Locked (a lock taken once per update), Overlapped (waits in progress at
// once), Sent and SendersDropped (messages through a channel). A Gate in the
// learner's callback makes work that can overlap overlap, on 1 core or 4.
// RaceFree runs the function under -race with the recorder off, so shared
// state touched without its lock fails on every run; Explore runs it under
// the schedule explorer; Schedule checks an answer given as a schedule.
package check
