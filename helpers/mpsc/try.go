package mpsc

import (
	"errors"
	"iter"

	"github.com/fearless-go/fearless/helpers/internal/rec"
)

// ErrFull is returned by TrySend when a SyncChannel has no room (for a
// rendezvous channel: the receiver is not waiting), so Send would block
// (Rust: TrySendError::Full). The value was not sent; it is still the
// caller's.
var ErrFull = errors.New("mpsc: sending on a full channel (TrySend does not wait)")

// TrySend sends v if that needs no waiting (Rust: SyncSender::try_send).
// On a SyncChannel with no room it returns ErrFull; if the Receiver has been
// dropped, a *SendError holding v. On an unbounded channel it is Send, which
// never waits. An owned value moves as with Send, and stays the sender's
// when TrySend fails.
func (s *Sender[T]) TrySend(v T) error {
	c := s.live()
	c.point()
	claim := c.moveIn(v)
	c.mu.Lock()
	if c.rxGone {
		c.mu.Unlock()
		giveBack(claim)
		return &SendError[T]{Value: v}
	}
	if !c.hasRoom() {
		c.mu.Unlock()
		giveBack(claim)
		return ErrFull
	}
	c.sent++
	m := message[T]{v: v, id: c.sent, claim: claim}
	if observed && rec.Enabled() {
		rec.Emit(rec.Send, rec.Instant, c.id, m.id, 0)
	}
	c.queue.push(m)
	wake := c.wakeReceiver()
	c.mu.Unlock()
	if wake {
		c.rouse()
	}
	return nil
}

// TryIter returns an iterator over the messages already waiting, for use
// with range (Rust: try_iter): it never waits, and ends as soon as the
// queue is empty, whether or not a Sender still exists.
//
//go:noinline
func (r *Receiver[T]) TryIter() iter.Seq[T] {
	// Not inlined, for the same reason as Iter.
	r.live()
	return func(yield func(T) bool) {
		for {
			v, err := r.live().recv(0, ErrEmpty)
			if err != nil || !yield(v) {
				return
			}
		}
	}
}
