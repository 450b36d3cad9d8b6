package trace_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/fearless-go/fearless/helpers/explore"
	"github.com/fearless-go/fearless/helpers/mpsc"
	"github.com/fearless-go/fearless/helpers/mutex"
	"github.com/fearless-go/fearless/helpers/thread"
	"github.com/fearless-go/fearless/helpers/trace"
)

// chromeEvent is what a Trace Event Format reader needs of an event.
type chromeEvent struct {
	Name string         `json:"name"`
	Cat  string         `json:"cat"`
	Ph   string         `json:"ph"`
	Ts   *float64       `json:"ts"`
	Dur  *float64       `json:"dur"`
	Pid  *int           `json:"pid"`
	Tid  *int64         `json:"tid"`
	ID   string         `json:"id"`
	S    string         `json:"s"`
	BP   string         `json:"bp"`
	Args map[string]any `json:"args"`
}

// validate checks the structure chrome://tracing and Perfetto rely on, and
// returns the events by phase.
func validate(t *testing.T, data []byte) map[string][]chromeEvent {
	t.Helper()
	var file struct {
		TraceEvents     []chromeEvent  `json:"traceEvents"`
		DisplayTimeUnit string         `json:"displayTimeUnit"`
		OtherData       map[string]any `json:"otherData"`
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&file); err != nil {
		t.Fatalf("not a trace file: %v", err)
	}
	if file.DisplayTimeUnit != "ns" && file.DisplayTimeUnit != "ms" {
		t.Errorf("displayTimeUnit %q", file.DisplayTimeUnit)
	}
	by := map[string][]chromeEvent{}
	named := map[int64]bool{}
	for _, e := range file.TraceEvents {
		by[e.Ph] = append(by[e.Ph], e)
		if e.Name == "" || e.Pid == nil {
			t.Fatalf("event without a name or pid: %+v", e)
		}
		switch e.Ph {
		case "M":
			if e.Name == "thread_name" {
				named[*e.Tid] = true
				if e.Args["name"] == "" {
					t.Errorf("a thread without a name: %+v", e)
				}
			}
			continue
		case "X", "i", "b", "e", "s", "f":
		default:
			t.Fatalf("unknown phase %q", e.Ph)
		}
		if e.Ts == nil || *e.Ts < 0 || e.Tid == nil {
			t.Fatalf("event without a time or tid: %+v", e)
		}
		if e.Ph == "X" && (e.Dur == nil || *e.Dur < 0) {
			t.Fatalf("complete event without a duration: %+v", e)
		}
		if e.Ph == "i" && e.S != "t" {
			t.Errorf("instant not scoped to its thread: %+v", e)
		}
		if (e.Ph == "b" || e.Ph == "e" || e.Ph == "s" || e.Ph == "f") && (e.ID == "" || e.Cat == "") {
			t.Fatalf("async or flow event without an id and a category: %+v", e)
		}
	}
	for _, list := range by {
		for _, e := range list {
			if e.Ph != "M" && !named[*e.Tid] {
				t.Fatalf("tid %d has no thread_name", *e.Tid)
			}
		}
	}
	// Complete events nest on each track.
	tracks := map[int64][]chromeEvent{}
	for _, e := range by["X"] {
		tracks[*e.Tid] = append(tracks[*e.Tid], e)
	}
	for tid, xs := range tracks {
		sort.SliceStable(xs, func(i, j int) bool { return *xs[i].Ts < *xs[j].Ts })
		var stack []float64 // ends
		for _, x := range xs {
			for len(stack) > 0 && stack[len(stack)-1] <= *x.Ts {
				stack = stack[:len(stack)-1]
			}
			end := *x.Ts + *x.Dur
			if len(stack) > 0 && end > stack[len(stack)-1]+1e-6 {
				t.Errorf("tid %d: %q [%v, %v] overlaps its enclosing slice, which ends at %v", tid, x.Name, *x.Ts, end, stack[len(stack)-1])
			}
			stack = append(stack, end)
		}
	}
	// Async slices open and close in pairs; flows start and finish in pairs.
	count := map[string]int{}
	for _, e := range by["b"] {
		count[e.Cat+"/"+e.ID]++
	}
	for _, e := range by["e"] {
		count[e.Cat+"/"+e.ID]--
	}
	for _, e := range by["s"] {
		count["flow/"+e.ID]++
	}
	for _, e := range by["f"] {
		count["flow/"+e.ID]--
	}
	for id, n := range count {
		if n != 0 {
			t.Errorf("%s: unbalanced (%+d)", id, n)
		}
	}
	return by
}

func names(es []chromeEvent) string {
	var out []string
	for _, e := range es {
		out = append(out, e.Name)
	}
	return strings.Join(out, "; ")
}

func TestChromeTraceOfARecording(t *testing.T) {
	if err := trace.Start(); err != nil {
		t.Fatal(err)
	}
	total := mutex.New(0, mutex.Name("total"))
	tx, rx := mpsc.Channel[int](mpsc.Name("results"))
	var hs []*thread.JoinHandle[struct{}]
	for i := range 2 {
		tx := tx.Clone()
		hs = append(hs, thread.Go(func() {
			defer tx.Drop()
			g := total.MustLock()
			g.Set(g.Get() + 1)
			g.Unlock()
			tx.Send(i)
		}, thread.Name(fmt.Sprintf("worker-%d", i))))
	}
	tx.Drop()
	for range rx.Iter() {
	}
	for _, h := range hs {
		h.Join()
	}
	rec := trace.Stop()
	var buf bytes.Buffer
	if err := rec.WriteChromeTrace(&buf); err != nil {
		t.Fatal(err)
	}
	by := validate(t, buf.Bytes())
	all := names(by["X"]) + "; " + names(by["b"]) + "; " + names(by["i"]) + "; " + names(by["M"])
	for _, want := range []string{"run worker-0", "run worker-1", "holds total", "send results", "recv results"} {
		if !strings.Contains(all, want) {
			t.Errorf("no %q in %s", want, all)
		}
	}
	if len(by["s"]) != 2 || len(by["f"]) != 2 {
		t.Errorf("want an arrow per message: %d starts, %d finishes", len(by["s"]), len(by["f"]))
	}
	for _, e := range by["X"] {
		if strings.HasPrefix(e.Name, "run worker") && (e.Args["where"] == nil || !strings.Contains(e.Args["where"].(string), "chrome_test.go:")) {
			t.Errorf("a span without its line: %+v", e)
		}
	}
	if dir := os.Getenv("FEARLESS_KEEP_TRACE"); dir != "" {
		_ = os.WriteFile(dir+"/recording.trace.json", buf.Bytes(), 0o644)
	}
}

// A failing schedule's recording exports too: the deadlock's waits run to
// the end, each lock held closes there.
func TestChromeTraceOfAFailingSchedule(t *testing.T) {
	res := explore.Exhaustive(2).Run(func() {
		a, b := mutex.New(0, mutex.Name("A")), mutex.New(0, mutex.Name("B"))
		both := func(x, y *mutex.Mutex[int]) func() {
			return func() {
				gx := x.MustLock()
				gy := y.MustLock()
				gy.Unlock()
				gx.Unlock()
			}
		}
		t1, t2 := thread.Go(both(a, b), thread.Name("t1")), thread.Go(both(b, a), thread.Name("t2"))
		t1.Join()
		t2.Join()
	})
	if res.Failure == nil || res.Failure.Recording == nil {
		t.Fatalf("want a deadlock with its recording: %v", res)
	}
	var buf bytes.Buffer
	if err := res.Failure.Recording.WriteChromeTrace(&buf); err != nil {
		t.Fatal(err)
	}
	by := validate(t, buf.Bytes())
	x := names(by["X"])
	for _, want := range []string{"lock-wait", "join t1", "run t1", "run t2"} {
		if !strings.Contains(x, want) {
			t.Errorf("no %q among the spans: %s", want, x)
		}
	}
	if !strings.Contains(names(by["b"]), "holds A") || !strings.Contains(names(by["b"]), "holds B") {
		t.Errorf("locks held: %s", names(by["b"]))
	}
	if dir := os.Getenv("FEARLESS_KEEP_TRACE"); dir != "" {
		_ = os.WriteFile(dir+"/deadlock.trace.json", buf.Bytes(), 0o644)
	}
}
