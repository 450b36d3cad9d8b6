package check_test

import (
	"strings"
	"testing"

	"github.com/fearless-go/fearless/helpers/check"
	"github.com/fearless-go/fearless/helpers/explore"
	"github.com/fearless-go/fearless/helpers/mutex"
	"github.com/fearless-go/fearless/helpers/thread"
)

// counter adds one from each of two threads, locked or as a plain read and write.
func counter(locked bool) func() {
	return func() {
		m, plain := mutex.New(0), 0
		add := func() {
			if locked {
				g := m.MustLock()
				defer g.Unlock()
			}
			explore.Yield()
			v := plain
			explore.Yield()
			plain = v + 1
		}
		a, b := thread.Go(add), thread.Go(add)
		a.Join()
		b.Join()
		if plain != 2 {
			explore.Failf("lost update: %d, want 2", plain)
		}
	}
}

func TestExplore(t *testing.T) {
	ex := check.Exercise("explore")
	ex.Explore("locked counter, every schedule", explore.Exhaustive(2), counter(true))
	ex.Explore("racy counter, every schedule", explore.Exhaustive(2), counter(false))
	ex.Explore("racy counter, PCT", explore.PCT(2, 1), counter(false))
	ex.Explore("stub", explore.Exhaustive(2), func() {
		h := thread.Go(func() { panic("not implemented") })
		if _, err := h.Join(); err != nil {
			panic(err)
		}
	})
	r := ex.Result()
	want := []string{check.StatusPassed, check.StatusFailed, check.StatusFailed, check.StatusNotImplemented}
	for i, c := range r.Checks {
		if c.Status != want[i] {
			t.Errorf("%s: %s (%s), want %s", c.Name, c.Status, c.Message, want[i])
		}
	}
	if msg := r.Checks[1].Message; !strings.Contains(msg, "lost update") || !strings.Contains(msg, "explore.Replay(\"x1:") {
		t.Errorf("message: %s", msg)
	}
	t.Log(r.Checks[1].Message)
}
