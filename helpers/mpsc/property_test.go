package mpsc_test

import (
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/fearless-go/fearless/helpers/mpsc"
)

type tagged struct{ sender, seq int }

// Property: N senders × M messages each all arrive exactly once, and each
// sender's messages arrive in the order it sent them — for every flavour of
// channel, and whether the receiver waits with Recv, RecvTimeout or Iter.
func TestEveryMessageArrivesOnceInSenderOrder(t *testing.T) {
	const senders, perSender = 6, 500
	receivers := map[string]func(*mpsc.Receiver[tagged], func(tagged)){
		"Recv": func(rx *mpsc.Receiver[tagged], got func(tagged)) {
			for {
				v, err := rx.Recv()
				if err != nil {
					return
				}
				got(v)
			}
		},
		"Iter": func(rx *mpsc.Receiver[tagged], got func(tagged)) {
			for v := range rx.Iter() {
				got(v)
			}
		},
		// Timeouts that expire while messages arrive leave stale wake-ups
		// behind: nothing may be lost or duplicated because of them.
		"RecvTimeout": func(rx *mpsc.Receiver[tagged], got func(tagged)) {
			for {
				v, err := rx.RecvTimeout(time.Microsecond)
				switch {
				case errors.Is(err, mpsc.ErrTimeout):
				case err != nil:
					return
				default:
					got(v)
				}
			}
		},
	}
	for flavour, bound := range map[string]int{"unbounded": -1, "rendezvous": 0, "bounded-1": 1, "bounded-16": 16} {
		for how, receive := range receivers {
			t.Run(flavour+"/"+how, func(t *testing.T) {
				var tx *mpsc.Sender[tagged]
				var rx *mpsc.Receiver[tagged]
				if bound < 0 {
					tx, rx = mpsc.Channel[tagged]()
				} else {
					tx, rx = mpsc.SyncChannel[tagged](bound)
				}
				defer rx.Drop()
				var wg sync.WaitGroup
				for s := range senders {
					wg.Add(1)
					mine := tx.Clone()
					go func() {
						defer wg.Done()
						defer mine.Drop()
						for i := range perSender {
							if err := mine.Send(tagged{s, i}); err != nil {
								t.Error(err)
								return
							}
						}
					}()
				}
				tx.Drop()
				next := make([]int, senders)
				receive(rx, func(v tagged) {
					if v.seq != next[v.sender] {
						t.Fatalf("sender %d: got message %d, want %d (lost, duplicated or reordered)", v.sender, v.seq, next[v.sender])
					}
					next[v.sender]++
				})
				wg.Wait()
				for s, n := range next {
					if n != perSender {
						t.Fatalf("sender %d: %d of %d messages arrived", s, n, perSender)
					}
				}
			})
		}
	}
}

// Property: the sender count is exact under concurrent Clone and Drop — the
// channel disconnects when, and only when, the last handle is dropped.
func TestSenderCountIsExactUnderConcurrentCloneAndDrop(t *testing.T) {
	const goroutines, rounds = 8, 500
	tx, rx := mpsc.Channel[int]()
	defer rx.Drop()
	var wg sync.WaitGroup
	for range goroutines {
		wg.Add(1)
		mine := tx.Clone()
		go func() {
			defer wg.Done()
			defer mine.Drop()
			for range rounds {
				a := mine.Clone()
				b := a.Clone()
				a.Drop()
				b.Drop()
			}
		}()
	}
	wg.Wait()
	if _, err := rx.TryRecv(); !errors.Is(err, mpsc.ErrEmpty) {
		t.Fatalf("with one handle left: TryRecv = %v, want ErrEmpty (still connected)", err)
	}
	tx.Drop()
	if _, err := rx.TryRecv(); !errors.Is(err, mpsc.ErrDisconnected) {
		t.Fatalf("after the last Drop: TryRecv = %v, want ErrDisconnected", err)
	}
}

// Property: many goroutines may send through one shared handle at once
// (Rust's Sender is Sync).
func TestOneSenderSharedByManyGoroutines(t *testing.T) {
	const goroutines, perG = 4, 1000
	tx, rx := mpsc.SyncChannel[int](8)
	defer rx.Drop()
	var wg sync.WaitGroup
	for range goroutines {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range perG {
				tx.Send(i)
			}
		}()
	}
	go func() { wg.Wait(); tx.Drop() }()
	sum, n := 0, 0
	for v := range rx.Iter() {
		sum += v
		n++
	}
	if want := goroutines * perG * (perG - 1) / 2; n != goroutines*perG || sum != want {
		t.Fatalf("received %d messages summing to %d, want %d summing to %d", n, sum, goroutines*perG, want)
	}
}
