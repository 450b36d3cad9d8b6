package mutex

import "github.com/fearless-go/fearless/helpers/internal/rec"

// Option configures New.
type Option func(*options)

type options struct {
	name string
}

// Name gives the mutex a name, such as "account", that deadlock and
// lock-order reports, errors and timelines use instead of "mutex 3".
func Name(name string) Option {
	return func(o *options) { o.name = name }
}

// apply labels the mutex with the options' name, if any.
func (m *Mutex[T]) apply(opts []Option) {
	var o options
	for _, opt := range opts {
		opt(&o)
	}
	if o.name != "" {
		rec.LabelID(m.TraceID(), o.name)
	}
}
