package trace

import "github.com/fearless-go/fearless/helpers/internal/rec"

// Region is a span of user code opened by Span. Call End once, typically
// with defer: defer trace.Span("parse").End().
type Region struct {
	id uint64
}

// Span starts a named span on the calling goroutine's lane. It costs one
// atomic load when recording is off.
func Span(name string) Region {
	if !Enabled() {
		return Region{}
	}
	id := rec.Intern(name)
	rec.Emit(UserSpan, Begin, id, 0, 0)
	return Region{id: id}
}

// End closes the span. It must be called on the goroutine that opened it.
func (r Region) End() {
	if r.id != 0 && Enabled() {
		rec.Emit(UserSpan, End, r.id, 0, 0)
	}
}

// Mark records a named point in time on the calling goroutine's lane.
func Mark(name string) {
	if Enabled() {
		rec.Emit(UserMark, Instant, rec.Intern(name), 0, 0)
	}
}
