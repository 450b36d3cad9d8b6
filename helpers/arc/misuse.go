package arc

import "github.com/fearless-go/fearless/helpers/internal/where"

// Messages for what Rust's compiler would have refused.
const (
	msgAfterDrop = "arc: use after drop (Rust rejects this at compile time: the Arc was moved into drop)"
	msgDropTwice = "arc: Drop called twice on the same Arc (Rust rejects this at compile time: the Arc was moved into drop)"
	msgZero      = "arc: nil or zero Arc used (an Arc comes from arc.New or Clone)"
	msgFreed     = "arc: use after the value was freed: its last owner already dropped it (this Arc was copied with *a instead of cloned, or used while another goroutine dropped it; Rust rejects both at compile time)"
	msgCopied    = "arc: more Drops than owners: an Arc was copied with *a instead of cloned (Rust rejects this at compile time: Arc is not Copy; use Clone)"
)

// live returns the shared block, or panics if this owner may not be used.
func (a *Arc[T]) live() *inner[T] {
	if a == nil || a.in == nil {
		panic(where.Refuse(msgZero))
	}
	if a.dropped.Load() {
		panic(where.Refuse(msgAfterDrop))
	}
	in := a.in
	// A live owner keeps the count at 1 or more; 0 means an owner was
	// copied, or is racing with its own Drop.
	if in.strong.Load() == 0 {
		panic(where.Refuse(msgFreed))
	}
	return in
}
