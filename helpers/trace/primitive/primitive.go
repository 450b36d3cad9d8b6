// Package primitive records the events of a primitive that is not one of
// Fearless's helpers: a lock or channel of your own, or a synthesised
// scenario for a chart. Learners never need it; helpers/trace has what a
// notebook uses (Start, Stop, Span, Mark, Label).
//
// Events follow the helpers' conventions (see the Kind constants of
// helpers/trace): Begin and End around every wait, an instant for every
// acquisition, release, send and receive.
package primitive

import (
	"github.com/fearless-go/fearless/helpers/internal/rec"
	"github.com/fearless-go/fearless/helpers/internal/where"
	"github.com/fearless-go/fearless/helpers/trace"
)

// NewID returns a fresh id for an object of the given kind. Ids are unique
// for the life of the process, whether or not recording is on.
func NewID(kind trace.ObjectKind) uint64 { return rec.NewID(kind) }

// Label gives the object with this id a name for timelines and reports.
func Label(id uint64, name string) { rec.LabelID(id, name) }

// Emit records one event for the calling goroutine, with the caller's line.
func Emit(kind trace.Kind, phase trace.Phase, obj, msg uint64, val int64) {
	if rec.Enabled() {
		rec.Emit(kind, phase, obj, msg, val)
	}
}

// GoroutineName returns the name given to goroutine g (NameGoroutine, or a
// thread's name), if any, whether or not it appears in a recording.
func GoroutineName(g int64) (string, bool) { return rec.GoroutineName(g) }

// Where names line n of file as the helpers' reports do: "cell [5] line 12"
// for a line of a notebook cell, "worker.go:12" elsewhere.
func Where(file string, n int) string { return where.Format(file, n) }

// KindOf returns the kind of object an id from NewID names.
func KindOf(id uint64) trace.ObjectKind { return rec.KindOf(id) }

// DefaultName returns the name charts use for an unlabelled object: its kind
// and serial number, such as "mutex 3".
func DefaultName(id uint64) string { return rec.DefaultName(id) }
