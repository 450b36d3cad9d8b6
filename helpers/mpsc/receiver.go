package mpsc

import (
	"github.com/fearless-go/fearless/helpers/internal/where"
	"iter"
	"sync/atomic"
	"time"

	"github.com/fearless-go/fearless/helpers/internal/rec"
)

// Receiver is the receiving side of a channel (Rust: Receiver). There is
// exactly one. It may move from goroutine to goroutine, but two goroutines
// must not receive from it at the same time: Rust's Receiver is Send but not
// Sync, and this one panics when it catches such a use.
type Receiver[T any] struct {
	c       *channel[T]
	dropped atomic.Bool
}

const (
	msgReceiverAfterDrop = "mpsc: Receiver used after Drop (Rust rejects this at compile time: the Receiver was moved into drop)"
	msgZeroReceiver      = "mpsc: zero Receiver used (a Receiver comes from Channel or SyncChannel)"
	msgTwoReceivers      = "mpsc: two goroutines receive from one Receiver at once (Rust rejects this at compile time: Receiver is not Sync; use one receiver, or share it behind a mutex)"
)

func (r *Receiver[T]) live() *channel[T] {
	if r.c == nil {
		panic(where.Refuse(msgZeroReceiver))
	}
	if r.dropped.Load() {
		panic(where.Refuse(msgReceiverAfterDrop))
	}
	return r.c
}

// forever is the wait of a receive without a timeout.
const forever time.Duration = -1

// Recv waits for the next message and returns it (Rust: recv). Once every
// Sender has been dropped and nothing is left in the queue, it returns
// ErrDisconnected instead of waiting forever.
func (r *Receiver[T]) Recv() (T, error) { return r.live().recv(forever, nil) }

// TryRecv returns the next message if one is ready, without waiting (Rust:
// try_recv). Otherwise it returns ErrEmpty, or ErrDisconnected if every
// Sender has been dropped.
func (r *Receiver[T]) TryRecv() (T, error) { return r.live().recv(0, ErrEmpty) }

// RecvTimeout waits at most d for the next message (Rust: recv_timeout). It
// returns ErrTimeout if none arrived while a Sender still exists, and
// ErrDisconnected — at once, not after d — if every Sender is gone and
// nothing is queued.
func (r *Receiver[T]) RecvTimeout(d time.Duration) (T, error) {
	return r.live().recv(max(d, 0), ErrTimeout)
}

// recv takes the next message, waiting up to d (forever if d is negative).
// If none arrives while a Sender exists, it returns notYet.
func (c *channel[T]) recv(d time.Duration, notYet error) (T, error) {
	c.point()
	c.mu.Lock()
	if c.rxBusy {
		c.mu.Unlock()
		panic(where.Refuse(msgTwoReceivers))
	}
	m, ok := c.take()
	if !ok {
		return c.recvWait(d, notYet)
	}
	c.mu.Unlock()
	if observed && rec.Enabled() {
		rec.Emit(rec.Recv, rec.Instant, c.id, m.id, 0)
	}
	return m.claimed(), nil
}

// recvWait is the rest of recv when the queue is empty. It is called with
// c.mu held and releases it.
func (c *channel[T]) recvWait(d time.Duration, notYet error) (T, error) {
	var zero T
	switch {
	case c.senders == 0:
		c.mu.Unlock()
		return zero, ErrDisconnected
	case d == 0:
		c.mu.Unlock()
		return zero, notYet
	}
	c.rxBusy = true
	var expired <-chan time.Time
	if d > 0 {
		t := time.NewTimer(d)
		defer t.Stop()
		expired = t.C
	}
	recording := observed && rec.Enabled()
	if recording {
		rec.Emit(rec.RecvWait, rec.Begin, c.id, 0, 0)
	}
	var (
		m   message[T]
		err error
	)
	for {
		c.rxWaiting = true
		c.mu.Unlock()
		c.await(func() bool { return len(c.rxWake) > 0 })
		timedOut := false
		select {
		case <-c.rxWake:
		case <-expired:
			timedOut = true
		}
		c.mu.Lock()
		var ok bool
		// Taken first: a message that arrived as the timer fired is still
		// delivered (a rendezvous sender that saw rxWaiting counts on it).
		if m, ok = c.take(); ok {
			break
		}
		if c.senders == 0 {
			err = ErrDisconnected
			break
		}
		if timedOut {
			err = notYet
			break
		}
		// Woken by a token left over from an earlier timeout: wait again.
	}
	c.rxWaiting, c.rxBusy = false, false
	c.mu.Unlock()
	if recording {
		rec.Emit(rec.RecvWait, rec.End, c.id, 0, 0)
		if err == nil {
			rec.Emit(rec.Recv, rec.Instant, c.id, m.id, 0)
		}
	}
	if err != nil {
		return zero, err
	}
	return m.claimed(), nil
}

// Iter returns an iterator over the messages, for use with range (Rust:
// iter): for v := range rx.Iter() receives until every Sender has been
// dropped and the queue is empty. Breaking out of the loop leaves the
// Receiver usable.
//
//go:noinline
func (r *Receiver[T]) Iter() iter.Seq[T] {
	// Not inlined: inlined, its closure would be named as the caller's own,
	// and recorded receives would point here instead of at the range loop.
	r.live()
	return func(yield func(T) bool) {
		for {
			// live again: the loop body may have dropped the Receiver.
			v, err := r.live().recv(forever, nil)
			if err != nil || !yield(v) {
				return
			}
		}
	}
}

// Drop ends the Receiver (Rust: drop(rx)). Queued messages are discarded,
// senders blocked in Send return a *SendError with their value, and every
// later Send fails the same way. Using the Receiver afterwards panics.
func (r *Receiver[T]) Drop() {
	if r.c == nil {
		panic(where.Refuse(msgZeroReceiver))
	}
	c := r.c
	c.point()
	c.mu.Lock()
	if c.rxBusy {
		c.mu.Unlock()
		panic(where.Refuse(msgTwoReceivers))
	}
	if !r.dropped.CompareAndSwap(false, true) {
		c.mu.Unlock()
		panic(where.Refuse(msgReceiverAfterDrop))
	}
	c.rxGone = true
	if rec.Enabled() {
		rec.Emit(rec.Disconnect, rec.Instant, c.id, 0, 1)
	}
	for c.blocked.len() > 0 {
		c.blocked.pop().done <- false
	}
	c.changed()
	c.queue.clear()
	c.mu.Unlock()
}

// TraceID returns the channel's id in recordings (see helpers/trace); a
// Sender and its Receiver share it.
func (r *Receiver[T]) TraceID() uint64 {
	if r.c == nil {
		return 0
	}
	return r.c.id
}
