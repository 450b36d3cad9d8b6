package trace

import "github.com/fearless-go/fearless/helpers/internal/rec"

// Kind says what an event records; its String is the short name used in JSON.
type Kind = rec.Kind

// The kinds of events. Begin/End pairs are noted; the rest are instants.
const (
	ThreadRun   = rec.ThreadRun   // Begin when a thread starts running, End when it returns or panics; Object is the thread
	Spawn       = rec.Spawn       // a goroutine spawned thread Object
	Panic       = rec.Panic       // the goroutine panicked; Object is its thread, if any
	Join        = rec.Join        // Begin/End: waiting for thread Object to finish
	Sleep       = rec.Sleep       // Begin/End: a blocking sleep of Value nanoseconds
	LockWait    = rec.LockWait    // Begin/End: waiting for lock Object; Value is ModeShared for a read lock
	Lock        = rec.Lock        // lock Object acquired exclusively
	Unlock      = rec.Unlock      // lock Object released
	RLock       = rec.RLock       // lock Object acquired shared (a read lock)
	RUnlock     = rec.RUnlock     // shared lock Object released
	Poison      = rec.Poison      // lock Object poisoned by a panic while held
	Send        = rec.Send        // message Msg sent on channel Object
	Recv        = rec.Recv        // message Msg received from channel Object
	SendWait    = rec.SendWait    // Begin/End: a send blocked on channel Object (full, or waiting for a rendezvous)
	RecvWait    = rec.RecvWait    // Begin/End: a receive blocked on channel Object (empty)
	Disconnect  = rec.Disconnect  // the last sender of channel Object was dropped (Value 0) or its receiver was (Value 1)
	SenderClone = rec.SenderClone // a sender of channel Object was cloned; Value is the new number of senders
	SenderDrop  = rec.SenderDrop  // a sender of channel Object was dropped; Value is the number left
	RefClone    = rec.RefClone    // Arc/Rc Object cloned; Value is the new strong count
	RefDrop     = rec.RefDrop     // Arc/Rc Object dropped once; Value is the strong count left
	Free        = rec.Free        // the last owner of Object dropped it and its drop function ran
	Move        = rec.Move        // owned value Object moved; Value is the thread it moved into, if any
	TaskSpawn   = rec.TaskSpawn   // async task Object created on executor Value
	TaskRun     = rec.TaskRun     // Begin/End: task Object running on worker Value
	TaskDone    = rec.TaskDone    // async task Object finished
	UserSpan    = rec.UserSpan    // Begin/End: a span named by Object (see Span)
	UserMark    = rec.UserMark    // a point named by Object (see Mark)
	Deadlock    = rec.Deadlock    // the deadlock check found a cycle through lock Object
	LockOrder   = rec.LockOrder   // the lock-order check saw Object and Value taken in both orders
)

// Lock modes carried in Value by LockWait events.
const (
	ModeExclusive = rec.ModeExclusive
	ModeShared    = rec.ModeShared
)

// Phase says whether an event is a point in time or one end of a span; its
// String is "i", "B" or "E" (the letters of Chrome's trace format).
type Phase = rec.Phase

// The phases.
const (
	Instant = rec.Instant
	Begin   = rec.Begin
	End     = rec.End
)

// ObjectKind says what kind of helper object an id names; its String is the
// kind's name, such as "mutex".
type ObjectKind = rec.ObjectKind

// The kinds of objects.
const (
	NoObject       = rec.NoObject
	ThreadObject   = rec.ThreadObject
	MutexObject    = rec.MutexObject
	RwLockObject   = rec.RwLockObject
	ChannelObject  = rec.ChannelObject
	ArcObject      = rec.ArcObject
	RcObject       = rec.RcObject
	ValueObject    = rec.ValueObject // an owned value (helpers/own)
	TaskObject     = rec.TaskObject
	ExecutorObject = rec.ExecutorObject
	NameObject     = rec.NameObject // an interned span or mark name
)
