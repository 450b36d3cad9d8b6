package mpsc

import (
	"reflect"

	"github.com/fearless-go/fearless/helpers/own"
)

// carriesOwnership reports whether values of type T can be owned values
// (helpers/own), whose ownership a send moves to the receiver: T implements
// own.Movable (a *own.Value), or T is an interface that such a value may sit
// in. Other channels skip the check entirely.
func carriesOwnership[T any]() bool {
	t := reflect.TypeFor[T]()
	return t.Kind() == reflect.Interface || t.Implements(reflect.TypeFor[own.Movable]())
}

// moveIn gives up the sending goroutine's ownership of v, if v is an owned
// value, in favour of the channel, as sending moves a value in Rust. It
// panics (use after move) if the sender does not own v. The returned claim,
// called by the goroutine that ends up with v — the receiver, or the sender
// when the send fails — makes that goroutine the owner; it is nil for other
// values.
func (c *channel[T]) moveIn(v T) (claim func()) {
	if !c.moves {
		return nil
	}
	if m, ok := any(v).(own.Movable); ok {
		return m.MoveInto(c.id)
	}
	return nil
}

// claimed returns the message's value after making the calling goroutine
// its owner, if it is an owned value.
func (m message[T]) claimed() T {
	if m.claim != nil {
		m.claim()
	}
	return m.v
}

// giveBack returns an owned value to the sender whose send failed.
func giveBack(claim func()) {
	if claim != nil {
		claim()
	}
}
