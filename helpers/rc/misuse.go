package rc

import (
	"fmt"
	"github.com/fearless-go/fearless/helpers/internal/where"
	"strconv"

	"github.com/petermattis/goid"

	"github.com/fearless-go/fearless/helpers/internal/rec"
)

// Messages for what Rust's compiler would have refused.
const (
	msgAfterDrop = "rc: use after drop (Rust rejects this at compile time: the Rc was moved into drop)"
	msgDropTwice = "rc: Drop called twice on the same Rc (Rust rejects this at compile time: the Rc was moved into drop)"
	msgZero      = "rc: nil or zero Rc used (an Rc comes from rc.New or Clone)"
	msgFreed     = "rc: use after the value was freed: its last owner already dropped it (this Rc was copied with *r instead of cloned; Rust rejects this at compile time)"
	msgCopied    = "rc: more Drops than owners: an Rc was copied with *r instead of cloned (Rust rejects this at compile time: Rc is not Copy; use Clone)"
)

// owned returns the shared block if the caller is its goroutine. It looks at
// nothing but fields written before the Rc was shared, so misuse panics
// before it can race on the count.
func (r *Rc[T]) owned(method string) *inner[T] {
	if r == nil || r.in == nil {
		panic(where.Refuse(msgZero))
	}
	in := r.in
	if g := goid.Get(); g != in.owner {
		panic(where.Refuse(wrongGoroutine(method, g, in.owner)))
	}
	return in
}

// live is owned, and also refuses an owner that was dropped.
func (r *Rc[T]) live(method string) *inner[T] {
	in := r.owned(method)
	if r.dropped {
		panic(where.Refuse(msgAfterDrop))
	}
	if in.strong <= 0 { // a live owner keeps it at 1 or more: an owner was copied
		panic(where.Refuse(msgFreed))
	}
	return in
}

//go:noinline
func wrongGoroutine(method string, used, created int64) string {
	u, c := goroutineName(used), goroutineName(created)
	if u == c { // two goroutines with one name: tell them apart
		u += " (" + strconv.FormatInt(used, 10) + ")"
		c += " (" + strconv.FormatInt(created, 10) + ")"
	}
	return fmt.Sprintf("rc: %s called on %s, but the Rc was created on %s "+
		"(Rust rejects this at compile time: `Rc<T>` cannot be sent between threads safely, "+
		"the trait `Send` is not implemented; use arc.Arc to share across goroutines)", method, u, c)
}

// goroutineName is how the message names goroutine g: by the name given with
// trace.NameGoroutine or thread.Name if it has one (the main goroutine is
// "main"), otherwise by its id.
func goroutineName(g int64) string {
	if name, ok := rec.GoroutineName(g); ok {
		return "goroutine " + strconv.Quote(name)
	}
	return "goroutine " + strconv.FormatInt(g, 10)
}
