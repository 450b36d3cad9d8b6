package explore_test

import (
	"testing"

	"github.com/fearless-go/fearless/helpers/arc"
	"github.com/fearless-go/fearless/helpers/explore"
	"github.com/fearless-go/fearless/helpers/mpsc"
	"github.com/fearless-go/fearless/helpers/mutex"
	"github.com/fearless-go/fearless/helpers/rwlock"
	"github.com/fearless-go/fearless/helpers/thread"
)

// mixed uses every controlled primitive at once: workers take jobs from a
// bounded channel, add to a mutex-guarded total, publish through an rwlock,
// and share a config through an arc. Every schedule must end with the right
// totals and no deadlock.
func mixed() {
	jobs, rx := mpsc.SyncChannel[int](1)
	results, out := mpsc.Channel[int]()
	total := mutex.New(0)
	seen := rwlock.New(0)
	cfg := arc.New(10)
	rxm := mutex.New(rx) // one receiver, shared by the workers behind a mutex
	var hs []*thread.JoinHandle[struct{}]
	for w := range 2 {
		c, res := cfg.Clone(), results.Clone()
		hs = append(hs, thread.Go(func() {
			defer c.Drop()
			defer res.Drop()
			for {
				g := rxm.MustLock()
				v, err := g.Get().Recv()
				g.Unlock()
				if err != nil {
					return
				}
				t := total.MustLock()
				t.Set(t.Get() + v*c.Get())
				t.Unlock()
				s := seen.MustWrite()
				s.Set(s.Get() + 1)
				s.Unlock()
				res.Send(w)
			}
		}))
	}
	results.Drop()
	cfg.Drop()
	for i := range 3 {
		jobs.Send(i + 1)
	}
	jobs.Drop()
	n := 0
	for range out.Iter() {
		n++
	}
	for _, h := range hs {
		h.Join()
	}
	if got := total.MustLock().Get(); got != 60 || n != 3 || seen.MustRead().Get() != 3 {
		explore.Failf("total %d, %d results, %d seen", got, n, seen.MustRead().Get())
	}
}

func TestEveryPrimitiveAtOnce(t *testing.T) {
	for seed := range uint64(2) {
		if res := explore.Random(seed).Schedules(100).Run(mixed); !res.OK() {
			t.Fatalf("random, seed %d: %v\n%v", seed, res, res.Failure.Steps)
		}
		if res := explore.PCT(3, seed).Schedules(100).Run(mixed); !res.OK() {
			t.Fatalf("PCT, seed %d: %v", seed, res)
		}
	}
	res := explore.Exhaustive(1).Run(mixed)
	t.Log(res)
	if !res.OK() {
		t.Fatalf("exhaustive: %v", res)
	}
}
