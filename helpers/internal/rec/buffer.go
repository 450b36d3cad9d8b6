package rec

import (
	"sync"
	"sync/atomic"

	"github.com/fearless-go/fearless/helpers/internal/callers"
)

// rawEvent is an event as the hot path writes it: no strings, no resolution.
type rawEvent struct {
	time  int64 // ns since the recording started
	g     int64
	obj   uint64
	msg   uint64
	val   int64
	pcs   callers.PCs
	kind  Kind
	phase Phase
}

// chunkSize events are allocated at a time; a shard holds a list of chunks.
const chunkSize = 1024

type chunk [chunkSize]rawEvent

// numShards spreads goroutines over independent locks so that two goroutines
// recording at once rarely contend. A goroutine always uses the same shard,
// which keeps its own events in order.
const numShards = 32

type shard struct {
	mu     sync.Mutex
	chunks []*chunk
	n      int // events used in the last chunk
	_      [40]byte
}

// buffer is a bounded, sharded event store. Memory is bounded by the chunk
// budget: capacity/chunkSize chunks at most, allocated on demand and shared by
// all shards. When the budget is spent, events are dropped and counted.
type buffer struct {
	shards  [numShards]shard
	budget  atomic.Int64 // chunks that may still be allocated
	dropped atomic.Uint64
}

func newBuffer(capacity int) *buffer {
	b := &buffer{}
	b.budget.Store(int64((capacity + chunkSize - 1) / chunkSize))
	return b
}

func (b *buffer) add(e *rawEvent) {
	s := &b.shards[uint64(e.g)%numShards]
	s.mu.Lock()
	if len(s.chunks) == 0 || s.n == chunkSize {
		if b.budget.Add(-1) < 0 {
			b.budget.Add(1)
			s.mu.Unlock()
			b.dropped.Add(1)
			return
		}
		s.chunks = append(s.chunks, new(chunk))
		s.n = 0
	}
	s.chunks[len(s.chunks)-1][s.n] = *e
	s.n++
	s.mu.Unlock()
}

// collect copies every stored event, shard by shard.
func (b *buffer) collect() []rawEvent {
	var out []rawEvent
	for i := range b.shards {
		s := &b.shards[i]
		s.mu.Lock()
		for j, c := range s.chunks {
			n := chunkSize
			if j == len(s.chunks)-1 {
				n = s.n
			}
			out = append(out, c[:n]...)
		}
		s.mu.Unlock()
	}
	return out
}
