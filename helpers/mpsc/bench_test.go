package mpsc_test

import (
	"testing"

	"github.com/fearless-go/fearless/helpers/internal/benchcmp"
	"github.com/fearless-go/fearless/helpers/mpsc"
	"github.com/fearless-go/fearless/helpers/trace"
)

// Each benchmark reports ns/op of the mpsc channel, of the Go channel it is
// measured against (baseline-ns/op) and their ratio (x-baseline), all from
// the same run. The goal: send+recv on one goroutine, recorder off, within
// 2× of a buffered Go channel.

func BenchmarkSendRecv(b *testing.B) {
	buffered := func(n int) {
		ch := make(chan int, 1)
		for i := range n {
			ch <- i
			<-ch
		}
	}
	mk := map[string]func() (*mpsc.Sender[int], *mpsc.Receiver[int]){
		"unbounded": func() (*mpsc.Sender[int], *mpsc.Receiver[int]) { return mpsc.Channel[int]() },
		"sync-1":    func() (*mpsc.Sender[int], *mpsc.Receiver[int]) { return mpsc.SyncChannel[int](1) },
	}
	for _, name := range []string{"unbounded", "sync-1"} {
		sendRecv := func(n int) {
			tx, rx := mk[name]()
			for i := range n {
				tx.Send(i)
				rx.Recv()
			}
			tx.Drop()
			rx.Drop()
		}
		b.Run(name+"/off", func(b *testing.B) { benchcmp.Compare(b, buffered, sendRecv) })
		b.Run(name+"/on", func(b *testing.B) { benchcmp.Compare(b, buffered, recorded(b, 2, sendRecv)) })
	}
}

// BenchmarkPingPong times a round trip between two goroutines: one message
// each way, each receive waking the other goroutine.
func BenchmarkPingPong(b *testing.B) {
	unbuffered := func(n int) {
		ping, pong := make(chan int), make(chan int)
		go func() {
			for v := range ping {
				pong <- v
			}
			close(pong)
		}()
		for i := range n {
			ping <- i
			<-pong
		}
		close(ping)
		<-pong
	}
	for _, bound := range []int{-1, 0} {
		name := "unbounded"
		if bound == 0 {
			name = "rendezvous"
		}
		pingPong := func(n int) {
			ping, pings := newChannel(bound)
			pong, pongs := newChannel(bound)
			go func() {
				defer pong.Drop()
				for v := range pings.Iter() {
					pong.Send(v)
				}
				pings.Drop()
			}()
			for i := range n {
				ping.Send(i)
				pongs.Recv()
			}
			ping.Drop()
			pongs.Recv() // disconnected: the echo goroutine is done
			pongs.Drop()
		}
		b.Run(name+"/off", func(b *testing.B) { benchcmp.Compare(b, unbuffered, pingPong) })
		b.Run(name+"/on", func(b *testing.B) { benchcmp.Compare(b, unbuffered, recorded(b, 6, pingPong)) })
	}
}

// BenchmarkStream times one message from a producer goroutine to a consumer
// through a SyncChannel(64), against a Go channel with the same buffer.
func BenchmarkStream(b *testing.B) {
	const size = 64
	buffered := func(n int) {
		ch := make(chan int, size)
		go func() {
			for i := range n {
				ch <- i
			}
			close(ch)
		}()
		for range ch {
		}
	}
	stream := func(n int) {
		tx, rx := mpsc.SyncChannel[int](size)
		go func() {
			defer tx.Drop()
			for i := range n {
				tx.Send(i)
			}
		}()
		for range rx.Iter() {
		}
		rx.Drop()
	}
	b.Run("sync-64/off", func(b *testing.B) { benchcmp.Compare(b, buffered, stream) })
	b.Run("sync-64/on", func(b *testing.B) { benchcmp.Compare(b, buffered, recorded(b, 4, stream)) })
}

func newChannel(bound int) (*mpsc.Sender[int], *mpsc.Receiver[int]) {
	if bound < 0 {
		return mpsc.Channel[int]()
	}
	return mpsc.SyncChannel[int](bound)
}

// recorded runs f with the recorder on, in a fresh recording large enough
// for every event (dropping events would be cheaper than keeping them and
// flatter the number). Starting it costs microseconds, next to the
// milliseconds each call of f takes.
func recorded(b *testing.B, eventsPerOp int, f func(n int)) func(n int) {
	b.Cleanup(func() {
		trace.Reset() // discard first: collecting millions of events is not the cost measured
		trace.Stop()
	})
	return func(n int) {
		trace.Reset()
		if err := trace.Start(trace.Capacity(eventsPerOp*n + 1024)); err != nil {
			b.Fatal(err)
		}
		f(n)
	}
}
