package thread

import (
	"fmt"
	"sync"

	"github.com/petermattis/goid"

	"github.com/fearless-go/fearless/helpers/internal/rec"
)

// Thread describes a running thread (Rust: std::thread::Thread).
type Thread struct {
	ID   int64  // the goroutine id, as runtime traces and panics show it
	Name string // the name given with Name, "main" for the main goroutine, or ""
}

// String returns the thread as Rust names it in a panic message, with its
// goroutine id: thread 'worker' (goroutine 7).
func (t Thread) String() string {
	name := t.Name
	if name == "" {
		name = "<unnamed>"
	}
	return fmt.Sprintf("thread '%s' (goroutine %d)", name, t.ID)
}

// Current returns the calling thread (Rust: thread::current). It works on
// any goroutine: one not started by Spawn or Go has the name given to it with
// trace.NameGoroutine, if any — "main" for the main goroutine.
func Current() Thread {
	g := goid.Get()
	if name := liveName(g); name != "" {
		return Thread{ID: g, Name: name}
	}
	name, _ := rec.GoroutineName(g)
	return Thread{ID: g, Name: name}
}

// live maps the goroutine id of every running thread to its core. Entries
// leave when the thread ends, so it is bounded by the threads alive (unlike
// the recorder's name registry, which is capped instead). It is sharded so
// that threads starting and ending at once rarely contend.
var live [64]struct {
	sync.Mutex
	m map[int64]*core
	_ [40]byte // one shard per cache line
}

func addLive(g int64, c *core) {
	s := &live[uint64(g)%uint64(len(live))]
	s.Lock()
	if s.m == nil {
		s.m = make(map[int64]*core)
	}
	s.m[g] = c
	s.Unlock()
}

func removeLive(g int64) {
	s := &live[uint64(g)%uint64(len(live))]
	s.Lock()
	delete(s.m, g)
	s.Unlock()
}

func liveName(g int64) string {
	s := &live[uint64(g)%uint64(len(live))]
	s.Lock()
	c := s.m[g]
	s.Unlock()
	if c == nil {
		return ""
	}
	return c.name // set before the thread started, never changed
}
