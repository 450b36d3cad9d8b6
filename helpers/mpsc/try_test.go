package mpsc_test

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/fearless-go/fearless/helpers/internal/benchcmp"
	"github.com/fearless-go/fearless/helpers/internal/testutil"
	"github.com/fearless-go/fearless/helpers/mpsc"
	"github.com/fearless-go/fearless/helpers/own"
	"github.com/fearless-go/fearless/helpers/trace"
)

func TestTrySendBounded(t *testing.T) {
	testutil.Modes(t, func(t *testing.T) {
		tx, rx := mpsc.SyncChannel[int](2)
		defer tx.Drop()
		for i := range 2 {
			if err := tx.TrySend(i); err != nil {
				t.Fatalf("TrySend #%d into a channel with room: %v", i, err)
			}
		}
		if err := tx.TrySend(2); !errors.Is(err, mpsc.ErrFull) {
			t.Fatalf("TrySend into a full channel: %v, want ErrFull", err)
		}
		if v, _ := rx.Recv(); v != 0 {
			t.Fatalf("Recv = %d, want 0", v)
		}
		if err := tx.TrySend(2); err != nil {
			t.Fatalf("TrySend after a Recv made room: %v", err)
		}
		rx.Drop()
		var serr *mpsc.SendError[int]
		if err := tx.TrySend(3); !errors.As(err, &serr) || serr.Value != 3 {
			t.Fatalf("TrySend after the Receiver dropped: %v, want *SendError holding 3", err)
		}
	})
}

func TestTrySendRendezvousNeedsAWaitingReceiver(t *testing.T) {
	tx, rx := mpsc.SyncChannel[string](0)
	defer rx.Drop()
	defer tx.Drop()
	if err := tx.TrySend("early"); !errors.Is(err, mpsc.ErrFull) {
		t.Fatalf("TrySend with no receiver waiting: %v, want ErrFull", err)
	}
	testutil.Record(t)
	got := make(chan string)
	go func() { v, _ := rx.Recv(); got <- v }()
	testutil.AwaitEvents(rx.TraceID(), trace.RecvWait, trace.Begin, 1) // the receiver waits
	if err := tx.TrySend("now"); err != nil {
		t.Fatalf("TrySend to a waiting receiver: %v", err)
	}
	if v := <-got; v != "now" {
		t.Fatalf("received %q", v)
	}
}

func TestTrySendUnboundedNeverFull(t *testing.T) {
	tx, rx := mpsc.Channel[int]()
	defer rx.Drop()
	defer tx.Drop()
	for i := range 1000 {
		if err := tx.TrySend(i); err != nil {
			t.Fatal(err)
		}
	}
}

func TestTryIterTakesOnlyWhatIsWaiting(t *testing.T) {
	testutil.Modes(t, func(t *testing.T) {
		tx, rx := mpsc.Channel[int]()
		defer rx.Drop()
		defer tx.Drop() // a Sender is alive: Iter would wait, TryIter must not
		for i := range 3 {
			tx.Send(i)
		}
		got := slices.Collect(rx.TryIter())
		if !slices.Equal(got, []int{0, 1, 2}) {
			t.Fatalf("TryIter = %v, want [0 1 2]", got)
		}
		if got := slices.Collect(rx.TryIter()); len(got) != 0 {
			t.Fatalf("TryIter on an empty channel = %v", got)
		}
		tx.Send(9)
		for v := range rx.TryIter() {
			if v != 9 {
				t.Fatalf("got %d", v)
			}
			break
		}
	})
}

// Rust: sending a value moves it; the sender can no longer use it and the
// receiver owns it.
func TestSendMovesOwnedValue(t *testing.T) {
	testutil.Modes(t, func(t *testing.T) {
		tx, rx := mpsc.Channel[*own.Value[[]int]](mpsc.Name("jobs"))
		defer tx.Drop()
		v := own.New([]int{1, 2})
		if err := tx.Send(v); err != nil {
			t.Fatal(err)
		}
		if v.Owned() {
			t.Error("the sender still owns the value after Send")
		}
		msg := testutil.MustPanic(t, func() { v.Get() })
		if !strings.Contains(msg, "use after move") || !strings.Contains(msg, `channel "jobs"`) {
			t.Errorf("use after Send panicked with %q, want use after move … channel \"jobs\"", msg)
		}

		got := make(chan []int)
		go func() {
			w, _ := rx.Recv()
			*w.Ptr() = append(*w.Ptr(), 3) // the receiver owns it
			got <- w.Get()
		}()
		if s := <-got; !slices.Equal(s, []int{1, 2, 3}) {
			t.Errorf("receiver saw %v", s)
		}
	})
}

func TestFailedSendGivesOwnershipBack(t *testing.T) {
	tx, rx := mpsc.SyncChannel[*own.Value[int]](1)
	defer tx.Drop()
	if err := tx.TrySend(own.New(1)); err != nil {
		t.Fatal(err)
	}
	v := own.New(2)
	if err := tx.TrySend(v); !errors.Is(err, mpsc.ErrFull) {
		t.Fatalf("TrySend into a full channel: %v", err)
	}
	if !v.Owned() {
		t.Fatal("a failed TrySend kept the value")
	}
	rx.Drop()
	if err := tx.Send(v); err == nil {
		t.Fatal("Send after the Receiver dropped succeeded")
	}
	if v.Get() != 2 {
		t.Fatal("value changed")
	}
}

// A channel of an interface type moves the owned values sent on it too.
func TestSendMovesOwnedValueInInterface(t *testing.T) {
	tx, rx := mpsc.Channel[any]()
	defer tx.Drop()
	defer rx.Drop()
	v := own.New("x")
	tx.Send(v)
	tx.Send(7) // not owned: nothing to move
	if v.Owned() {
		t.Fatal("the sender still owns the value sent as an any")
	}
	w, _ := rx.Recv()
	if w.(*own.Value[string]).Get() != "x" {
		t.Fatal("wrong value")
	}
}

// Sending a value the sender no longer owns is itself a use after move.
func TestSendingAMovedValuePanics(t *testing.T) {
	tx, rx := mpsc.Channel[*own.Value[int]]()
	defer tx.Drop()
	defer rx.Drop()
	v := own.New(1)
	tx.Send(v)
	if msg := testutil.MustPanic(t, func() { tx.Send(v) }); !strings.Contains(msg, "use after move") {
		t.Fatalf("second Send panicked with %q", msg)
	}
}

func TestNameInRecording(t *testing.T) {
	testutil.Record(t)
	tx, rx := mpsc.SyncChannel[int](1, mpsc.Name("results"))
	defer rx.Drop()
	defer tx.Drop()
	tx.Send(1)
	if got := trace.Snapshot().ObjectName(tx.TraceID()); got != "results" {
		t.Errorf("recording names the channel %q, want results", got)
	}
}

// BenchmarkTrySend compares TrySend+TryRecv on one goroutine with a
// non-blocking send and receive on a buffered Go channel (select with
// default), in the same run.
func BenchmarkTrySend(b *testing.B) {
	raw := func(n int) {
		ch := make(chan int, 1)
		for i := range n {
			select {
			case ch <- i:
			default:
			}
			select {
			case <-ch:
			default:
			}
		}
	}
	fearless := func(n int) {
		tx, rx := mpsc.SyncChannel[int](1)
		for i := range n {
			tx.TrySend(i)
			rx.TryRecv()
		}
	}
	benchcmp.Compare(b, raw, fearless)
}
