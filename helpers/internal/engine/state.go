package engine

import (
	"os"
	"sync"

	"github.com/fearless-go/fearless/helpers/internal/callers"
	"github.com/fearless-go/fearless/helpers/internal/hook"
)

// Mode is how a lock is held or wanted.
type Mode uint8

// The modes.
const (
	Exclusive Mode = iota // a mutex, or an RwLock's write lock
	Shared                // an RwLock's read lock
)

// held is one lock a goroutine holds, with where it took it.
type held struct {
	lock uint64
	mode Mode
	pcs  callers.PCs
}

// lockState is what the checker knows about one lock.
type lockState struct {
	holders map[int64]int // goroutine -> times held (read locks may nest)
	mode    Mode
	abandon func(g int64, poison bool) // releases the lock for a goroutine that ended holding it
}

// wait is what a blocked goroutine waits for: a lock, or a thread to finish.
type wait struct {
	lock   uint64 // 0 if waiting for a thread
	mode   Mode
	thread uint64
	pcs    callers.PCs
}

// orderEdge records that lock `to` was taken while `from` was held.
type orderEdge struct {
	g                int64
	fromPCs, toPCs   callers.PCs
	fromName, toName string
}

var state = struct {
	sync.Mutex
	locks    map[uint64]*lockState
	heldBy   map[int64][]held // goroutine -> locks it holds, in order taken
	waits    map[int64]wait   // goroutine -> what it is blocked on
	threads  map[uint64]int64 // thread id -> its goroutine, while it runs
	order    map[[2]uint64]orderEdge
	reported map[[2]uint64]bool
	found    []*OrderViolation
}{
	locks:    map[uint64]*lockState{},
	heldBy:   map[int64][]held{},
	waits:    map[int64]wait{},
	threads:  map[uint64]int64{},
	order:    map[[2]uint64]orderEdge{},
	reported: map[[2]uint64]bool{},
}

// Enable turns the checks on or off and returns whether they were on. Locks
// taken while the checks were off are unknown to them.
func Enable(on bool) (was bool) { return hook.Set(hook.Check, on) }

// Enabled reports whether the checks are on.
func Enabled() bool { return hook.Checking() }

// Reset forgets every lock order seen and every violation reported. It does
// not forget which locks are held right now.
func Reset() {
	state.Lock()
	defer state.Unlock()
	state.order = map[[2]uint64]orderEdge{}
	state.reported = map[[2]uint64]bool{}
	state.found = nil
}

func init() {
	switch os.Getenv("FEARLESS_CHECK") {
	case "0", "off", "false":
	case "1", "on", "true":
		Enable(true)
	default:
		if os.Getenv("GONB_PIPE") != "" { // a notebook cell run by GoNB
			Enable(true)
		}
	}
}
