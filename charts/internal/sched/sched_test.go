package sched_test

import (
	"errors"
	"testing"

	"github.com/fearless-go/fearless/charts/internal/scenario"
	"github.com/fearless-go/fearless/charts/internal/sched"
	"github.com/fearless-go/fearless/helpers/trace"
)

// GOMAXPROCS=1 runs four spinning goroutines one at a time on one P
// (concurrency); GOMAXPROCS=4 runs them on several Ps at once (parallelism).
func TestConcurrencyAgainstParallelism(t *testing.T) {
	one, err := sched.Build(scenario.Parallel(1))
	if err != nil {
		t.Fatal(err)
	}
	four, err := sched.Build(scenario.Parallel(4))
	if err != nil {
		t.Fatal(err)
	}
	for name, m := range map[string]*sched.Model{"1": one, "4": four} {
		if !m.Aligned {
			t.Errorf("GOMAXPROCS=%s: runtime trace not aligned with the recorder's clock", name)
		}
		spinners := 0
		for _, g := range m.Goroutines {
			if len(g.Name) > 8 && g.Name[:8] == "spinner-" {
				spinners++
			}
			for _, s := range g.Spans {
				if s.End < s.Start || s.End > m.Duration {
					t.Errorf("GOMAXPROCS=%s: span %+v outside 0..%v", name, s, m.Duration)
				}
			}
		}
		if spinners != 4 {
			t.Errorf("GOMAXPROCS=%s: %d spinner lanes, want 4", name, spinners)
		}
	}
	if one.BusyProcs() != 1 || one.MaxParallel() != 1 {
		t.Errorf("GOMAXPROCS=1: %d busy Ps, %d running at once; want 1 and 1", one.BusyProcs(), one.MaxParallel())
	}
	if four.BusyProcs() < 2 || four.MaxParallel() < 2 {
		t.Errorf("GOMAXPROCS=4: %d busy Ps, %d running at once; want at least 2 of each", four.BusyProcs(), four.MaxParallel())
	}
	c := four.Chart("sched")
	if c.Lanes[0] != "P0" || len(c.Lanes) != len(four.Procs)+len(four.Goroutines) {
		t.Fatalf("lanes = %v", c.Lanes)
	}
	var sawRunnable bool
	for _, s := range one.Goroutines {
		for _, sp := range s.Spans {
			sawRunnable = sawRunnable || sp.State == sched.Runnable
		}
	}
	if !sawRunnable {
		t.Error("GOMAXPROCS=1: no goroutine ever waited for the P")
	}
}

func TestWaitReasons(t *testing.T) {
	if err := trace.Start(trace.WithRuntime(0)); err != nil {
		t.Fatal(err)
	}
	ch := make(chan int)
	done := make(chan struct{})
	go func() {
		defer close(done)
		trace.NameGoroutine("receiver")
		<-ch // blocks: chan receive
	}()
	trace.Mark("send") // puts this goroutine among the user goroutines
	ch <- 1            // whichever side comes first waits on the channel
	<-done
	m, err := sched.Build(trace.Stop())
	if err != nil {
		t.Fatal(err)
	}
	reasons := map[string]bool{}
	for _, g := range m.Goroutines {
		for _, s := range g.Spans {
			if s.State == sched.Waiting {
				reasons[s.Reason] = true
			}
		}
	}
	if !reasons["chan receive"] && !reasons["chan send"] {
		t.Fatalf("wait reasons = %v, want a channel wait", reasons)
	}
}

func TestBadInput(t *testing.T) {
	if _, err := sched.Build(&trace.Recording{}); !errors.Is(err, sched.ErrNoRuntimeTrace) {
		t.Fatalf("no runtime trace: %v", err)
	}
	if _, err := sched.Build(nil); !errors.Is(err, sched.ErrNoRuntimeTrace) {
		t.Fatalf("nil recording: %v", err)
	}
	if _, err := sched.Build(&trace.Recording{Runtime: []byte("not a trace")}); err == nil {
		t.Fatal("garbage accepted")
	}
}
