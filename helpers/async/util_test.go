package async_test

import (
	"testing"

	"github.com/fearless-go/fearless/helpers/async"
	"github.com/fearless-go/fearless/helpers/trace"
)

// block runs fn as the root task and fails the test if it panicked.
func block[T any](t *testing.T, fn func() T, opts ...async.Option) T {
	t.Helper()
	v, err := async.BlockOn(async.New(fn), opts...)
	if err != nil {
		t.Fatalf("BlockOn: %v", err)
	}
	return v
}

// span is one Begin/End pair on a goroutine's lane.
type span struct {
	g          int64
	obj        uint64
	val        int64
	begin, end int64 // ns since the recording started
}

func (s span) overlaps(o span) bool { return s.begin < o.end && o.begin < s.end }

// spans pairs the Begin and End events of kind, per goroutine.
func spans(rec *trace.Recording, kind trace.Kind) []span {
	open := map[int64]span{}
	var out []span
	for _, e := range rec.Events {
		if e.Kind != kind {
			continue
		}
		switch e.Phase {
		case trace.Begin:
			open[e.G] = span{g: e.G, obj: e.Object, val: e.Value, begin: int64(e.Time)}
		case trace.End:
			s := open[e.G]
			s.end = int64(e.Time)
			out = append(out, s)
			delete(open, e.G)
		}
	}
	return out
}
