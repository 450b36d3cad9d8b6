package explore_test

import (
	"strings"
	"testing"

	"github.com/fearless-go/fearless/helpers/explore"
	"github.com/fearless-go/fearless/helpers/mpsc"
	"github.com/fearless-go/fearless/helpers/mutex"
	"github.com/fearless-go/fearless/helpers/thread"
)

// replayEnds checks that the schedule of every end of g replays to the
// same outcome.
func replayEnds(t *testing.T, g *explore.Game, fn func()) {
	t.Helper()
	for i, p := range g.Positions {
		if p.End == nil {
			continue
		}
		res := explore.Replay(g.Schedule(i), fn)
		var got explore.Kind
		if res.Failure != nil {
			got = res.Failure.Kind
		}
		if got != p.End.Kind {
			t.Errorf("end %d (%s): replay gave %v, the game says %v", i, g.Schedule(i), res.Failure, p.End)
		}
	}
}

// twoLocks is programs.ABBA written here, so that its lines are not a
// helper's and the game names them.
func twoLocks() {
	a, b := mutex.New(0, mutex.Name("A")), mutex.New(0, mutex.Name("B"))
	both := func(x, y *mutex.Mutex[int]) func() {
		return func() {
			gx := x.MustLock()
			gy := y.MustLock()
			gy.Unlock()
			gx.Unlock()
		}
	}
	t1 := thread.Go(both(a, b), thread.Name("t1"))
	t2 := thread.Go(both(b, a), thread.Name("t2"))
	t1.Join()
	t2.Join()
}

func TestPlayABBA(t *testing.T) {
	g := explore.Play(twoLocks)
	t.Log(g)
	if g.Cut != "" || g.Answer < 0 || g.Failed == 0 || g.Failed == g.Ends {
		t.Fatalf("want a whole tree with clean ends and deadlocks: %v", g)
	}
	end := g.Positions[g.Answer].End
	if end.Kind != explore.Deadlock || len(end.Cycle) != 2 {
		t.Fatalf("answer: %+v", end)
	}
	for _, want := range []string{"t1 waits for the lock of B, held by t2", "t2 waits for the lock of A, held by t1"} {
		if !strings.Contains(strings.Join(end.Cycle, "\n"), want) {
			t.Errorf("cycle lacks %q: %q", want, end.Cycle)
		}
	}
	if s := g.Schedule(g.Answer); s != "x1:b2c" && s != "x1:bc" && !strings.HasPrefix(s, "x1:") {
		t.Errorf("schedule %q", s)
	}
	// The start: only main can move before it spawns, so the first choice
	// is among main and t1; the steps before it start main and spawn.
	start := g.Positions[0]
	if start.Parent != -1 || len(start.Steps) == 0 || start.Steps[0].Op != "starts" {
		t.Errorf("start: %+v", start)
	}
	// Each position's lines name this file.
	for _, p := range g.Positions {
		for _, s := range p.Steps {
			if s.Thread == 0 && s.Op == "starts" {
				continue // main starts where the explorer calls it
			}
			if !strings.HasPrefix(s.At, "play_test.go:") {
				t.Fatalf("step %+v: want a line of play_test.go", s)
			}
		}
	}
	// At the deadlock both threads are blocked and each holds a lock.
	dl := g.Positions[g.Answer]
	if len(dl.Locks) != 2 || !strings.Contains(strings.Join(dl.Locks, ";"), "A: held by t1") {
		t.Errorf("locks at the deadlock: %q", dl.Locks)
	}
	for _, i := range []int{1, 2} {
		if th := dl.Threads[i]; th.Status != "blocked" || !strings.HasPrefix(th.Op, "locks ") {
			t.Errorf("thread %d at the deadlock: %+v", i, th)
		}
	}
	replayEnds(t, g, twoLocks)
}

func TestPlayOrderedNeverFails(t *testing.T) {
	g := explore.Play(abba(true))
	t.Log(g)
	if g.Cut != "" || g.Failed != 0 || g.Answer != -1 || g.Ends < 2 {
		t.Fatalf("ordered locks: want every end clean: %v", g)
	}
}

func TestPlayLostUpdate(t *testing.T) {
	g := explore.Play(racyCounter, explore.Bound(1))
	t.Log(g)
	if g.Answer < 0 || g.Positions[g.Answer].End.Kind != explore.CheckFailed {
		t.Fatalf("want the lost update: %v", g)
	}
	beyond := 0
	for _, p := range g.Positions {
		for _, n := range p.Next {
			if n == explore.BeyondBound {
				beyond++
			}
		}
		if p.Preemptions > 1 {
			t.Errorf("position beyond the bound: %+v", p)
		}
	}
	if beyond == 0 {
		t.Error("a bound of 1 should leave moves beyond it")
	}
	replayEnds(t, g, racyCounter)
}

func TestPlayCap(t *testing.T) {
	g := explore.Play(philosophers(3, false), explore.MaxPositions(20))
	t.Log(g)
	if g.Cut == "" || len(g.Positions) > 20+200 {
		t.Fatalf("want a cut tree near 20 positions: %v", g)
	}
	cut := 0
	for _, p := range g.Positions {
		for _, n := range p.Next {
			if n == explore.NotExplored {
				cut++
			}
		}
	}
	if cut == 0 {
		t.Error("no move marked as not explored")
	}
}

// A producer sends two messages; main receives them. The game follows what
// is in the channel, and a receiver with nothing to receive waits.
func TestPlayChannel(t *testing.T) {
	g := explore.Play(func() {
		tx, rx := mpsc.Channel[int](mpsc.Name("jobs"))
		p := thread.Go(func() {
			defer tx.Drop()
			tx.Send(1)
			tx.Send(2)
		}, thread.Name("producer"))
		for range rx.Iter() {
		}
		p.Join()
	})
	t.Log(g)
	seen := map[string]bool{}
	for _, p := range g.Positions {
		for _, l := range p.Locks {
			seen[l] = true
		}
		for _, s := range p.Steps {
			seen[s.Op] = true
		}
		for _, th := range p.Threads {
			seen[th.Op] = true
		}
	}
	for _, want := range []string{"channel jobs: 2 messages sent and not yet received", "channel jobs: 1 message sent and not yet received",
		"sends on jobs", "receives from jobs", "waits for a message on jobs"} {
		if !seen[want] {
			t.Errorf("no %q in the game: %v", want, seen)
		}
	}
	if g.Failed != 0 {
		t.Errorf("no schedule should fail: %v", g)
	}
}
