package mpsc

import (
	"fmt"
	"github.com/fearless-go/fearless/helpers/internal/where"
	"sync"
	"sync/atomic"

	"github.com/fearless-go/fearless/helpers/internal/rec"
)

// message is a queued value with its id, which links its Send event to its
// Recv event in recordings. Ids count the channel's sends: 1, 2, 3…
type message[T any] struct {
	v     T
	id    uint64
	claim func() // makes the receiver the owner of an owned value (see moveIn); nil for others
}

// channel is the state shared by a channel's Senders and its Receiver. One
// mutex guards it all: every operation is a few loads and stores under it.
type channel[T any] struct {
	mu      sync.Mutex
	queue   ring[message[T]]
	blocked ring[*blockedSend[T]] // senders waiting for room (bounded) or for the receiver (rendezvous), oldest first
	bound   int                   // most messages queued at once; unbounded if negative
	senders int                   // live Sender handles
	sent    uint64                // messages accepted so far: the last message id
	rxGone  bool                  // the Receiver was dropped

	// The receiver sleeps on rxWake with rxWaiting set; whoever makes
	// progress possible clears rxWaiting and leaves one token. rxBusy is set
	// for the whole of a blocking receive, so a second receiver is caught.
	rxWaiting bool
	rxBusy    bool
	rxWake    chan struct{}

	spare atomic.Pointer[blockedSend[T]] // a blockedSend to reuse

	id    uint64
	moves bool // T may hold an owned value (helpers/own), which a send moves
}

// unbounded marks a channel created by Channel.
const unbounded = -1

// Channel creates an unbounded channel and returns its first Sender and its
// Receiver (Rust: mpsc::channel). Send never blocks; messages queue up until
// they are received. Options: Name.
func Channel[T any](opts ...Option) (*Sender[T], *Receiver[T]) {
	return newChannel[T](unbounded, opts)
}

// SyncChannel creates a channel that holds at most bound messages (Rust:
// mpsc::sync_channel). Send blocks while it is full. With bound 0 the channel
// is a rendezvous: Send returns only once the receiver has taken the value.
// A negative bound panics. Options: Name.
func SyncChannel[T any](bound int, opts ...Option) (*Sender[T], *Receiver[T]) {
	if bound < 0 {
		panic(where.Refuse(fmt.Sprintf("mpsc: SyncChannel bound %d is negative (Rust takes a usize, so it cannot be)", bound)))
	}
	return newChannel[T](bound, opts)
}

func newChannel[T any](bound int, opts []Option) (*Sender[T], *Receiver[T]) {
	c := &channel[T]{
		bound:   bound,
		senders: 1,
		rxWake:  make(chan struct{}, 1),
		id:      rec.NewID(rec.ChannelObject),
		moves:   carriesOwnership[T](),
	}
	c.apply(opts)
	return &Sender[T]{c: c}, &Receiver[T]{c: c}
}

// hasRoom reports whether a send can complete without waiting: the channel
// has room, or (a rendezvous) the receiver is already waiting for it.
func (c *channel[T]) hasRoom() bool {
	return c.bound < 0 || c.queue.len() < c.bound || c.rxWaiting
}

// wakeReceiver clears rxWaiting and reports whether the caller must call
// rouse after unlocking.
func (c *channel[T]) wakeReceiver() bool {
	w := c.rxWaiting
	c.rxWaiting = false
	return w
}

// rouse leaves the sleeping receiver a token. A token may already be there
// (left over from a RecvTimeout that timed out); one is enough.
func (c *channel[T]) rouse() {
	select {
	case c.rxWake <- struct{}{}:
	default:
	}
	c.changed()
}

// take removes the next message, if any: the oldest queued one, else the
// value of a sender blocked in a rendezvous. A message taken from a full
// bounded queue makes room for the oldest blocked sender, whose value moves
// into the queue and whose Send returns.
func (c *channel[T]) take() (message[T], bool) {
	if c.queue.len() > 0 {
		m := c.queue.pop()
		if c.blocked.len() > 0 && c.queue.len() < c.bound {
			b := c.blocked.pop()
			c.queue.push(b.msg)
			b.done <- true
			c.changed()
		}
		return m, true
	}
	if c.blocked.len() > 0 {
		b := c.blocked.pop()
		m := b.msg // before the signal: from then on b is the sender's again
		b.done <- true
		c.changed()
		return m, true
	}
	return message[T]{}, false
}
