package rwlock

import "github.com/fearless-go/fearless/helpers/internal/rec"

// Option configures New.
type Option func(*options)

type options struct {
	name string
}

// Name gives the lock a name, such as "config", that deadlock and lock-order
// reports, errors and timelines use instead of "rwlock 3".
func Name(name string) Option {
	return func(o *options) { o.name = name }
}

// apply labels the lock with the options' name, if any.
func (l *RwLock[T]) apply(opts []Option) {
	var o options
	for _, opt := range opts {
		opt(&o)
	}
	if o.name != "" {
		rec.LabelID(l.TraceID(), o.name)
	}
}
