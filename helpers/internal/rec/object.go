package rec

import (
	"fmt"
	"sync/atomic"
)

// ObjectKind says what kind of helper object an id names. It is stored in the
// id itself, so creating an object costs one atomic add and no registry.
type ObjectKind uint8

// The kinds of objects.
const (
	NoObject ObjectKind = iota
	ThreadObject
	MutexObject
	RwLockObject
	ChannelObject
	ArcObject
	RcObject
	ValueObject // an owned value (helpers/own)
	TaskObject
	ExecutorObject
	NameObject // an interned span or mark name
	objectKindCount
)

var objectKindNames = [objectKindCount]string{
	NoObject: "none", ThreadObject: "thread", MutexObject: "mutex", RwLockObject: "rwlock",
	ChannelObject: "channel", ArcObject: "arc", RcObject: "rc", ValueObject: "value",
	TaskObject: "task", ExecutorObject: "executor", NameObject: "name",
}

// String returns the kind's name, such as "mutex".
func (k ObjectKind) String() string {
	if k < objectKindCount {
		return objectKindNames[k]
	}
	return fmt.Sprintf("object(%d)", uint8(k))
}

// MarshalText encodes the kind as its name.
func (k ObjectKind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// UnmarshalText decodes a kind from its name.
func (k *ObjectKind) UnmarshalText(b []byte) error {
	for i, n := range objectKindNames {
		if n == string(b) {
			*k = ObjectKind(i)
			return nil
		}
	}
	return fmt.Errorf("trace: unknown object kind %q", b)
}

const objectKindBits = 8

var nextObject atomic.Uint64

// NewID returns a fresh id for a helper object of the given kind. Ids are
// unique for the life of the process, whether or not recording is on.
func NewID(kind ObjectKind) uint64 {
	return nextObject.Add(1)<<objectKindBits | uint64(kind)
}

// KindOf returns the kind of object an id from NewID names.
func KindOf(id uint64) ObjectKind { return ObjectKind(id & (1<<objectKindBits - 1)) }

// Serial returns the per-process serial number of an id from NewID (1, 2, 3…),
// which is what charts show when an object has no label.
func Serial(id uint64) uint64 { return id >> objectKindBits }

// DefaultName returns the name charts use for an unlabelled object: its kind
// and serial number, such as "mutex 3".
func DefaultName(id uint64) string {
	if id == 0 {
		return ""
	}
	return fmt.Sprintf("%s %d", KindOf(id), Serial(id))
}
