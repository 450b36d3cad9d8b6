// Command gen draws the README's picture of a timeline from a real run of
// the helper packages, as the static SVG that every chart output carries:
//
//	go run ./charts/docs/gen            # writes charts/docs/timeline.svg
//	go run ./charts/docs/gen OUT.svg    # writes it elsewhere
//
// Two named threads start together and add to a counter inside a helper
// mutex (so one often waits for the other), then each sends
// its share to main over a helper channel; main sleeps, receives both and
// joins both. Every run differs a little: the picture is one real run.
package main

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"time"

	"github.com/fearless-go/fearless/charts"
	"github.com/fearless-go/fearless/helpers/mpsc"
	"github.com/fearless-go/fearless/helpers/mutex"
	"github.com/fearless-go/fearless/helpers/thread"
	"github.com/fearless-go/fearless/helpers/trace"
)

func main() {
	out := defaultPath()
	if len(os.Args) > 1 {
		out = os.Args[1]
	}
	if err := run(out); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
	fmt.Println("wrote", out)
}

// defaultPath is charts/docs/timeline.svg beside this program's source.
func defaultPath() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "timeline.svg")
}

func run(out string) error {
	if err := trace.Start(); err != nil {
		return err
	}
	counter := mutex.New(0)
	trace.Label(counter, "counter")
	tx, rx := mpsc.Channel[int]()
	trace.Label(tx, "results")
	var handles []*thread.JoinHandle[struct{}]
	start := make(chan struct{}) // both workers begin together, so they contend
	for _, name := range []string{"worker-1", "worker-2"} {
		tx := tx.Clone()
		handles = append(handles, thread.Spawn(func() struct{} {
			defer tx.Drop()
			<-start
			mine := 0
			for range 3 {
				g, _ := counter.Lock()
				work(120 * time.Microsecond) // inside the lock: the other worker waits
				*g.Ptr() += 1
				g.Unlock()
				work(60 * time.Microsecond)
				mine++
			}
			_ = tx.Send(mine)
			return struct{}{}
		}, thread.Name(name)))
	}
	tx.Drop()
	close(start)
	thread.Sleep(200 * time.Microsecond)
	for range rx.Iter() {
	}
	for _, h := range handles {
		if _, err := h.Join(); err != nil {
			return err
		}
	}
	o, err := charts.Timeline(trace.Stop(), charts.Title("Two threads, a mutex and a channel"))
	if err != nil {
		return err
	}
	return os.WriteFile(out, o.SVG, 0o644)
}

// work keeps the CPU busy for about d, so running spans are visible.
func work(d time.Duration) {
	for t0 := time.Now(); time.Since(t0) < d; {
	}
}
