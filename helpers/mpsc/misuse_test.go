package mpsc_test

import (
	"errors"
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/fearless-go/fearless/helpers/internal/testutil"
	"github.com/fearless-go/fearless/helpers/mpsc"
)

func TestSenderUsedAfterDropPanics(t *testing.T) {
	tx, rx := mpsc.Channel[int]()
	defer rx.Drop()
	keep := tx.Clone()
	defer keep.Drop()
	tx.Drop()
	for name, use := range map[string]func(){
		"Send":  func() { tx.Send(1) },
		"Clone": func() { tx.Clone() },
		"Drop":  func() { tx.Drop() },
	} {
		msg := testutil.MustPanic(t, use)
		if !strings.HasPrefix(msg, "mpsc: Sender used after Drop") || !strings.Contains(msg, "Rust rejects this at compile time") {
			t.Errorf("%s after Drop: panic %q", name, msg)
		}
	}
	// The refused calls changed nothing: the remaining handle keeps the
	// channel connected and works.
	if err := keep.Send(2); err != nil {
		t.Fatal(err)
	}
	if v, err := rx.TryRecv(); err != nil || v != 2 {
		t.Fatalf("TryRecv = %d, %v", v, err)
	}
}

func TestReceiverUsedAfterDropPanics(t *testing.T) {
	tx, rx := mpsc.Channel[int]()
	defer tx.Drop()
	rx.Drop()
	for name, use := range map[string]func(){
		"Recv":        func() { rx.Recv() },
		"TryRecv":     func() { rx.TryRecv() },
		"RecvTimeout": func() { rx.RecvTimeout(0) },
		"Iter":        func() { rx.Iter() },
		"Drop":        func() { rx.Drop() },
	} {
		msg := testutil.MustPanic(t, use)
		if !strings.HasPrefix(msg, "mpsc: Receiver used after Drop") || !strings.Contains(msg, "Rust rejects this at compile time") {
			t.Errorf("%s after Drop: panic %q", name, msg)
		}
	}
}

func TestDroppingTheReceiverInsideIterEndsTheLoopWithAPanic(t *testing.T) {
	tx, rx := mpsc.Channel[int]()
	defer tx.Drop()
	tx.Send(1)
	tx.Send(2)
	msg := testutil.MustPanic(t, func() {
		for range rx.Iter() {
			rx.Drop()
		}
	})
	if !strings.Contains(msg, "Receiver used after Drop") {
		t.Fatalf("panic %q", msg)
	}
}

func TestZeroHandlesPanic(t *testing.T) {
	var tx mpsc.Sender[int]
	var rx mpsc.Receiver[int]
	for name, use := range map[string]func(){
		"Sender.Send":   func() { tx.Send(1) },
		"Sender.Clone":  func() { tx.Clone() },
		"Sender.Drop":   func() { tx.Drop() },
		"Receiver.Recv": func() { rx.Recv() },
		"Receiver.Drop": func() { rx.Drop() },
	} {
		if msg := testutil.MustPanic(t, use); !strings.HasPrefix(msg, "mpsc: zero ") {
			t.Errorf("%s: panic %q", name, msg)
		}
	}
	if tx.TraceID() != 0 || rx.TraceID() != 0 {
		t.Fatal("a zero handle has a trace id")
	}
}

// Two goroutines receiving at once is caught while one of them waits.
func TestTwoReceiversAtOncePanic(t *testing.T) {
	tx, rx := mpsc.Channel[int]()
	waiting := make(chan error)
	go func() {
		_, err := rx.Recv() // blocks: nothing is sent
		waiting <- err
	}()
	// Until the goroutine blocks, TryRecv just finds the channel empty; once
	// it blocks, TryRecv must panic. Poll until it does.
	var msg string
	for msg == "" {
		msg = panicOf(func() {
			if _, err := rx.TryRecv(); !errors.Is(err, mpsc.ErrEmpty) {
				t.Errorf("TryRecv = %v", err)
			}
		})
		runtime.Gosched()
	}
	if !strings.HasPrefix(msg, "mpsc: two goroutines receive from one Receiver at once") || !strings.Contains(msg, "not Sync") {
		t.Fatalf("panic %q", msg)
	}
	for name, use := range map[string]func(){
		"Recv":        func() { rx.Recv() },
		"RecvTimeout": func() { rx.RecvTimeout(0) },
		"Iter": func() {
			for range rx.Iter() {
			}
		},
		"Drop": func() { rx.Drop() },
	} {
		if msg := testutil.MustPanic(t, use); !strings.Contains(msg, "two goroutines receive") {
			t.Errorf("%s while another goroutine waits: panic %q", name, msg)
		}
	}
	// The refused calls left the waiting receiver intact: the last Drop
	// still wakes it.
	tx.Drop()
	if err := <-waiting; !errors.Is(err, mpsc.ErrDisconnected) {
		t.Fatalf("the waiting Recv returned %v", err)
	}
	rx.Drop()
}

// panicOf runs f and returns what it panicked with, or "" if it did not.
func panicOf(f func()) (msg string) {
	defer func() {
		if r := recover(); r != nil {
			msg = fmt.Sprint(r)
		}
	}()
	f()
	return ""
}
