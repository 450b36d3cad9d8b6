// Package async is Rust's async/await for Go, small enough to watch: lazy
// futures, an executor with a fixed number of workers, and the difference
// between an await point, which lets another task run, and a blocking call,
// which does not.
//
// Go needs none of this to be concurrent — goroutines are already cheap. The
// package exists to make Rust's model visible. New(fn) makes a *Future: like
// calling an async fn in Rust, it runs nothing yet. BlockOn(f) runs it as the
// root task of a fresh executor and waits (Rust: futures::executor::block_on).
// Inside a task, f.Await() runs another future inline, in the same task, one
// after the other (Rust: .await); Spawn starts a future as a new task that
// runs concurrently (tokio::spawn) and Join runs several and returns their
// results in order (join!).
//
// The executor has one worker unless Workers(n) says otherwise, and a task
// runs its code only while it holds a worker. At an await point — Sleep,
// Handle.Await, Join — the task gives its worker back, so another task can
// run, and takes one again (first come, first served) before it goes on. A
// blocking call inside a task — thread.Sleep, a mutex wait, a long loop —
// keeps the worker. That is the caveat of the article's example: with one
// worker, two tasks that thread.Sleep for 100 ms take 200 ms, and two that
// async.Sleep for 100 ms take about 100 ms.
//
// Where Rust refuses at compile time, this package panics at run time with
// Rust's words: awaiting outside a task (`await` is only allowed inside
// `async` functions and blocks), awaiting a future or a handle twice (.await
// consumes it). A panic inside a task never crashes the program: Handle.Await
// and BlockOn return it as a *thread.PanicError with its stack.
//
// BlockOn returns once its root future is done. Tasks still pending then are
// cancelled at their next await point — their deferred calls run, and
// nothing after the await point does — as Rust drops them when block_on
// returns. A task that is inside a blocking call at that moment holds BlockOn
// up until the call returns; no goroutine is left behind.
//
// With the recorder on (helpers/trace), each task has its own goroutine lane
// named "task N" and records TaskSpawn (Value: the executor's id), TaskRun
// Begin/End each time it holds and gives back a worker (Value: the worker's
// index, 0 to n-1, for one lane per worker) and TaskDone (Value 1 if it was
// cancelled). An async Sleep is a Sleep span whose Object is the task, drawn
// while the task holds no worker; waiting for a task is a Join span whose
// Object is the task waited for.
//
// With the deadlock checks on (helpers/deadlock), a task is checked like a
// thread: awaiting a task that waits for you, or a lock held across an await
// point that another task then blocks on, panics with a report instead of
// hanging. With one worker the worker itself counts as a lock, so the
// classic single-threaded-executor deadlock is caught too.
package async
