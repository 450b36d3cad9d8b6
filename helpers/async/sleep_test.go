package async_test

import (
	"testing"
	"time"

	"github.com/fearless-go/fearless/helpers/async"
	"github.com/fearless-go/fearless/helpers/thread"
	"github.com/fearless-go/fearless/helpers/trace"
)

const nap = 40 * time.Millisecond

// twoSleepers runs two futures that each sleep nap with sleep, on an
// executor with the given workers — as branches of one Join, or as two
// spawned tasks — and returns the two Sleep spans and the worker spans
// from the recorder.
func twoSleepers(t *testing.T, workers int, spawn bool, sleep func(time.Duration)) (sleeps, runs []span) {
	t.Helper()
	if err := trace.Start(); err != nil {
		t.Fatal(err)
	}
	defer trace.Stop()
	sleeper := func() *async.Future[int] {
		return async.New(func() int { sleep(nap); return 0 })
	}
	block(t, func() int {
		if spawn {
			async.JoinAll(async.Spawn(sleeper()), async.Spawn(sleeper()))
		} else {
			async.Join(sleeper(), sleeper())
		}
		return 0
	}, async.Workers(workers))
	rec := trace.Stop()
	if len(rec.Events) == 0 || rec.Dropped != 0 {
		t.Fatalf("recording has %d events, %d dropped", len(rec.Events), rec.Dropped)
	}
	sleeps = spans(rec, trace.Sleep)
	if len(sleeps) != 2 || sleeps[0].g == sleeps[1].g {
		t.Fatalf("want one sleep on each of two lanes, got %+v", sleeps)
	}
	return sleeps, spans(rec, trace.TaskRun)
}

// during reports whether sleep s lies inside one of its goroutine's worker
// spans, and returns that span's worker.
func during(s span, runs []span) (worker int64, ok bool) {
	for _, r := range runs {
		if r.g == s.g && r.begin <= s.begin && s.end <= r.end {
			return r.val, true
		}
	}
	return -1, false
}

// The article's caveat, and tokio's: the branches of a Join run within one
// task, so a blocking sleep in one holds the task's worker and the other
// waits — with one worker and with four. An async sleep frees the worker,
// and the two sleeps overlap.
func TestBlockingSleepInJoinStallsSiblingsAsyncSleepDoesNot(t *testing.T) {
	for _, workers := range []int{1, 4} {
		bSleeps, bRuns := twoSleepers(t, workers, false, thread.Sleep)
		if bSleeps[0].overlaps(bSleeps[1]) {
			t.Fatalf("Workers(%d): blocking sleeps in one Join overlap: %+v", workers, bSleeps)
		}
		for _, s := range bSleeps {
			if _, ok := during(s, bRuns); !ok || s.obj != 0 {
				t.Fatalf("Workers(%d): a thread.Sleep should be recorded inside its branch's worker span, object 0: %+v", workers, s)
			}
		}
		aSleeps, aRuns := twoSleepers(t, workers, false, async.Sleep)
		if !aSleeps[0].overlaps(aSleeps[1]) {
			t.Fatalf("Workers(%d): async sleeps did not overlap: %+v", workers, aSleeps)
		}
		for _, s := range aSleeps {
			if _, ok := during(s, aRuns); ok || s.obj == 0 {
				t.Fatalf("Workers(%d): an async sleep should be recorded outside any worker span, with its task as object: %+v", workers, s)
			}
		}
	}
}

// Spawned tasks are what runs in parallel: with two workers, two spawned
// tasks' blocking sleeps overlap, each on a worker of its own.
func TestTwoWorkersOverlapBlockingSleepsOfSpawnedTasks(t *testing.T) {
	sleeps, runs := twoSleepers(t, 2, true, thread.Sleep)
	if !sleeps[0].overlaps(sleeps[1]) {
		t.Fatalf("blocking sleeps of two spawned tasks on two workers did not overlap: %+v", sleeps)
	}
	workers := map[int64]bool{}
	for _, s := range sleeps {
		if w, ok := during(s, runs); ok {
			workers[w] = true
		}
	}
	if len(workers) != 2 {
		t.Fatalf("the two sleeps ran on workers %v, want two different ones", workers)
	}
}
