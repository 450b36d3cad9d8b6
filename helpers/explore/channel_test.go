package explore_test

import (
	"strings"
	"testing"

	"github.com/fearless-go/fearless/helpers/arc"
	"github.com/fearless-go/fearless/helpers/explore"
	"github.com/fearless-go/fearless/helpers/mpsc"
	"github.com/fearless-go/fearless/helpers/thread"
)

func TestChannelsAreSchedulingPoints(t *testing.T) {
	for _, bound := range []int{0, 1, -1} {
		res := explore.Exhaustive(2).Run(func() {
			tx, rx := mpsc.Channel[int]()
			if bound >= 0 {
				tx, rx = mpsc.SyncChannel[int](bound)
			}
			tx2 := tx.Clone()
			send := func(tx *mpsc.Sender[int], base int) func() {
				return func() {
					defer tx.Drop()
					for i := range 1 {
						if err := tx.Send(base + i); err != nil {
							panic(err)
						}
					}
				}
			}
			a, b := thread.Go(send(tx, 0)), thread.Go(send(tx2, 10))
			sum := 0
			for v := range rx.Iter() {
				sum += v
			}
			a.Join()
			b.Join()
			if sum != 0+10 {
				explore.Failf("sum %d", sum)
			}
		})
		t.Logf("bound %d: %v", bound, res)
		if !res.OK() || !res.Complete || res.Schedules < 2 {
			t.Errorf("bound %d: %v", bound, res)
		}
	}
}

func TestForgottenDropIsADeadlock(t *testing.T) {
	res := explore.Random(1).Run(func() {
		tx, rx := mpsc.Channel[int]()
		h := thread.Go(func() {
			tx.Send(1) // and never tx.Drop()
		}, thread.Name("producer"))
		for range rx.Iter() { // waits for a sender that never goes away
		}
		h.Join()
	})
	if res.Failure == nil || res.Failure.Kind != explore.Deadlock || !strings.Contains(res.Failure.Message, "main waits on channel") {
		t.Fatalf("want a deadlock with main waiting on the channel, got %v", res)
	}
}

// The drop function runs once, on whichever thread drops last: the explorer
// tries both.
func TestArcDropsAreSchedulingPoints(t *testing.T) {
	lasts := map[string]bool{}
	res := explore.Exhaustive(2).Run(func() {
		last := "main"
		a := arc.New(0, arc.OnDrop(func(int) {
			if thread.Current().Name == "t" {
				last = "t"
			}
		}))
		b := a.Clone()
		h := thread.Go(func() { b.Drop() }, thread.Name("t"))
		a.Drop()
		h.Join()
		lasts[last] = true
	})
	if !res.OK() || !res.Complete || !lasts["t"] || !lasts["main"] {
		t.Fatalf("%v; last droppers seen: %v", res, lasts)
	}
}
