package rec

import (
	"encoding/json"
	"fmt"
)

// Kind says what an event records.
type Kind uint8

// The kinds of events. Begin/End pairs are noted; the rest are instants.
const (
	_ Kind = iota

	ThreadRun // Begin when a thread starts running, End when it returns or panics; Object is the thread
	Spawn     // a goroutine spawned thread Object
	Panic     // the goroutine panicked; Object is its thread, if any
	Join      // Begin/End: waiting for thread Object to finish
	Sleep     // Begin/End: a blocking sleep of Value nanoseconds

	LockWait // Begin/End: waiting for lock Object; Value is ModeShared for a read lock
	Lock     // lock Object acquired exclusively
	Unlock   // lock Object released
	RLock    // lock Object acquired shared (a read lock)
	RUnlock  // shared lock Object released
	Poison   // lock Object poisoned by a panic while held

	Send        // message Msg sent on channel Object
	Recv        // message Msg received from channel Object
	SendWait    // Begin/End: a send blocked on channel Object (full, or waiting for a rendezvous)
	RecvWait    // Begin/End: a receive blocked on channel Object (empty)
	Disconnect  // the last sender of channel Object was dropped (Value 0) or its receiver was (Value 1)
	SenderClone // a sender of channel Object was cloned; Value is the new number of senders
	SenderDrop  // a sender of channel Object was dropped; Value is the number left
	RefClone    // Arc/Rc Object cloned; Value is the new strong count
	RefDrop     // Arc/Rc Object dropped once; Value is the strong count left
	Free        // the last owner of Object dropped it and its drop function ran
	Move        // owned value Object moved; Value is the thread it moved into, if any
	TaskSpawn   // async task Object created on executor Value
	TaskRun     // Begin/End: task Object running on worker Value
	TaskDone    // async task Object finished
	UserSpan    // Begin/End: a span named by Object (see Span)
	UserMark    // a point named by Object (see Mark)
	Deadlock    // the deadlock check found a cycle through lock Object
	LockOrder   // the lock-order check saw Object and Value taken in both orders

	kindCount
)

// Lock modes carried in Value by LockWait events.
const (
	ModeExclusive = 0
	ModeShared    = 1
)

var kindNames = [kindCount]string{
	ThreadRun: "thread", Spawn: "spawn", Panic: "panic", Join: "join", Sleep: "sleep",
	LockWait: "lock-wait", Lock: "lock", Unlock: "unlock", RLock: "rlock", RUnlock: "runlock", Poison: "poison",
	Send: "send", Recv: "recv", SendWait: "send-wait", RecvWait: "recv-wait", Disconnect: "disconnect",
	SenderClone: "sender-clone", SenderDrop: "sender-drop",
	RefClone: "clone", RefDrop: "drop", Free: "free", Move: "move",
	TaskSpawn: "task-spawn", TaskRun: "task-run", TaskDone: "task-done",
	UserSpan: "span", UserMark: "mark", Deadlock: "deadlock", LockOrder: "lock-order",
}

// String returns the kind's short name, as used in JSON.
func (k Kind) String() string {
	if k < kindCount && kindNames[k] != "" {
		return kindNames[k]
	}
	return fmt.Sprintf("kind(%d)", uint8(k))
}

// MarshalText encodes the kind as its name.
func (k Kind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// UnmarshalText decodes a kind from its name.
func (k *Kind) UnmarshalText(b []byte) error {
	for i, n := range kindNames {
		if n != "" && n == string(b) {
			*k = Kind(i)
			return nil
		}
	}
	return fmt.Errorf("trace: unknown event kind %q", b)
}

// Phase says whether an event is a point in time or one end of a span.
type Phase uint8

// The phases.
const (
	Instant Phase = iota
	Begin
	End
)

var phaseNames = [...]string{Instant: "i", Begin: "B", End: "E"}

// String returns "i", "B" or "E" (the letters of Chrome's trace format).
func (p Phase) String() string {
	if int(p) < len(phaseNames) {
		return phaseNames[p]
	}
	return fmt.Sprintf("phase(%d)", uint8(p))
}

// MarshalJSON encodes the phase as its letter.
func (p Phase) MarshalJSON() ([]byte, error) { return json.Marshal(p.String()) }

// UnmarshalJSON decodes a phase from its letter.
func (p *Phase) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	for i, n := range phaseNames {
		if n == s {
			*p = Phase(i)
			return nil
		}
	}
	return fmt.Errorf("trace: unknown phase %q", s)
}
