package timeline

import (
	"fmt"

	"github.com/fearless-go/fearless/helpers/trace"
)

// This file holds the timeline's words: how objects are named and what the
// tooltip of a point says. build.go pairs events into spans and arrows.

// pointLabel says what an event that only marks a point on its lane did:
// obj is the event's object, named.
func (b *builder) pointLabel(e *trace.Event, obj string) string {
	switch e.Kind {
	case trace.Deadlock:
		return "deadlock: a cycle of waits through " + obj
	case trace.LockOrder:
		return fmt.Sprintf("lock order: %s and %s taken in both orders", obj, b.name(uint64(e.Value)))
	case trace.Poison:
		return obj + " poisoned by a panic while held"
	case trace.UserMark:
		return obj
	case trace.Disconnect:
		if e.Value == 1 {
			return obj + " disconnected: receiver dropped"
		}
		return obj + " disconnected: last sender dropped"
	case trace.SenderClone:
		return fmt.Sprintf("sender of %s cloned (%d senders)", obj, e.Value)
	case trace.SenderDrop:
		return fmt.Sprintf("sender of %s dropped (%d left)", obj, e.Value)
	case trace.RefClone:
		return fmt.Sprintf("%s cloned (strong count %d)", obj, e.Value)
	case trace.RefDrop:
		return fmt.Sprintf("%s dropped (strong count %d)", obj, e.Value)
	case trace.Free:
		return obj + " freed"
	case trace.Move:
		return b.moveLabel(e, obj)
	case trace.TaskDone:
		return obj + " done"
	}
	return e.Kind.String() + " " + obj
}

// moveLabel says where an owned value moved: into a thread or a channel
// (the event's value is its id), or back to the thread that joins.
func (b *builder) moveLabel(e *trace.Event, obj string) string {
	to := uint64(e.Value)
	switch {
	case to == 0:
		return obj + " moved" // a new handle (Move), or back to the thread that joins
	case b.rec.Objects[to].Kind == trace.ThreadObject:
		return obj + " moved into " + b.threadName(to)
	case b.rec.Objects[to].Kind == trace.ChannelObject:
		return obj + " sent on " + b.name(to)
	}
	return obj + " moved"
}

func (b *builder) name(obj uint64) string {
	if obj == 0 {
		return ""
	}
	return b.rec.ObjectName(obj)
}

// threadName names a thread by its lane when it has one: "worker-1"
// rather than "thread 7".
func (b *builder) threadName(obj uint64) string {
	if s, ok := b.started[obj]; ok {
		return b.m.Lanes[s.lane].Name
	}
	return b.name(obj)
}
