package mpsc

import "github.com/fearless-go/fearless/helpers/internal/rec"

// blockedSend is a sender waiting in Send: for room in a full SyncChannel,
// or for the receiver of a rendezvous channel. The receiver moves its value
// into the queue (or takes it) and sends true on done; dropping the Receiver
// sends false instead.
type blockedSend[T any] struct {
	msg  message[T]
	done chan bool
}

// sendWait is the rest of Send when the channel is full. It is called with
// c.mu held and releases it.
func (c *channel[T]) sendWait(m message[T], recording bool) error {
	b := c.spare.Swap(nil)
	if b == nil {
		b = &blockedSend[T]{done: make(chan bool, 1)}
	}
	b.msg = m
	c.blocked.push(b)
	c.mu.Unlock()
	if recording {
		rec.Emit(rec.SendWait, rec.Begin, c.id, m.id, 0)
	}
	c.await(func() bool { return len(b.done) > 0 })
	ok := <-b.done
	if recording {
		rec.Emit(rec.SendWait, rec.End, c.id, m.id, 0)
	}
	// The receiver is done with b once it has signalled: keep it for the
	// next blocked send, which then allocates nothing.
	b.msg = message[T]{}
	c.spare.Store(b)
	if !ok {
		giveBack(m.claim)
		return &SendError[T]{Value: m.v}
	}
	return nil
}
