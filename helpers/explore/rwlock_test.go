package explore_test

import (
	"testing"

	"github.com/fearless-go/fearless/charts"
	"github.com/fearless-go/fearless/helpers/explore"
	"github.com/fearless-go/fearless/helpers/rwlock"
	"github.com/fearless-go/fearless/helpers/thread"
)

func TestRwLock(t *testing.T) {
	// Two readers and a writer: every schedule sees 0 or 1, never a torn state.
	res := explore.Exhaustive(2).Run(func() {
		l := rwlock.New([2]int{})
		w := thread.Go(func() {
			g := l.MustWrite()
			p := g.Ptr()
			p[0] = 1
			explore.Yield()
			p[1] = 1
			g.Unlock()
		})
		read := func() {
			g := l.MustRead()
			if v := g.Get(); v[0] != v[1] {
				explore.Failf("torn read %v", v)
			}
			g.Unlock()
		}
		r := thread.Go(read)
		read()
		w.Join()
		r.Join()
	})
	if !res.OK() || !res.Complete {
		t.Fatalf("readers and a writer: %v", res)
	}
	// A reader that reads again while a writer queued behind its first read
	// lock waits for the writer, which waits for the reader.
	res = explore.Exhaustive(2).Run(func() {
		l := rwlock.New(0, rwlock.Name("config"))
		w := thread.Go(func() {
			g := l.MustWrite()
			g.Unlock()
		}, thread.Name("writer"))
		g1 := l.MustRead()
		explore.Yield()
		g2 := l.MustRead()
		g2.Unlock()
		g1.Unlock()
		w.Join()
	})
	if res.Failure == nil || res.Failure.Kind != explore.Deadlock {
		t.Fatalf("nested read with a queued writer: want a deadlock, got %v", res)
	}
	t.Log(res)
	out, err := charts.Timeline(res.Failure.Recording)
	if err != nil || len(out.SVG) == 0 {
		t.Fatalf("timeline of the failing schedule: %v", err)
	}
}
