package deadlock

import (
	"io"

	"github.com/fearless-go/fearless/helpers/internal/engine"
)

// Error is the panic value of a goroutine that was about to block forever:
// the goroutines in Cycle each wait for the next, and the last for the first.
// Its Error method describes the cycle, one goroutine per line.
type Error = engine.Error

// Step is one goroutine in a deadlock cycle and what it waits for.
type Step = engine.Step

// OrderViolation reports two locks taken in both orders: the pattern that
// deadlocks when two goroutines do it at the same time. Its Error method
// describes both orders with their call sites.
type OrderViolation = engine.OrderViolation

// OrderStep is one "took lock B while holding lock A" with both call sites.
type OrderStep = engine.OrderStep

// Enable turns the checks on or off and returns whether they were on. Locks
// taken while the checks were off are unknown to them.
func Enable(on bool) (was bool) { return engine.Enable(on) }

// Enabled reports whether the checks are on.
func Enabled() bool { return engine.Enabled() }

// Reset forgets every lock order seen and every violation reported. It does
// not forget which locks are held right now.
func Reset() { engine.Reset() }

// Violations returns every lock-order violation found since the start or the
// last Reset, first found first.
func Violations() []*OrderViolation { return engine.Violations() }

// SetOutput sets where lock-order violations are written as they are found
// (os.Stdout by default, so that in a notebook the warning shows in the
// cell's output and not on stderr, which nbgrader scores as a failure; nil to
// stay quiet). Violations returns them anyway.
func SetOutput(w io.Writer) { engine.SetOutput(w) }
