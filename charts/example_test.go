package charts_test

import (
	"fmt"
	"sort"
	"time"

	"github.com/fearless-go/fearless/charts"
	"github.com/fearless-go/fearless/helpers/trace"
	"github.com/fearless-go/fearless/helpers/trace/primitive"
)

// Render a recording as a notebook output: interactive HTML, a static SVG
// picture and a text summary.
func Example() {
	lock := primitive.NewID(trace.MutexObject)
	at := func(us int) time.Duration { return time.Duration(us) * time.Microsecond }
	rec := &trace.Recording{
		Duration:   at(100),
		Goroutines: map[int64]string{1: "main"},
		Objects:    map[uint64]trace.ObjectInfo{lock: {Kind: trace.MutexObject, Name: "A"}},
		Events: []trace.Event{
			{Time: at(10), G: 1, Kind: trace.Lock, Object: lock},
			{Time: at(40), G: 1, Kind: trace.Unlock, Object: lock},
		},
	}
	out, err := charts.Timeline(rec, charts.Title("one lock"))
	if err != nil {
		panic(err)
	}
	var types []string
	for t := range out.MIME() {
		types = append(types, t)
	}
	sort.Strings(types)
	fmt.Println(types)
	fmt.Print(out.Text)
	// Output:
	// [image/svg+xml text/html text/plain]
	// one lock: 2 events, 1 lanes, 100µs
	// main  not blocked 100µs, holding lock 30µs
}

// In a notebook cell, one line shows the timeline of everything the cell
// did, even when it panics.
func ExampleShow() {
	defer charts.Show()
	// ... the cell's code, using the helper packages ...
}

// Options pick the recording and the title; anything else does not compile.
func ExampleRecording() {
	rec := &trace.Recording{Duration: time.Millisecond, Goroutines: map[int64]string{1: "main"}}
	out, err := charts.Timeline(nil, charts.Recording(rec), charts.Title("an empty run"))
	if err != nil {
		panic(err)
	}
	fmt.Print(out.Text)
	// Output:
	// an empty run: nothing was recorded (recording is off: call trace.Start(), or run in a notebook cell)
}
