package trace

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
)

// WriteChromeTrace writes the recording in the Trace Event Format of
// Chrome's about:tracing, which ui.perfetto.dev and chrome://tracing open
// beside Go's own traces: one track per goroutine (named as the timeline
// names its lanes), each span (a thread running, a wait for a lock, a
// join, a sleep, a blocked send or receive, a task, a user span) as a
// complete event, each lock held as an async slice on a track of its own
// (named "holds <lock>"), the other events as instants, and an arrow from
// each send to its receive. Times are in microseconds since the recording
// started; every event's args carry its source line. A failing schedule's
// recording (explore's Failure.Recording) exports the same way.
func (r *Recording) WriteChromeTrace(w io.Writer) error {
	return json.NewEncoder(w).Encode(r.chromeTrace())
}

// chromeEvent is one event of the Trace Event Format.
type chromeEvent struct {
	Name  string         `json:"name"`
	Cat   string         `json:"cat,omitempty"`
	Ph    string         `json:"ph"`
	Ts    float64        `json:"ts"`
	Dur   *float64       `json:"dur,omitempty"`
	Pid   int            `json:"pid"`
	Tid   int64          `json:"tid"`
	ID    string         `json:"id,omitempty"`
	Scope string         `json:"s,omitempty"`  // instants: "t" (thread)
	BP    string         `json:"bp,omitempty"` // flow ends: "e" (bind to the enclosing slice)
	Args  map[string]any `json:"args,omitempty"`
}

type chromeFile struct {
	TraceEvents     []chromeEvent  `json:"traceEvents"`
	DisplayTimeUnit string         `json:"displayTimeUnit"`
	OtherData       map[string]any `json:"otherData"`
}

const chromePid = 1

func micros(d int64) float64 { return float64(d) / 1e3 }

func (r *Recording) chromeTrace() chromeFile {
	out := chromeFile{DisplayTimeUnit: "ns", OtherData: map[string]any{
		"producer": "fearless helpers/trace", "started": r.Started, "dropped": r.Dropped}}
	add := func(e chromeEvent) { out.TraceEvents = append(out.TraceEvents, e) }
	add(chromeEvent{Name: "process_name", Ph: "M", Pid: chromePid, Args: map[string]any{"name": "fearless recording"}})
	// A track per goroutine, in order of first appearance.
	seen := map[int64]bool{}
	var order []int64
	for _, e := range r.Events {
		if !seen[e.G] {
			seen[e.G] = true
			order = append(order, e.G)
		}
	}
	for i, g := range order {
		add(chromeEvent{Name: "thread_name", Ph: "M", Pid: chromePid, Tid: g, Args: map[string]any{"name": r.GoroutineName(g)}})
		add(chromeEvent{Name: "thread_sort_index", Ph: "M", Pid: chromePid, Tid: g, Args: map[string]any{"sort_index": i}})
	}
	end := int64(r.Duration)
	for _, e := range r.Events {
		end = max(end, int64(e.Time))
	}
	// Spans open on each goroutine, innermost last. An End closes its
	// Begin and, first, every span begun inside it and still open (a wait
	// cut short when a thread was torn down): the spans of a track nest.
	open := map[int64][]Event{}
	var spans []chromeEvent
	span := func(b Event, until int64) {
		dur := micros(until - int64(b.Time))
		spans = append(spans, chromeEvent{Name: r.eventName(b), Cat: b.Kind.String(), Ph: "X", Ts: micros(int64(b.Time)),
			Dur: &dur, Pid: chromePid, Tid: b.G, Args: r.eventArgs(b)})
	}
	for _, e := range r.Events {
		switch e.Phase {
		case Begin:
			open[e.G] = append(open[e.G], e)
			continue
		case End:
			st := open[e.G]
			for i := len(st) - 1; i >= 0; i-- {
				if st[i].Kind == e.Kind && st[i].Object == e.Object {
					for j := len(st) - 1; j >= i; j-- {
						span(st[j], int64(e.Time))
					}
					open[e.G] = st[:i]
					break
				}
			}
			continue
		}
		ts := micros(int64(e.Time))
		switch e.Kind {
		case Lock, RLock:
			add(chromeEvent{Name: "holds " + r.ObjectName(e.Object), Cat: "lock", Ph: "b", Ts: ts, Pid: chromePid, Tid: e.G,
				ID: fmt.Sprintf("lock-%d-%d", e.Object, e.G), Args: r.eventArgs(e)})
		case Unlock, RUnlock:
			add(chromeEvent{Name: "holds " + r.ObjectName(e.Object), Cat: "lock", Ph: "e", Ts: ts, Pid: chromePid, Tid: e.G,
				ID: fmt.Sprintf("lock-%d-%d", e.Object, e.G)})
		}
		add(chromeEvent{Name: r.eventName(e), Cat: e.Kind.String(), Ph: "i", Scope: "t", Ts: ts, Pid: chromePid, Tid: e.G, Args: r.eventArgs(e)})
		switch {
		case e.Kind == Send && e.Msg != 0:
			add(chromeEvent{Name: "message", Cat: "message", Ph: "s", Ts: ts, Pid: chromePid, Tid: e.G, ID: fmt.Sprint(e.Msg)})
		case e.Kind == Recv && e.Msg != 0:
			add(chromeEvent{Name: "message", Cat: "message", Ph: "f", BP: "e", Ts: ts, Pid: chromePid, Tid: e.G, ID: fmt.Sprint(e.Msg)})
		}
	}
	// Spans still open at the end (a thread blocked for good) last to it.
	for _, g := range order {
		for _, b := range open[g] {
			span(b, end)
		}
	}
	// Complete events sorted by start, longest first: the order in which
	// viewers nest them.
	sort.SliceStable(spans, func(i, j int) bool {
		if spans[i].Ts != spans[j].Ts {
			return spans[i].Ts < spans[j].Ts
		}
		return *spans[i].Dur > *spans[j].Dur
	})
	out.TraceEvents = append(out.TraceEvents, spans...)
	// Locks still held at the end: close their async slices there.
	held := map[string]chromeEvent{}
	for _, e := range out.TraceEvents {
		switch e.Ph {
		case "b":
			held[e.ID] = e
		case "e":
			delete(held, e.ID)
		}
	}
	ids := make([]string, 0, len(held))
	for id := range held {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		b := held[id]
		add(chromeEvent{Name: b.Name, Cat: "lock", Ph: "e", Ts: micros(end), Pid: chromePid, Tid: b.Tid, ID: id})
	}
	return out
}

// eventName names an event as a viewer's slice: its kind and its object.
func (r *Recording) eventName(e Event) string {
	switch e.Kind {
	case ThreadRun:
		return "run " + r.GoroutineName(e.G)
	case UserSpan, UserMark:
		return r.ObjectName(e.Object)
	}
	if e.Object != 0 {
		return e.Kind.String() + " " + r.ObjectName(e.Object)
	}
	return e.Kind.String()
}

// eventArgs carries an event's details: its object, value, and source line.
func (r *Recording) eventArgs(e Event) map[string]any {
	args := map[string]any{}
	if e.Object != 0 {
		args["object"] = r.ObjectName(e.Object)
	}
	if e.Value != 0 {
		args["value"] = e.Value
	}
	if e.Msg != 0 {
		args["message"] = e.Msg
	}
	if s := e.Site; s != nil {
		args["where"] = s.Where
		if s.Code != "" {
			args["code"] = s.Code
		}
		args["func"] = s.Func
	}
	if len(args) == 0 {
		return nil
	}
	return args
}
