package async_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/fearless-go/fearless/helpers/async"
	"github.com/fearless-go/fearless/helpers/thread"
	"github.com/fearless-go/fearless/helpers/trace"
)

const nap = 40 * time.Millisecond

// twoSleepers joins two tasks that each sleep nap with sleep, on an executor
// with the given workers, and returns how long it took and the two tasks'
// Sleep spans and worker spans from the recorder.
func twoSleepers(t *testing.T, workers int, sleep func(time.Duration)) (elapsed time.Duration, sleeps, runs []span) {
	t.Helper()
	if err := trace.Start(); err != nil {
		t.Fatal(err)
	}
	defer trace.Stop()
	sleeper := func() *async.Future[int] {
		return async.New(func() int { sleep(nap); return 0 })
	}
	t0 := time.Now()
	block(t, func() int { async.Join(sleeper(), sleeper()); return 0 }, async.Workers(workers))
	elapsed = time.Since(t0)
	rec := trace.Stop()
	if len(rec.Events) == 0 || rec.Dropped != 0 {
		t.Fatalf("recording has %d events, %d dropped", len(rec.Events), rec.Dropped)
	}
	sleeps = spans(rec, trace.Sleep)
	if len(sleeps) != 2 || sleeps[0].g == sleeps[1].g {
		t.Fatalf("want one sleep on each of two task lanes, got %+v", sleeps)
	}
	return elapsed, sleeps, spans(rec, trace.TaskRun)
}

// during reports whether sleep s lies inside one of its task's worker spans.
func during(s span, runs []span) bool {
	for _, r := range runs {
		if r.g == s.g && r.begin <= s.begin && s.end <= r.end {
			return true
		}
	}
	return false
}

// attempts bounds the runs of a wall-clock comparison. The structure of every
// run is checked through the recorder; only the stopwatch may be thrown off
// by a busy machine, so it gets a few tries.
const attempts = 3

// The article's caveat: on one worker, a blocking sleep stalls the other task,
// and an async sleep lets it run.
func TestBlockingSleepStallsOneWorkerAsyncSleepDoesNot(t *testing.T) {
	var times []string
	for range attempts {
		blocking, bSleeps, bRuns := twoSleepers(t, 1, thread.Sleep)
		asynced, aSleeps, aRuns := twoSleepers(t, 1, async.Sleep)
		t.Logf("two sleeps of %v on one worker: thread.Sleep %v, async.Sleep %v", nap, blocking, asynced)

		// Blocking: each sleep holds the only worker, so they run one after the other.
		if bSleeps[0].overlaps(bSleeps[1]) {
			t.Fatalf("blocking sleeps overlap on one worker: %+v", bSleeps)
		}
		for _, s := range bSleeps {
			if !during(s, bRuns) || s.obj != 0 {
				t.Fatalf("a thread.Sleep should be recorded inside its task's worker span, object 0: %+v", s)
			}
		}
		if blocking < 2*nap {
			t.Fatalf("two blocking sleeps of %v on one worker took %v", nap, blocking)
		}
		// Async: the worker is free during each sleep, so the two overlap.
		if !aSleeps[0].overlaps(aSleeps[1]) {
			t.Fatalf("async sleeps did not overlap: %+v", aSleeps)
		}
		for _, s := range aSleeps {
			if during(s, aRuns) || s.obj == 0 {
				t.Fatalf("an async sleep should be recorded outside any worker span, with its task as object: %+v", s)
			}
		}
		if asynced < 2*nap && blocking-asynced >= nap/2 {
			return
		}
		times = append(times, fmt.Sprintf("blocking %v, async %v", blocking, asynced))
	}
	t.Errorf("want async under %v and at least %v faster than blocking; got %s", 2*nap, nap/2, strings.Join(times, "; "))
}

// With two workers, even blocking sleeps run at the same time.
func TestTwoWorkersOverlapBlockingSleeps(t *testing.T) {
	var times []string
	for range attempts {
		elapsed, sleeps, runs := twoSleepers(t, 2, thread.Sleep)
		t.Logf("two thread.Sleeps of %v on two workers: %v", nap, elapsed)
		if !sleeps[0].overlaps(sleeps[1]) {
			t.Fatalf("blocking sleeps on two workers did not overlap: %+v", sleeps)
		}
		workers := map[int64]bool{}
		for _, s := range sleeps {
			for _, r := range runs {
				if r.g == s.g && r.begin <= s.begin && s.end <= r.end {
					workers[r.val] = true
				}
			}
		}
		if len(workers) != 2 {
			t.Fatalf("the two sleeps ran on workers %v, want two different ones", workers)
		}
		if elapsed < 2*nap {
			return
		}
		times = append(times, elapsed.String())
	}
	t.Errorf("two blocking sleeps of %v on two workers took %s, want under %v", nap, strings.Join(times, ", "), 2*nap)
}
