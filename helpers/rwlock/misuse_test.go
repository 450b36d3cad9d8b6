package rwlock_test

import (
	"strings"
	"testing"

	"github.com/fearless-go/fearless/helpers/internal/testutil"
	"github.com/fearless-go/fearless/helpers/rwlock"
)

func TestWriteGuardMisuseIsCaught(t *testing.T) {
	l := rwlock.New(1)
	w, _ := l.Write()
	stale := w // a copy is the same guard
	w.Unlock()
	for name, use := range map[string]func(){
		"Get":  func() { stale.Get() },
		"Set":  func() { stale.Set(2) },
		"Ptr":  func() { stale.Ptr() },
		"copy": func() { w.Get() },
	} {
		if msg := testutil.MustPanic(t, use); !strings.HasPrefix(msg, "rwlock: write guard used after Unlock") || !strings.Contains(msg, "Rust") {
			t.Errorf("%s after Unlock: panic %q", name, msg)
		}
	}
	if msg := testutil.MustPanic(t, w.Unlock); !strings.HasPrefix(msg, "rwlock: Unlock called twice on a write guard") {
		t.Errorf("second Unlock: panic %q", msg)
	}
	// Still stale while readers, then another writer, hold the lock; and a
	// stale Unlock never reaches sync.RWMutex (which would be a fatal error).
	r, _ := l.Read()
	if msg := testutil.MustPanic(t, stale.Unlock); !strings.Contains(msg, "twice") {
		t.Errorf("stale Unlock while read-locked: panic %q", msg)
	}
	r.Unlock()
	w2, _ := l.Write()
	if msg := testutil.MustPanic(t, func() { stale.Set(3) }); !strings.Contains(msg, "after Unlock") {
		t.Errorf("stale guard while relocked: panic %q", msg)
	}
	if msg := testutil.MustPanic(t, stale.Unlock); !strings.Contains(msg, "twice") {
		t.Errorf("stale Unlock while relocked: panic %q", msg)
	}
	if w2.Get() != 1 {
		t.Fatalf("stale guard changed the value to %d", w2.Get())
	}
	w2.Unlock()
	var zero rwlock.WriteGuard[int]
	if msg := testutil.MustPanic(t, func() { zero.Get() }); !strings.Contains(msg, "zero WriteGuard") {
		t.Errorf("zero guard: panic %q", msg)
	}
}

func TestReadGuardMisuseIsCaught(t *testing.T) {
	l := rwlock.New("v")
	r, _ := l.Read()
	r.Unlock()
	if msg := testutil.MustPanic(t, func() { r.Get() }); !strings.HasPrefix(msg, "rwlock: read guard used after Unlock") || !strings.Contains(msg, "Rust") {
		t.Errorf("Get after Unlock: panic %q", msg)
	}
	// The second Unlock is a panic with our message, not sync's unrecoverable
	// "fatal error: sync: RUnlock of unlocked RWMutex".
	if msg := testutil.MustPanic(t, r.Unlock); !strings.HasPrefix(msg, "rwlock: Unlock called twice on a read guard") {
		t.Errorf("second Unlock: panic %q", msg)
	}
	// A stale read guard stays stale when new readers come, and after a writer.
	fresh, _ := l.Read()
	if msg := testutil.MustPanic(t, func() { r.Get() }); !strings.Contains(msg, "after Unlock") {
		t.Errorf("stale guard beside a new reader: panic %q", msg)
	}
	if msg := testutil.MustPanic(t, r.Unlock); !strings.Contains(msg, "twice") {
		t.Errorf("stale Unlock beside a new reader: panic %q", msg)
	}
	if fresh.Get() != "v" {
		t.Fatal("the new reader lost its lock")
	}
	fresh.Unlock()
	w, _ := l.Write()
	w.Unlock()
	if msg := testutil.MustPanic(t, func() { r.Get() }); !strings.Contains(msg, "after Unlock") {
		t.Errorf("stale guard after a writer: panic %q", msg)
	}
	var zero rwlock.ReadGuard[string]
	if msg := testutil.MustPanic(t, func() { zero.Get() }); !strings.Contains(msg, "zero ReadGuard") {
		t.Errorf("zero guard Get: panic %q", msg)
	}
	if msg := testutil.MustPanic(t, zero.Unlock); !strings.Contains(msg, "zero ReadGuard") {
		t.Errorf("zero guard Unlock: panic %q", msg)
	}
}

// The documented limit: while other read guards taken together with it are
// out, a stale read guard is not noticed, and unlocking it again releases
// one of their read locks. The next of them to be used panics — and the lock
// still never reaches sync.RWMutex's fatal error and stays usable.
func TestDoubleReadUnlockAmongReadersIsCaughtLater(t *testing.T) {
	l := rwlock.New(7)
	r1, _ := l.Read()
	r2, _ := l.Read()
	r1.Unlock()
	if r1.Get() != 7 { // not caught: r2 still holds a read lock
		t.Fatal("value changed")
	}
	r1.Unlock() // not caught: releases the read lock r2 was counting on
	if msg := testutil.MustPanic(t, func() { r2.Get() }); !strings.Contains(msg, "another read guard of this lock was unlocked twice") {
		t.Errorf("r2.Get after r1 was unlocked twice: panic %q", msg)
	}
	if msg := testutil.MustPanic(t, r2.Unlock); !strings.Contains(msg, "twice") {
		t.Errorf("r2.Unlock after r1 was unlocked twice: panic %q", msg)
	}
	w, err := l.TryWrite()
	if err != nil {
		t.Fatalf("the lock is not free afterwards: %v", err)
	}
	w.Unlock()
	r3, _ := l.Read()
	r3.Unlock()
}
