// Package sched reads the Go runtime's execution trace (runtime/trace,
// captured by trace.Start(trace.WithRuntime(0))) with golang.org/x/exp/trace
// and lays out the scheduler's view of a run: one lane per user goroutine
// with its states — running, runnable, waiting with the runtime's reason
// (sync, chan send, chan receive, select, sleep...), in a syscall — and one
// lane per processor (P) showing which goroutine it ran. With GOMAXPROCS=1
// only one P lane has work and running spans never overlap: concurrency.
// With GOMAXPROCS=4 several P lanes run at once: parallelism.
//
// Times are on the helper recorder's clock: the recorder writes its own
// clock into the runtime trace (log events in category trace.ClockCategory),
// and Build subtracts the offset, so this view lines up with the timeline.
package sched
