// Package explore makes races and deadlocks reproducible: it runs a function
// again and again, each time under a different schedule of its threads, and
// returns the first schedule that fails as a short string that Replay runs
// again, step for step.
//
// A race that shows up once in a thousand runs teaches nothing when your run
// was lucky. Under the explorer, threads spawned with helpers/thread take
// turns: exactly one runs at a time, and it only hands over at a scheduling
// point — every operation on a mutex, rwlock, channel (mpsc) or arc, a join,
// and Yield, which you put before each access to a plain shared variable.
// Who runs at each point is the strategy's choice:
//
//   - Random(seed): any thread that can run, equally likely (like Rust's shuttle).
//   - PCT(depth, seed): random priorities changed at depth-1 points; finds a bug
//     of that depth with a known probability per schedule.
//   - Exhaustive(bound): every schedule with at most bound preemptions, without
//     the ones that only reorder steps on different objects (like Rust's loom).
//     When it ends within its budget, the program is proved within the bound.
//
// A schedule fails when a thread panics, when Failf is called (a lost
// update, a wrong total), or when every thread is blocked: a deadlock comes
// back as a value naming who waits for what, never as a hang. Code outside
// the helpers — a plain go statement, a sync.Mutex — cannot be controlled; it
// is reported as Uncontrolled instead of being explored wrong: a goroutine
// that uses a helper without being a controlled thread, a goroutine started
// by a plain go statement that is still running when a schedule ends, and a
// thread that blocks in package sync or on a plain channel while it has the
// turn (a watchdog looks after 200 ms without a scheduling point). Time is not
// modelled: an async Sleep takes no time, and RecvTimeout waits as Recv does.
//
//	res := explore.Exhaustive(2).Run(func() { ... })
//	if res.Failure != nil {
//		fmt.Println(res.Failure.Schedule)                    // x1:b2c2
//		charts.Show(charts.Recording(res.Failure.Recording)) // its timeline, preemptions marked
//		explore.Replay(res.Failure.Schedule, f)              // the same schedule again
//	}
package explore
