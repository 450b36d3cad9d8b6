package rc

import (
	"fmt"
	"reflect"

	"github.com/fearless-go/fearless/helpers/internal/rec"
)

// Option configures New: Name or OnDrop. Options are not generic, so that
// rc.Name("tree") needs no type argument; OnDrop's function is checked
// against the Rc's type when New runs.
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

// Name gives the shared value a name, such as "tree", that timelines and
// messages use instead of "rc 3". Every owner shares it.
func Name(name string) Option { return nameOption(name) }

// OnDrop sets a function that runs once, with the value, when the last
// owner drops it (Rust: an impl Drop for T). It runs inside that last Drop,
// after the value has left the Rc. Its parameter must have the Rc's type T;
// New panics otherwise.
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
		panic(fmt.Sprintf("rc: OnDrop's function takes %s, but the Rc holds %s (give OnDrop a func(%[2]s))",
			reflect.TypeOf(c.drop).In(0), reflect.TypeFor[T]()))
	}
	return f
}
