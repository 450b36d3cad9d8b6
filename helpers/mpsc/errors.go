package mpsc

import "errors"

// SendError is returned by Send when the Receiver has been dropped (Rust:
// SendError). The value that could not be sent comes back in Value, so
// nothing is lost.
type SendError[T any] struct {
	Value T
}

// Error says why the send failed.
func (e *SendError[T]) Error() string {
	return "mpsc: sending on a disconnected channel: the Receiver was dropped (the value is returned in SendError.Value)"
}

// IntoInner returns the value that could not be sent (Rust: SendError.0).
func (e *SendError[T]) IntoInner() T { return e.Value }

// ErrDisconnected is returned by Recv, TryRecv and RecvTimeout when the
// channel is empty and every Sender has been dropped, so nothing can ever
// arrive (Rust: RecvError, TryRecvError::Disconnected,
// RecvTimeoutError::Disconnected).
var ErrDisconnected = errors.New("mpsc: receiving on an empty and disconnected channel: every Sender was dropped")

// ErrEmpty is returned by TryRecv when nothing is queued but a Sender still
// exists, so something may arrive later (Rust: TryRecvError::Empty).
var ErrEmpty = errors.New("mpsc: receiving on an empty channel (TryRecv does not wait)")

// ErrTimeout is returned by RecvTimeout when nothing arrived in time but a
// Sender still exists (Rust: RecvTimeoutError::Timeout).
var ErrTimeout = errors.New("mpsc: timed out waiting on channel (a Sender still exists)")
