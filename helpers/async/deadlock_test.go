package async_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/fearless-go/fearless/helpers/async"
	"github.com/fearless-go/fearless/helpers/deadlock"
	"github.com/fearless-go/fearless/helpers/mutex"
)

// The single-threaded-executor deadlock: one task holds a lock across an
// await point, another blocks on that lock and so holds the only worker,
// which the first needs to go on. With the checks on, whichever task closes
// the cycle panics with a report instead of hanging.
func TestLockHeldAcrossAwaitOnOneWorkerIsReported(t *testing.T) {
	defer deadlock.Enable(deadlock.Enable(true))
	m := mutex.New(0)
	var errA, errB error
	block(t, func() int {
		a := async.Spawn(async.New(func() int {
			g, _ := m.Lock()
			defer g.Unlock()
			async.Sleep(5 * time.Millisecond) // holds the lock across an await point
			*g.Ptr()++
			return 0
		}))
		b := async.Spawn(async.New(func() int {
			g, _ := m.Lock() // a blocking wait: keeps the only worker
			defer g.Unlock()
			return 0
		}))
		_, errA = a.Await()
		_, errB = b.Await()
		return 0
	})
	var dlA, dlB *deadlock.Error
	foundA, foundB := errors.As(errA, &dlA), errors.As(errB, &dlB)
	if foundA == foundB {
		t.Fatalf("want exactly one task to report the deadlock; a: %v; b: %v", errA, errB)
	}
	report := errA
	if foundB {
		report = errB
	}
	if !strings.Contains(report.Error(), "executor") {
		t.Fatalf("report does not mention the executor's worker:\n%v", report)
	}
}

// Two tasks awaiting each other would wait forever; the second to wait panics.
func TestTasksAwaitingEachOtherAreReported(t *testing.T) {
	defer deadlock.Enable(deadlock.Enable(true))
	results := make(chan error, 2)
	start := make(chan struct{})
	var ha, hb *async.Handle[int]
	err := block(t, func() error {
		ha = async.Spawn(async.New(func() int {
			<-start
			_, err := hb.Await()
			results <- err
			return 0
		}))
		hb = async.Spawn(async.New(func() int {
			_, err := ha.Await()
			results <- err
			return 0
		}))
		close(start)
		return <-results // a blocking receive, fine with a second worker
	}, async.Workers(2))
	var dl *deadlock.Error
	if !errors.As(err, &dl) || !strings.Contains(err.Error(), "to finish") {
		t.Fatalf("the surviving task's Await returned %v, want the other's deadlock panic", err)
	}
}

// The goroutine calling BlockOn waits for the root task like a thread join:
// a root that needs a lock the caller holds is reported, not hung.
func TestRootBlockedOnCallersLockIsReported(t *testing.T) {
	defer deadlock.Enable(deadlock.Enable(true))
	m := mutex.New(0)
	g, _ := m.Lock()
	_, err := async.BlockOn(async.New(func() int {
		g, _ := m.Lock()
		defer g.Unlock()
		return 0
	}))
	g.Unlock()
	var dl *deadlock.Error
	if !errors.As(err, &dl) {
		t.Fatalf("BlockOn = %v, want a deadlock report", err)
	}
}

// The same deadlock inside one Join, on four workers: the branches share
// their task's one worker, so the branch blocked on the lock holds the
// worker the lock's holder needs. tokio hangs here; the checks report it.
func TestLockHeldAcrossAwaitInJoinIsReportedOnManyWorkers(t *testing.T) {
	defer deadlock.Enable(deadlock.Enable(true))
	m := mutex.New(0)
	_, err := async.BlockOn(async.New(func() int {
		async.Join(
			async.New(func() int {
				g, _ := m.Lock()
				defer g.Unlock()
				async.Sleep(5 * time.Millisecond) // holds the lock across an await point
				return 0
			}),
			async.New(func() int {
				g, _ := m.Lock() // a blocking wait: keeps the Join's one worker
				defer g.Unlock()
				return 0
			}),
		)
		return 0
	}), async.Workers(4))
	var dl *deadlock.Error
	if !errors.As(err, &dl) || !strings.Contains(err.Error(), "shared by the Join") {
		t.Fatalf("BlockOn = %v, want a deadlock report naming the Join's worker", err)
	}
}
