package rwlock

import (
	"github.com/fearless-go/fearless/helpers/internal/callers"
	"github.com/fearless-go/fearless/helpers/internal/engine"
	"github.com/fearless-go/fearless/helpers/internal/hook"
	"github.com/fearless-go/fearless/helpers/internal/rec"
)

// This file is the slow path, taken only while the recorder or the checks are
// on. Call depth matters: the recorder resolves the user's line at most three
// frames above rec.Emit.

// lockInstrumented takes the lock in mode, recording the wait if there is one
// and refusing to block into a deadlock.
func (l *RwLock[T]) lockInstrumented(mode engine.Mode) {
	engine.Point(l.TraceID(), engine.OpLock, mode) // a scheduling point of helpers/explore
	if !l.tryLock(mode) {
		id := l.TraceID()
		checking := hook.Checking()
		if checking {
			engine.BeforeWait(id, mode) // panics instead of hanging
		}
		if rec.Enabled() {
			rec.Emit(rec.LockWait, rec.Begin, id, 0, traceMode(mode))
		}
		if mode == engine.Shared {
			l.mu.RLock()
		} else {
			l.mu.Lock()
		}
		if rec.Enabled() {
			rec.Emit(rec.LockWait, rec.End, id, 0, traceMode(mode))
		}
		if checking {
			engine.AfterWait()
		}
	}
	l.noteAcquired(mode, true)
}

func (l *RwLock[T]) tryLock(mode engine.Mode) bool {
	if mode == engine.Shared {
		return l.mu.TryRLock()
	}
	return l.mu.TryLock()
}

func traceMode(mode engine.Mode) int64 {
	if mode == engine.Shared {
		return rec.ModeShared
	}
	return rec.ModeExclusive
}

// noteAcquired tells the checks and the recorder that the calling goroutine
// now holds the lock in mode. ordered is false for TryRead and TryWrite, which
// cannot block and so add no lock-order edge.
func (l *RwLock[T]) noteAcquired(mode engine.Mode, ordered bool) {
	id := l.TraceID()
	if mode == engine.Exclusive {
		l.unwound = callers.Panicking() // such a write guard does not poison (see unlockWrite)
	}
	if hook.Checking() {
		// The checker keeps one abandon func per lock, from its latest
		// holder: all holders share one mode, so it fits every one of them.
		abandon := l.abandonWrite
		if mode == engine.Shared {
			abandon = l.abandonRead
		}
		engine.Acquired(id, mode, ordered, abandon)
	}
	if rec.Enabled() {
		kind := rec.Lock
		if mode == engine.Shared {
			kind = rec.RLock
		}
		rec.Emit(kind, rec.Instant, id, 0, 0)
	}
}

// noteReleased is noteAcquired's mirror. check is false when the checker
// already forgot the hold (a goroutine that died holding the lock).
func (l *RwLock[T]) noteReleased(mode engine.Mode, check bool) {
	id := l.TraceID()
	if rec.Enabled() {
		kind := rec.Unlock
		if mode == engine.Shared {
			kind = rec.RUnlock
		}
		rec.Emit(kind, rec.Instant, id, 0, 0)
	}
	if check && hook.Checking() {
		engine.Released(id)
	}
}
