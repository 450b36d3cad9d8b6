package own

import (
	"github.com/fearless-go/fearless/helpers/internal/callers"
	"github.com/fearless-go/fearless/helpers/internal/rec"
)

// Drop ends the value's life (Rust: drop(v)): the value is cleared, and every
// later use — Drop included — panics with "use after drop" and this line.
func (v *Value[T]) Drop() {
	v.check()
	pcs := callers.Capture()
	var zero T
	v.value = zero
	v.leave(&transfer{kind: droppedHere, pcs: pcs}, dropped, rec.Free, 0)
}
