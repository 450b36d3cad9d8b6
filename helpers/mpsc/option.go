package mpsc

import "github.com/fearless-go/fearless/helpers/internal/rec"

// Option configures Channel and SyncChannel.
type Option func(*options)

type options struct {
	name string
}

// Name gives the channel a name, such as "jobs", that errors and timelines
// use instead of "channel 3".
func Name(name string) Option {
	return func(o *options) { o.name = name }
}

// apply labels the channel with the options' name, if any.
func (c *channel[T]) apply(opts []Option) {
	var o options
	for _, opt := range opts {
		opt(&o)
	}
	if o.name != "" {
		rec.LabelID(c.id, o.name)
	}
}
