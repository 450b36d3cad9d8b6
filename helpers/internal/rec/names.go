package rec

import (
	"sync"

	"github.com/petermattis/goid"
)

// maxNames bounds each name registry, so a program that names a million
// goroutines or objects cannot grow the recorder without limit. Names past
// the bound are not kept; charts then fall back to "goroutine 7", "mutex 3".
const maxNames = 1 << 16

type registry[K comparable] struct {
	mu sync.RWMutex
	m  map[K]string
}

func (r *registry[K]) set(k K, name string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.m == nil {
		r.m = make(map[K]string)
	}
	if _, ok := r.m[k]; ok || len(r.m) < maxNames {
		r.m[k] = name
	}
}

func (r *registry[K]) get(k K) (string, bool) {
	r.mu.RLock()
	defer r.mu.RUnlock()
	name, ok := r.m[k]
	return name, ok
}

var (
	goroutineNames registry[int64]
	labels         registry[uint64]
	interned       sync.Map // string -> uint64 id of a NameObject
)

// NameGoroutine gives the calling goroutine a name for timelines.
func NameGoroutine(name string) { nameGoroutine(goid.Get(), name) }

func nameGoroutine(g int64, name string) { goroutineNames.set(g, name) }

// GoroutineName returns the name given to goroutine g, if any.
func GoroutineName(g int64) (string, bool) { return goroutineNames.get(g) }

// LabelID gives the object with this id a name for timelines and reports.
func LabelID(id uint64, name string) { labels.set(id, name) }

// ObjectName returns an object's label, or its default name ("mutex 3").
func ObjectName(id uint64) string {
	if name, ok := labels.get(id); ok {
		return name
	}
	return DefaultName(id)
}

// Intern returns the id that stands for a span or mark name.
func Intern(name string) uint64 {
	if id, ok := interned.Load(name); ok {
		return id.(uint64)
	}
	id := NewID(NameObject)
	if prev, loaded := interned.LoadOrStore(name, id); loaded {
		return prev.(uint64)
	}
	labels.set(id, name)
	return id
}
