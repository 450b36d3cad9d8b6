package mpsc

import (
	"math/rand/v2"
	"testing"
)

// Property: through any sequence of pushes and pops — growing and shrinking
// the buffer on the way — a ring behaves as a FIFO queue, and a popped slot
// keeps no reference to its value.
func TestRingIsAFIFOThroughGrowAndShrink(t *testing.T) {
	var r ring[*int]
	var model []*int
	rng := rand.New(rand.NewPCG(1, 2))
	for step := range 200_000 {
		// Phases of mostly pushing, then mostly popping, so the ring grows
		// large and shrinks back.
		pushBias := 0.7
		if step/20_000%2 == 1 {
			pushBias = 0.3
		}
		if len(model) == 0 || rng.Float64() < pushBias {
			v := new(int)
			*v = step
			r.push(v)
			model = append(model, v)
		} else {
			got := r.pop()
			if got != model[0] {
				t.Fatalf("step %d: pop = %d, want %d", step, *got, *model[0])
			}
			model = model[1:]
		}
		if r.len() != len(model) {
			t.Fatalf("step %d: len = %d, want %d", step, r.len(), len(model))
		}
	}
	for len(model) > 0 {
		if got := r.pop(); got != model[0] {
			t.Fatalf("draining: pop = %d, want %d", *got, *model[0])
		}
		model = model[1:]
	}
	if len(r.buf) > 8*minRing {
		t.Fatalf("an empty ring kept a buffer of %d slots", len(r.buf))
	}
	for i, v := range r.buf {
		if v != nil {
			t.Fatalf("slot %d still holds a popped value", i)
		}
	}
}
