package mpsc_test

import (
	"errors"
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/fearless-go/fearless/helpers/mpsc"
)

// Three producers, each with its own clone of the Sender, and one consumer
// ranging over the Receiver. The loop ends by itself once every Sender has
// been dropped — including main's own, which main drops first.
func Example() {
	tx, rx := mpsc.Channel[int]()
	for id := 1; id <= 3; id++ {
		tx := tx.Clone()
		go func() {
			defer tx.Drop()
			for i := 1; i <= 3; i++ {
				tx.Send(id*10 + i)
			}
		}()
	}
	tx.Drop() // without this, the loop below would wait forever

	var got []int
	for v := range rx.Iter() {
		got = append(got, v)
	}
	slices.Sort(got) // the producers ran concurrently: arrival order varies
	fmt.Println(got)
	// Output: [11 12 13 21 22 23 31 32 33]
}

// The classic mistake: main keeps its own Sender, so the channel never
// disconnects and for range rx.Iter() would never end. RecvTimeout shows it
// without hanging: once the producer is done, the channel is empty yet still
// connected, so the receive times out instead of reporting the end.
func Example_forgottenDrop() {
	tx, rx := mpsc.Channel[string]()
	var wg sync.WaitGroup
	producer := tx.Clone()
	wg.Go(func() {
		defer producer.Drop()
		producer.Send("job 1")
		producer.Send("job 2")
	})
	wg.Wait() // only so that the output does not depend on timing

	for {
		v, err := rx.RecvTimeout(10 * time.Millisecond)
		if errors.Is(err, mpsc.ErrTimeout) {
			fmt.Println("timed out: main still holds a Sender, so more could come")
			break
		}
		fmt.Println("got", v)
	}
	tx.Drop() // the fix
	_, err := rx.Recv()
	fmt.Println(errors.Is(err, mpsc.ErrDisconnected))
	// Output:
	// got job 1
	// got job 2
	// timed out: main still holds a Sender, so more could come
	// true
}

// A rendezvous channel hands each value over directly: Send returns only
// once the receiver has the value, and a dropped Receiver gives it back.
func ExampleSyncChannel() {
	tx, rx := mpsc.SyncChannel[string](0)
	done := make(chan struct{})
	go func() {
		defer close(done)
		v, _ := rx.Recv()
		fmt.Println("received", v)
		rx.Drop()
	}()
	tx.Send("hello") // waits for the receiver
	<-done
	err := tx.Send("anyone?")
	var serr *mpsc.SendError[string]
	if errors.As(err, &serr) {
		fmt.Println("not sent:", serr.Value)
	}
	tx.Drop()
	// Output:
	// received hello
	// not sent: anyone?
}

// TrySend never waits: on a full SyncChannel it says so with ErrFull, and the
// value stays the caller's. TryIter takes what is waiting, and stops.
func ExampleSender_TrySend() {
	tx, rx := mpsc.SyncChannel[string](2, mpsc.Name("jobs"))
	defer tx.Drop()
	for _, job := range []string{"build", "test", "deploy"} {
		if err := tx.TrySend(job); errors.Is(err, mpsc.ErrFull) {
			fmt.Println("full, not sent:", job)
		}
	}
	for job := range rx.TryIter() {
		fmt.Println("got", job)
	}
	// Output:
	// full, not sent: deploy
	// got build
	// got test
}
