// Package thread is Rust's std::thread for Go: spawn a thread, get a handle,
// join it to get its result — and a panic inside the thread comes back from
// Join as an error value instead of crashing the program.
//
// A plain goroutine has no handle, no result and no name, and a panic in it
// kills the whole process. Spawn returns a *JoinHandle whose Join waits for
// the thread and returns what it returned, or a *PanicError with the panic's
// value and stack. Threads can be named (Name), move owned values with them
// (Move, see helpers/own), and be scoped (Scope): every thread spawned into a
// scope is joined before the scope returns, as with Rust's thread::scope.
//
// A thread is a goroutine: Current().ID is the runtime's goroutine id, the
// same number runtime traces and panics show. Every thread is also an object
// of the recorder (helpers/trace): its spawn, run, panic and join appear on
// the timeline. With the deadlock checks on (helpers/deadlock), joining a
// thread that waits for a lock the joiner holds panics with a *deadlock.Error
// instead of hanging, and a thread that dies holding a lock releases and
// poisons it, as unwinding does in Rust.
//
// A thread that panics says so on standard output as it happens, as Rust's
// default panic hook does, whether or not anyone joins it:
//
//	thread 'worker' panicked at cell [4] line 12: boom
//
// so that a panic in a thread nobody joins cannot pass unseen. The line names
// the learner's code (in a notebook, the cell and its line), never a helper's.
// Standard output, not standard error: in a notebook the line then shows in
// the cell's output, where the learner reads it, and a graded cell whose
// thread panics on purpose is not failed for it — nbgrader scores a cell with
// any standard-error output as failed, and gonb parses standard error for
// compiler errors. SetPanicOutput sends the line elsewhere, or nowhere.
//
// Where Rust refuses at compile time — joining a handle twice, spawning into
// a scope that has ended — this package refuses at run time with a message
// that names the Rust rule.
package thread
