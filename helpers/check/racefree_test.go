package check

import (
	"strings"
	"testing"

	"github.com/fearless-go/fearless/helpers/mutex"
	"github.com/fearless-go/fearless/helpers/thread"
)

// countWords counts on one thread per chunk into a shared map, under a lock
// or not.
func countWords(locked bool) map[string]int {
	plain := map[string]int{}
	m := mutex.New(map[string]int{})
	var hs []*thread.JoinHandle[struct{}]
	start := NewGate("start", 2) // both threads run before either counts
	for range 2 {
		hs = append(hs, thread.Go(func() {
			start.Enter().End()
			if locked {
				g := m.MustLock()
				g.Get()["go"]++
				g.Unlock()
			} else {
				plain["go"]++
			}
		}))
	}
	for _, h := range hs {
		h.Join()
	}
	if locked {
		v, _ := m.IntoInner()
		return v
	}
	return plain
}

func TestRaceFree(t *testing.T) {
	c, _, _, _ := fake()
	c.RaceFree("under a lock", 3, func() error { countWords(true); return nil })
	got := only(t, c)
	if !RaceEnabled {
		if got.Passed || got.Message != raceMessage {
			t.Fatalf("without -race: %+v", got)
		}
		return
	}
	if !got.Passed {
		t.Fatalf("under a lock: %+v", got)
	}
}

// TestRaceFreeCatchesAPlainMap runs in a child process: the race detector
// makes the process that saw a race exit with status 66.
func TestRaceFreeCatchesAPlainMap(t *testing.T) {
	if !RaceEnabled {
		t.Skip("needs -race")
	}
	out, _ := runChild(t, "racefree")
	if !strings.Contains(out, "two threads touched the same shared data with no lock between them (run 1 of 5)") {
		t.Fatalf("child output:\n%s", out)
	}
}

// escapeGuards has two threads take a pointer out of a guard, unlock, and
// then write through it: every lock operation is ordered, the writes are
// not.
func escapeGuards() {
	m := mutex.New(0)
	start := NewGate("start", 2)
	var hs []*thread.JoinHandle[struct{}]
	for range 2 {
		hs = append(hs, thread.Go(func() {
			start.Enter().End()
			g := m.MustLock()
			p := g.Ptr()
			g.Unlock()
			*p++
		}))
	}
	for _, h := range hs {
		h.Join()
	}
}

// TestRaceFreeWithChecksOn: as in a notebook cell, with the recorder and
// the deadlock checks on, whose own locks would order the threads.
func TestRaceFreeWithChecksOn(t *testing.T) {
	if !RaceEnabled {
		t.Skip("needs -race")
	}
	out, _ := runChild(t, "racefree-escape", "FEARLESS_CHECK=1", "FEARLESS_TRACE=1")
	if !strings.Contains(out, "two threads touched the same shared data with no lock between them (run 1 of 5)") {
		t.Fatalf("child output:\n%s", out)
	}
}
