// Package async is Rust's async/await for Go, small enough to watch: lazy
// futures, an executor with a fixed number of workers, and the difference
// between an await point, which lets another task run, and a blocking call,
// which does not.
//
// Go needs none of this to be concurrent — goroutines are already cheap. The
// package exists to make Rust's model, as tokio has it, visible. New(fn)
// makes a *Future: like calling an async fn in Rust, it runs nothing yet.
// BlockOn(f) runs it as the root task of a fresh executor and waits (Rust:
// tokio's Runtime::block_on — with Workers(n), the multi-thread runtime with
// n worker threads; with one worker, the default, the current-thread
// runtime; not futures::executor::block_on, which has no workers to count).
//
// Rust name → Go name:
//
//	fut.await                      f.Await()
//	join!, join_all                Join (one task: concurrent, never parallel)
//	tokio::spawn, JoinHandle       Spawn, *Handle (its own task: parallel on N workers)
//	try_join_all(handles), JoinSet JoinAll
//	spawn_blocking                 SpawnBlocking (the blocking pool, off the workers)
//	yield_now().await              YieldNow
//	tokio::time::sleep(d).await    Sleep
//	Runtime::block_on              BlockOn, with Workers(n)
//
// Inside a task, f.Await() runs another future inline, in the same task.
// Join runs several futures concurrently within the current task, as join!
// polls its branches: they take turns on the task's one worker, at their
// await points, so a blocking call in one branch stalls all of them however
// many workers there are. Parallelism comes only from Spawn, which starts a
// future as a task of its own (tokio::spawn); JoinAll awaits the handles.
// Blocking work belongs in SpawnBlocking, which runs it on the executor's
// blocking pool, never on a worker.
//
// The executor has one worker unless Workers(n) says otherwise, and a task
// runs its code only while it holds a worker. At an await point — Sleep,
// YieldNow, Handle.Await, JoinAll, Join — the task gives its worker back, so
// another task can run, and takes one again (first come, first served)
// before it goes on. A blocking call inside a task — thread.Sleep, a mutex
// wait, a long loop — keeps the worker. That is the caveat of the article's
// example: on one worker, two tasks that thread.Sleep one after the other
// take the sum of their sleeps, and two that async.Sleep overlap their
// waits. The polite pause between two steps is YieldNow, not Sleep(0).
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
// returns. A task that is inside a blocking call at that moment, and a
// blocking job, hold BlockOn up until they return; no goroutine is left
// behind.
//
// With the recorder on (helpers/trace), each task has its own goroutine lane
// named "task N" (a branch of a Join: "task N, branch i") and records
// TaskSpawn (Value: the executor's id), TaskRun Begin/End each time it holds
// and gives back a worker (Value: the worker's index, 0 to n-1, for one lane
// per worker) and TaskDone (Value 1 if it was cancelled). A blocking job's
// TaskRun has Value -1-k: it ran on blocking thread k, drawn as the lane
// "blocking k". An async Sleep is a Sleep span whose Object is the task,
// drawn while the task holds no worker; waiting for a task is a Join span
// whose Object is the task waited for.
//
// With the deadlock checks on (helpers/deadlock), a task is checked like a
// thread: awaiting a task that waits for you, or a lock held across an await
// point that another task then blocks on, panics with a report instead of
// hanging. With one worker the worker itself counts as a lock, and so does
// the one worker the branches of a Join share, so the classic
// single-threaded-executor deadlock is caught, in a Join on any number of
// workers too.
package async
