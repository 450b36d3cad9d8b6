package rec

import (
	"sync"
	"sync/atomic"

	"github.com/fearless-go/fearless/helpers/internal/callers"
)

// Raw is an event as the hot path writes it: no strings, no resolution
// (helpers/trace resolves it into a trace.Event).
type Raw struct {
	Time  int64 // ns since the recording started
	G     int64
	Obj   uint64
	Msg   uint64
	Val   int64
	PCs   callers.PCs
	Kind  Kind
	Phase Phase
}

// maxChunk is the most events allocated at a time; a shard holds a list of
// chunks, allocated on demand.
const maxChunk = 1024

// numShards spreads goroutines over independent locks so that two goroutines
// recording at once rarely contend. A goroutine always uses the same shard,
// which keeps its own events in order.
const numShards = 32

type shard struct {
	mu      sync.Mutex
	chunks  [][]Raw
	n       int             // events used in the last chunk
	dropped map[int64]int64 // goroutine -> events of it not kept
	_       [24]byte
}

// buffer is a bounded, sharded event store. It keeps exactly the first
// capacity events recorded, whichever goroutines record them: one counter
// for the whole buffer decides, so no goroutine is refused while room is
// left (chunks are only the unit of allocation, sized to the capacity).
// Past capacity, events are dropped and counted per goroutine, so a
// goroutine whose events were all dropped still shows as a lane.
type buffer struct {
	shards   [numShards]shard
	capacity int64
	chunk    int
	kept     atomic.Int64 // events that asked for a slot (at most capacity get one)
	dropped  atomic.Uint64
}

func newBuffer(capacity int) *buffer {
	return &buffer{
		capacity: int64(capacity),
		chunk:    min(maxChunk, max(16, capacity/numShards)),
	}
}

func (b *buffer) add(e *Raw) {
	s := &b.shards[uint64(e.G)%numShards]
	if b.kept.Add(1) > b.capacity {
		b.drop(s, e.G)
		return
	}
	s.mu.Lock()
	if len(s.chunks) == 0 || s.n == len(s.chunks[len(s.chunks)-1]) {
		s.chunks = append(s.chunks, make([]Raw, b.chunk))
		s.n = 0
	}
	s.chunks[len(s.chunks)-1][s.n] = *e
	s.n++
	s.mu.Unlock()
}

// drop counts an event of goroutine g that did not fit.
func (b *buffer) drop(s *shard, g int64) {
	b.dropped.Add(1)
	s.mu.Lock()
	if s.dropped == nil {
		s.dropped = map[int64]int64{}
	}
	s.dropped[g]++
	s.mu.Unlock()
}

// collect copies every stored event, shard by shard, and the per-goroutine
// counts of dropped events.
func (b *buffer) collect() (out []Raw, dropped map[int64]int64) {
	for i := range b.shards {
		s := &b.shards[i]
		s.mu.Lock()
		for j, c := range s.chunks {
			n := len(c)
			if j == len(s.chunks)-1 {
				n = s.n
			}
			out = append(out, c[:n]...)
		}
		for g, n := range s.dropped {
			if dropped == nil {
				dropped = map[int64]int64{}
			}
			dropped[g] += n
		}
		s.mu.Unlock()
	}
	return out, dropped
}
