package mpsc_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/fearless-go/fearless/helpers/internal/testutil"
	"github.com/fearless-go/fearless/helpers/mpsc"
	"github.com/fearless-go/fearless/helpers/trace"
)

func TestUnboundedSendsNeverBlockAndKeepOrder(t *testing.T) {
	tx, rx := mpsc.Channel[int]()
	defer rx.Drop()
	const n = 10_000 // well past any initial buffer: sends must not block
	for i := range n {
		if err := tx.Send(i); err != nil {
			t.Fatal(err)
		}
	}
	tx.Drop()
	for i := range n {
		v, err := rx.Recv()
		if err != nil || v != i {
			t.Fatalf("Recv #%d = %d, %v", i, v, err)
		}
	}
	if _, err := rx.Recv(); !errors.Is(err, mpsc.ErrDisconnected) {
		t.Fatalf("Recv after the last message: %v, want ErrDisconnected", err)
	}
}

func TestQueuedMessagesOutliveTheLastSender(t *testing.T) {
	for name, mk := range channels() {
		t.Run(name, func(t *testing.T) {
			tx, rx := mk()
			defer rx.Drop()
			if name == "rendezvous" {
				go func() { tx.Send(1); tx.Drop() }()
			} else {
				tx.Send(1)
				tx.Drop()
			}
			if v, err := rx.Recv(); err != nil || v != 1 {
				t.Fatalf("Recv = %d, %v; want the message sent before the last Drop", v, err)
			}
			// (Recv: the rendezvous sender may not have dropped yet.)
			if _, err := rx.Recv(); !errors.Is(err, mpsc.ErrDisconnected) {
				t.Fatalf("Recv after draining a dead channel: %v, want ErrDisconnected", err)
			}
			if _, err := rx.TryRecv(); !errors.Is(err, mpsc.ErrDisconnected) {
				t.Fatalf("TryRecv after draining a dead channel: %v, want ErrDisconnected", err)
			}
		})
	}
}

func TestTryRecv(t *testing.T) {
	tx, rx := mpsc.Channel[string]()
	defer rx.Drop()
	if _, err := rx.TryRecv(); !errors.Is(err, mpsc.ErrEmpty) || errors.Is(err, mpsc.ErrDisconnected) {
		t.Fatalf("TryRecv on an empty live channel: %v, want ErrEmpty", err)
	}
	tx.Send("a")
	if v, err := rx.TryRecv(); err != nil || v != "a" {
		t.Fatalf("TryRecv = %q, %v", v, err)
	}
	tx.Drop()
	if _, err := rx.TryRecv(); !errors.Is(err, mpsc.ErrDisconnected) {
		t.Fatalf("TryRecv on an empty dead channel: %v, want ErrDisconnected", err)
	}
}

func TestRecvTimeout(t *testing.T) {
	tx, rx := mpsc.Channel[int]()
	defer rx.Drop()
	for _, d := range []time.Duration{-time.Second, 0, time.Millisecond} {
		if _, err := rx.RecvTimeout(d); !errors.Is(err, mpsc.ErrTimeout) {
			t.Fatalf("RecvTimeout(%v) on an empty live channel: %v, want ErrTimeout", d, err)
		}
	}
	tx.Send(7)
	if v, err := rx.RecvTimeout(0); err != nil || v != 7 {
		t.Fatalf("RecvTimeout(0) with a queued message = %d, %v", v, err)
	}
	// A message that arrives while RecvTimeout waits is delivered.
	go tx.Send(8)
	if v, err := rx.RecvTimeout(time.Hour); err != nil || v != 8 {
		t.Fatalf("RecvTimeout while a message arrives = %d, %v", v, err)
	}
	// The last sender dropped while RecvTimeout waits: disconnected, not a timeout.
	go tx.Drop()
	if _, err := rx.RecvTimeout(time.Hour); !errors.Is(err, mpsc.ErrDisconnected) {
		t.Fatalf("RecvTimeout while the last sender drops: %v, want ErrDisconnected", err)
	}
	// Dead and empty: disconnected at once (an hour's wait would time the test out).
	if _, err := rx.RecvTimeout(time.Hour); !errors.Is(err, mpsc.ErrDisconnected) {
		t.Fatalf("RecvTimeout on an empty dead channel: %v, want ErrDisconnected", err)
	}
}

func TestSendAfterReceiverDropReturnsTheValue(t *testing.T) {
	for name, mk := range channels() {
		t.Run(name, func(t *testing.T) {
			tx, rx := mk()
			defer tx.Drop()
			rx.Drop() // the channel has room (except the rendezvous): Send must still fail
			err := tx.Send(42)
			var serr *mpsc.SendError[int]
			if !errors.As(err, &serr) || serr.Value != 42 || serr.IntoInner() != 42 {
				t.Fatalf("Send after the receiver dropped: %v, want *SendError holding 42", err)
			}
			if !strings.HasPrefix(err.Error(), "mpsc: ") || !strings.Contains(err.Error(), "Receiver was dropped") {
				t.Fatalf("message %q", err)
			}
		})
	}
}

// The value of a SendError is the very value sent, not a copy of it made
// elsewhere: a pointer comes back as the same pointer.
func TestSendErrorHoldsTheVeryValue(t *testing.T) {
	tx, rx := mpsc.SyncChannel[*[]int](1)
	defer tx.Drop()
	tx.Send(&[]int{1}) // fills the channel
	rx.Drop()
	v := &[]int{2}
	var serr *mpsc.SendError[*[]int]
	if err := tx.Send(v); !errors.As(err, &serr) || serr.Value != v {
		t.Fatalf("Send = %v, want a SendError holding the same pointer", err)
	}
}

func TestIterEndsExactlyWhenTheLastSenderDrops(t *testing.T) {
	tx, rx := mpsc.Channel[int]()
	defer rx.Drop()
	ack := make(chan int)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for v := range rx.Iter() {
			ack <- v
		}
	}()
	// Each value is acknowledged by the loop body, so the loop is provably
	// still running; an early end shows as done closing instead of an ack.
	send := func(s *mpsc.Sender[int], v int) {
		t.Helper()
		s.Send(v)
		select {
		case got := <-ack:
			if got != v {
				t.Fatalf("loop got %d, want %d", got, v)
			}
		case <-done:
			t.Fatalf("Iter ended while a Sender was alive (before value %d)", v)
		}
	}
	a := tx.Clone()
	b := a.Clone()
	send(tx, 1)
	tx.Drop()
	send(a, 2)
	a.Drop()
	send(b, 3)
	b.Drop() // the last one
	<-done
}

func TestBreakingOutOfIterLeavesReceiverUsable(t *testing.T) {
	tx, rx := mpsc.Channel[int]()
	defer rx.Drop()
	for i := range 3 {
		tx.Send(i)
	}
	for v := range rx.Iter() {
		if v == 1 {
			break
		}
	}
	if v, err := rx.TryRecv(); err != nil || v != 2 {
		t.Fatalf("after break: TryRecv = %d, %v; want 2", v, err)
	}
	tx.Drop()
}

// The Receiver may move to another goroutine (Rust: Receiver is Send).
func TestReceiverMovesBetweenGoroutines(t *testing.T) {
	tx, rx := mpsc.Channel[int]()
	defer tx.Drop()
	for i := range 4 {
		tx.Send(i)
	}
	handoff := make(chan *mpsc.Receiver[int])
	got := make(chan []int)
	for range 2 {
		go func() {
			r := <-handoff
			a, _ := r.Recv()
			b, _ := r.Recv()
			got <- []int{a, b}
		}()
	}
	handoff <- rx
	first := <-got
	handoff <- rx
	second := <-got
	if first[0] != 0 || first[1] != 1 || second[0] != 2 || second[1] != 3 {
		t.Fatalf("received %v then %v", first, second)
	}
	rx.Drop()
}

func TestSyncChannelBlocksWhenFull(t *testing.T) {
	testutil.Record(t)
	tx, rx := mpsc.SyncChannel[int](2)
	defer rx.Drop()
	tx.Send(1)
	tx.Send(2)
	sent := make(chan error)
	go func() { sent <- tx.Send(3) }()
	testutil.AwaitEvents(tx.TraceID(), trace.SendWait, trace.Begin, 1) // the third send is blocked
	select {
	case err := <-sent:
		t.Fatalf("Send on a full channel returned %v without waiting", err)
	default:
	}
	if v, _ := rx.Recv(); v != 1 {
		t.Fatalf("Recv = %d", v)
	}
	if err := <-sent; err != nil { // room was made: the blocked send completes
		t.Fatal(err)
	}
	tx.Drop()
	for want := 2; want <= 3; want++ {
		if v, err := rx.Recv(); err != nil || v != want {
			t.Fatalf("Recv = %d, %v; want %d", v, err, want)
		}
	}
}

// A sender blocked in Send when the receiver drops returns its value:
// nothing stays blocked on a dead channel.
func TestReceiverDropReleasesBlockedSenders(t *testing.T) {
	for _, bound := range []int{0, 1} {
		t.Run(fmt.Sprint("bound-", bound), func(t *testing.T) { receiverDropReleasesBlockedSenders(t, bound) })
	}
}

func receiverDropReleasesBlockedSenders(t *testing.T, bound int) {
	testutil.Record(t)
	tx, rx := mpsc.SyncChannel[int](bound)
	defer tx.Drop()
	if bound == 1 {
		tx.Send(0) // now full
	}
	const blocked = 3
	errs := make(chan error, blocked)
	for i := 1; i <= blocked; i++ {
		s := tx.Clone()
		go func() { defer s.Drop(); errs <- s.Send(i) }()
	}
	testutil.AwaitEvents(tx.TraceID(), trace.SendWait, trace.Begin, blocked)
	rx.Drop()
	seen := map[int]bool{}
	for range blocked {
		var serr *mpsc.SendError[int]
		if err := <-errs; !errors.As(err, &serr) {
			t.Fatalf("blocked Send returned %v after the receiver dropped, want a SendError", err)
		}
		seen[serr.Value] = true
	}
	if len(seen) != blocked {
		t.Fatalf("values returned %v, want each of 1..%d once", seen, blocked)
	}
}

func TestRendezvousTryRecvTakesFromABlockedSender(t *testing.T) {
	testutil.Record(t)
	tx, rx := mpsc.SyncChannel[string](0)
	defer rx.Drop()
	if _, err := rx.TryRecv(); !errors.Is(err, mpsc.ErrEmpty) {
		t.Fatalf("TryRecv with no sender waiting: %v", err)
	}
	sent := make(chan error)
	go func() { sent <- tx.Send("hi"); tx.Drop() }()
	testutil.AwaitEvents(tx.TraceID(), trace.SendWait, trace.Begin, 1)
	if v, err := rx.TryRecv(); err != nil || v != "hi" {
		t.Fatalf("TryRecv with a sender waiting = %q, %v", v, err)
	}
	if err := <-sent; err != nil {
		t.Fatal(err)
	}
}

func TestNegativeBoundPanics(t *testing.T) {
	msg := testutil.MustPanic(t, func() { mpsc.SyncChannel[int](-1) })
	if !strings.HasPrefix(msg, "mpsc: SyncChannel bound -1 is negative") {
		t.Fatalf("panic %q", msg)
	}
}

// channels makes one channel of each flavour, for tests that hold for all.
func channels() map[string]func() (*mpsc.Sender[int], *mpsc.Receiver[int]) {
	return map[string]func() (*mpsc.Sender[int], *mpsc.Receiver[int]){
		"unbounded":  func() (*mpsc.Sender[int], *mpsc.Receiver[int]) { return mpsc.Channel[int]() },
		"rendezvous": func() (*mpsc.Sender[int], *mpsc.Receiver[int]) { return mpsc.SyncChannel[int](0) },
		"bounded-1":  func() (*mpsc.Sender[int], *mpsc.Receiver[int]) { return mpsc.SyncChannel[int](1) },
		"bounded-64": func() (*mpsc.Sender[int], *mpsc.Receiver[int]) { return mpsc.SyncChannel[int](64) },
	}
}

// Once the queue has grown, sending and receiving allocate nothing.
func TestSteadyStateAllocatesNothing(t *testing.T) {
	tx, rx := mpsc.Channel[int]()
	defer rx.Drop()
	defer tx.Drop()
	if n := testing.AllocsPerRun(1000, func() { tx.Send(1); rx.Recv() }); n != 0 {
		t.Fatalf("Send+Recv allocates %.1f times", n)
	}
	tx2, rx2 := mpsc.SyncChannel[int](1)
	defer rx2.Drop()
	defer tx2.Drop()
	if n := testing.AllocsPerRun(1000, func() { tx2.Send(1); rx2.TryRecv() }); n != 0 {
		t.Fatalf("SyncChannel Send+TryRecv allocates %.1f times", n)
	}
}
