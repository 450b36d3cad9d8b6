package mpsc

import (
	"github.com/fearless-go/fearless/helpers/internal/where"
	"sync/atomic"

	"github.com/fearless-go/fearless/helpers/internal/rec"
)

// Sender is one handle on the sending side of a channel (Rust: Sender, and
// SyncSender for a SyncChannel). Any number of goroutines may Send through
// the same handle at once. The channel disconnects when every handle has
// been dropped, so each handle must be dropped exactly once, typically with
// defer tx.Drop() in the goroutine that owns it.
type Sender[T any] struct {
	c       *channel[T]
	dropped atomic.Bool
}

const (
	msgSenderAfterDrop = "mpsc: Sender used after Drop (Rust rejects this at compile time: the Sender was moved into drop)"
	msgZeroSender      = "mpsc: zero Sender used (a Sender comes from Channel, SyncChannel or Clone)"
)

func (s *Sender[T]) live() *channel[T] {
	if s.c == nil {
		panic(where.Refuse(msgZeroSender))
	}
	if s.dropped.Load() {
		panic(where.Refuse(msgSenderAfterDrop))
	}
	return s.c
}

// Send queues v for the receiver. On an unbounded channel it never blocks;
// on a SyncChannel it waits while the channel is full, and on a rendezvous
// channel until the receiver has taken v. If the Receiver has been dropped
// — before or while Send waits — Send returns a *SendError holding v, even
// if the channel has room; errors.As gets the value back.
//
// Sending an owned value (a *own.Value, see helpers/own) moves it, as in
// Rust: from Send on the sender's handle is dead ("use after move") and the
// goroutine that receives it owns it. If the send fails, the sender owns it
// again.
func (s *Sender[T]) Send(v T) error {
	c := s.live()
	c.point()
	claim := c.moveIn(v)
	recording := observed && rec.Enabled()
	c.mu.Lock()
	if c.rxGone {
		c.mu.Unlock()
		giveBack(claim)
		return &SendError[T]{Value: v}
	}
	c.sent++
	m := message[T]{v: v, id: c.sent, claim: claim}
	if recording {
		// Before the value is visible: the receiver's Recv event comes later.
		rec.Emit(rec.Send, rec.Instant, c.id, m.id, 0)
	}
	if !c.hasRoom() {
		return c.sendWait(m, recording)
	}
	c.queue.push(m)
	wake := c.wakeReceiver()
	c.mu.Unlock()
	if wake {
		c.rouse()
	}
	return nil
}

// Clone returns a new handle on the same channel (Rust: Sender::clone). The
// channel stays connected until this handle is dropped too.
func (s *Sender[T]) Clone() *Sender[T] {
	c := s.live()
	c.point()
	c.mu.Lock()
	c.senders++
	if rec.Enabled() {
		rec.Emit(rec.SenderClone, rec.Instant, c.id, 0, int64(c.senders))
	}
	c.mu.Unlock()
	return &Sender[T]{c: c}
}

// Drop ends this handle (Rust: drop(tx)). When the last handle is dropped
// the channel disconnects: the receiver gets what is queued, then
// ErrDisconnected. Using the handle afterwards panics.
func (s *Sender[T]) Drop() {
	if s.c == nil {
		panic(where.Refuse(msgZeroSender))
	}
	if !s.dropped.CompareAndSwap(false, true) {
		panic(where.Refuse(msgSenderAfterDrop))
	}
	c := s.c
	c.point()
	c.mu.Lock()
	c.senders--
	last := c.senders == 0
	if rec.Enabled() {
		rec.Emit(rec.SenderDrop, rec.Instant, c.id, 0, int64(c.senders))
		if last {
			rec.Emit(rec.Disconnect, rec.Instant, c.id, 0, 0)
		}
	}
	wake := last && c.wakeReceiver()
	c.mu.Unlock()
	if wake {
		c.rouse()
	}
}

// TraceID returns the channel's id in recordings (see helpers/trace); a
// Sender and its Receiver share it.
func (s *Sender[T]) TraceID() uint64 {
	if s.c == nil {
		return 0
	}
	return s.c.id
}
