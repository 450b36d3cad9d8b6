package async

import (
	"github.com/fearless-go/fearless/helpers/internal/rec"
	"github.com/fearless-go/fearless/helpers/internal/where"
)

// Join runs the futures concurrently, each as a task of its own, and returns
// their results in argument order once all have finished (Rust: join!). The
// current task gives up its worker meanwhile.
//
// If some of the futures panic, Join still waits for all of them, then panics
// in the current task with the first failure in argument order, as a
// *thread.PanicError that keeps that future's stack; BlockOn and Handle.Await
// return it as it is. (Rust's join! would drop the other futures instead;
// here they finish.) Join panics outside a task, and if a future was used
// before — then none of them runs.
func Join[T any](futs ...*Future[T]) []T {
	t := mustCurrent("Join")
	for i, f := range futs {
		if msg := f.claim(useJoin); msg != "" {
			for _, claimed := range futs[:i] {
				claimed.used.Store(uint32(unused)) // nothing is lost: they can still be used
			}
			panic(where.Refuse(msg))
		}
	}
	hs := make([]*Handle[T], len(futs))
	for i, f := range futs {
		hs[i] = newHandle[T](t.ex)
		hs[i].start(f.take())
	}
	if len(hs) > 0 {
		t.release()
		for _, h := range hs {
			wait(t, rec.Join, h.t.id, 0, h.t.done)
		}
		t.ex.schedule(t)
		t.resume()
	}
	out := make([]T, len(hs))
	for i, h := range hs {
		if h.t.err != nil {
			panic(h.t.err)
		}
		out[i] = h.val
	}
	return out
}
