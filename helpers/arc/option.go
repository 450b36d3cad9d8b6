package arc

import (
	"fmt"
	"github.com/fearless-go/fearless/helpers/internal/where"
	"reflect"

	"github.com/fearless-go/fearless/helpers/internal/rec"
)

// Option configures New: Name or OnDrop. Options are not generic, so that
// arc.Name("config") needs no type argument; OnDrop's function is checked
// against the Arc's type when New runs.
type Option interface {
	configure(*config)
}

type config struct {
	name string
	drop any // a dropFunc[T]
}

type nameOption string

func (n nameOption) configure(c *config) { c.name = string(n) }

type dropFunc[T any] func(T)

func (f dropFunc[T]) configure(c *config) { c.drop = f }

// Name gives the shared value a name, such as "config", that timelines and
// messages use instead of "arc 3". Every owner shares it.
func Name(name string) Option { return nameOption(name) }

// OnDrop sets a function that runs once, with the value, when the last
// owner drops it (Rust: an impl Drop for T). It runs on the goroutine that
// called that last Drop, after the value has left the Arc. Its parameter
// must have the Arc's type T; New panics otherwise.
func OnDrop[T any](f func(v T)) Option { return dropFunc[T](f) }

// configure applies opts to the value with trace id id and returns its drop
// function.
func configure[T any](id uint64, opts []Option) func(T) {
	var c config
	for _, o := range opts {
		o.configure(&c)
	}
	if c.name != "" {
		rec.LabelID(id, c.name)
	}
	if c.drop == nil {
		return nil
	}
	f, ok := c.drop.(dropFunc[T])
	if !ok {
		panic(where.Refuse(fmt.Sprintf("arc: OnDrop's function takes %s, but the Arc holds %s (give OnDrop a func(%[2]s))",
			reflect.TypeOf(c.drop).In(0), reflect.TypeFor[T]())))
	}
	return f
}
