package mpsc_test

import (
	"runtime"
	"sync/atomic"
	"testing"

	"github.com/fearless-go/fearless/helpers/internal/testutil"
	"github.com/fearless-go/fearless/helpers/mpsc"
	"github.com/fearless-go/fearless/helpers/trace"
)

// A rendezvous Send returns only after the receiver has taken the value.
// The receiver marks started[i] (a plain variable) before its i-th Recv and
// the sender reads it after its i-th Send: that read is ordered after the
// write only if Send waited for the Recv, so a Send that returned early
// shows up as an unmarked slot and, under -race, as a data race.
func TestRendezvousSendReturnsAfterTheReceive(t *testing.T) {
	const n = 2000
	tx, rx := mpsc.SyncChannel[int](0)
	started := make([]bool, n) // slot i: written by the receiver, then read by the sender
	done := make(chan struct{})
	go func() {
		defer close(done)
		defer rx.Drop()
		for i := range n {
			started[i] = true
			if v, err := rx.Recv(); err != nil || v != i {
				t.Errorf("Recv = %d, %v; want %d", v, err, i)
				return
			}
		}
	}()
	for i := range n {
		if err := tx.Send(i); err != nil {
			t.Fatal(err)
		}
		if !started[i] {
			t.Fatalf("Send(%d) returned before the receiver began to receive it", i)
		}
	}
	tx.Drop()
	<-done
}

// The same, shown directly: while the sender is blocked in Send (its
// SendWait has begun) Send has not returned; it returns once Recv ran.
func TestRendezvousSendWaitsForTheReceiver(t *testing.T) {
	testutil.Record(t)
	tx, rx := mpsc.SyncChannel[string](0)
	defer rx.Drop()
	var returned atomic.Bool
	done := make(chan error)
	go func() {
		err := tx.Send("x")
		returned.Store(true)
		tx.Drop()
		done <- err
	}()
	// Wait until the sender blocks — or, were Send wrong, returns.
	for testutil.CountEvents(tx.TraceID(), trace.SendWait, trace.Begin) == 0 {
		if returned.Load() {
			t.Fatal("Send returned before any receive")
		}
		runtime.Gosched()
	}
	if v, err := rx.Recv(); err != nil || v != "x" {
		t.Fatalf("Recv = %q, %v", v, err)
	}
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}

// A receiver already waiting takes a rendezvous value straight away: two
// goroutines can play ping-pong over two rendezvous channels.
func TestRendezvousPingPong(t *testing.T) {
	ping, pings := mpsc.SyncChannel[int](0)
	pong, pongs := mpsc.SyncChannel[int](0)
	go func() {
		defer pong.Drop()
		for v := range pings.Iter() {
			pong.Send(v + 1)
		}
		pings.Drop()
	}()
	v := 0
	for range 1000 {
		ping.Send(v)
		v, _ = pongs.Recv()
	}
	ping.Drop()
	if _, err := pongs.Recv(); err == nil {
		t.Fatal("pong channel still connected after its sender's goroutine ended")
	}
	pongs.Drop()
	if v != 1000 {
		t.Fatalf("v = %d", v)
	}
}
