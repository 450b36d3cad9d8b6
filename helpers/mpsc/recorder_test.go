package mpsc_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/fearless-go/fearless/helpers/internal/testutil"
	"github.com/fearless-go/fearless/helpers/mpsc"
	"github.com/fearless-go/fearless/helpers/trace"
	"github.com/fearless-go/fearless/helpers/trace/primitive"
)

// eventsOn lists the events on obj as "kind+phase(msg,value)", in time order.
func eventsOn(rec *trace.Recording, obj uint64, g int64) string {
	var seq []string
	for _, e := range rec.Events {
		if e.Object == obj && (g == 0 || e.G == g) {
			seq = append(seq, fmt.Sprintf("%s%s(%d,%d)", e.Kind, e.Phase, e.Msg, e.Value))
		}
	}
	return strings.Join(seq, " ")
}

func TestRecorderSeesMessagesWaitsAndHandles(t *testing.T) {
	testutil.Record(t)
	tx, rx := mpsc.Channel[string]()
	trace.Label(rx, "jobs")
	other := tx.Clone()
	other.Send("first")
	rx.Recv()
	other.Drop()
	got := make(chan string)
	go func() {
		v, _ := rx.Recv() // waits: nothing is queued
		got <- v
	}()
	testutil.AwaitEvents(tx.TraceID(), trace.RecvWait, trace.Begin, 1)
	tx.Send("second")
	<-got
	tx.Drop()
	rx.Drop()
	rec := trace.Stop()
	want := "sender-clonei(0,2) sendi(1,0) recvi(1,0) sender-dropi(0,1) " +
		"recv-waitB(0,0) sendi(2,0) recv-waitE(0,0) recvi(2,0) " +
		"sender-dropi(0,0) disconnecti(0,0) disconnecti(0,1)"
	if got := eventsOn(rec, rx.TraceID(), 0); got != want {
		t.Fatalf("events = %s\nwant     %s", got, want)
	}
	if rec.ObjectName(tx.TraceID()) != "jobs" || primitive.KindOf(tx.TraceID()) != trace.ChannelObject {
		t.Fatalf("channel %d is named %q", tx.TraceID(), rec.ObjectName(tx.TraceID()))
	}
	for _, e := range rec.Events {
		if e.Object == rx.TraceID() && (e.Site == nil || !strings.HasSuffix(e.Site.File, "recorder_test.go")) {
			t.Fatalf("%s%s event has site %+v, want a line in recorder_test.go", e.Kind, e.Phase, e.Site)
		}
	}
}

// A blocked bounded send records Send before it waits, and the receive that
// frees it names the same message; Iter's receives point at the range loop.
func TestRecorderSeesBlockedSendsAndIter(t *testing.T) {
	testutil.Record(t)
	tx, rx := mpsc.SyncChannel[int](0)
	done := make(chan int64, 1)
	go func() {
		defer tx.Drop()
		tx.Send(1) // blocks until the range loop takes it
		done <- goroutineOf(t, tx.TraceID(), trace.SendWait)
	}()
	testutil.AwaitEvents(tx.TraceID(), trace.SendWait, trace.Begin, 1)
	for v := range rx.Iter() {
		_ = v
	}
	sender := <-done
	rx.Drop()
	rec := trace.Stop()
	if got, want := eventsOn(rec, rx.TraceID(), sender), "sendi(1,0) send-waitB(1,0) send-waitE(1,0) sender-dropi(0,0) disconnecti(0,0)"; got != want {
		t.Fatalf("sender's events = %s\nwant              %s", got, want)
	}
	var send, recv trace.Event
	for _, e := range rec.Events {
		switch {
		case e.Object == rx.TraceID() && e.Kind == trace.Send:
			send = e
		case e.Object == rx.TraceID() && e.Kind == trace.Recv:
			recv = e
		}
	}
	if recv.Msg != send.Msg || recv.Time < send.Time || recv.G == send.G {
		t.Fatalf("send %+v and recv %+v are not one message passed between goroutines", send, recv)
	}
	for _, e := range rec.Events {
		if e.Object != rx.TraceID() {
			continue
		}
		if e.Site == nil || !strings.HasSuffix(e.Site.File, "recorder_test.go") {
			t.Fatalf("%s%s event has site %+v, want a line in recorder_test.go", e.Kind, e.Phase, e.Site)
		}
		if e.Kind == trace.Recv && !strings.Contains(e.Site.Code, "rx.Iter()") {
			t.Fatalf("Iter's recv event has site %+v, want the range loop", e.Site)
		}
	}
}

// goroutineOf returns the goroutine that recorded the first kind event on obj.
func goroutineOf(t *testing.T, obj uint64, kind trace.Kind) int64 {
	for _, e := range trace.Snapshot().Events {
		if e.Object == obj && e.Kind == kind {
			return e.G
		}
	}
	t.Errorf("no %s event on %d", kind, obj)
	return 0
}

func TestRecorderOffRecordsNothing(t *testing.T) {
	if trace.Enabled() {
		t.Skip("recording is on in this process")
	}
	tx, rx := mpsc.Channel[int]()
	tx.Send(1)
	rx.Recv()
	tx.Drop()
	rx.Drop()
	if n := len(trace.Snapshot().Events); n != 0 {
		t.Fatalf("%d events recorded with the recorder off", n)
	}
}
