package trace

import (
	"bufio"
	"encoding/json"
	"io"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/fearless-go/fearless/helpers/internal/callers"
	"github.com/fearless-go/fearless/helpers/internal/rec"
	"github.com/fearless-go/fearless/helpers/internal/where"
)

// Event is one recorded event, resolved: its call site is a source line.
type Event struct {
	Time   time.Duration `json:"t"`             // since the recording started
	G      int64         `json:"g"`             // goroutine id (the runtime's; matches runtime traces)
	Kind   Kind          `json:"kind"`          // what happened
	Phase  Phase         `json:"ph"`            // Instant, or one end of a span
	Object uint64        `json:"obj,omitempty"` // the helper object involved
	Msg    uint64        `json:"msg,omitempty"` // message id linking a Send to its Recv
	Value  int64         `json:"val,omitempty"` // kind-specific number (see the Kind constants)
	Site   *Site         `json:"site,omitempty"`
}

// Site is the user's source line that caused an event.
type Site struct {
	Func string `json:"func"`
	File string `json:"file"`
	Line int    `json:"line"`
	Code string `json:"code,omitempty"` // the line's text, trimmed, when the file is readable
	// Where names the line as reports do: "cell [5] line 12" in a notebook,
	// "worker.go:12" elsewhere.
	Where string `json:"where,omitempty"`
}

// ObjectInfo describes a helper object that appears in a recording.
type ObjectInfo struct {
	Kind ObjectKind `json:"kind"`
	Name string     `json:"name"`
}

// Recording is what the recorder captured: events in time order, the names
// of the goroutines and objects they mention, and whether anything was lost.
type Recording struct {
	Started    time.Time             `json:"started"`
	Duration   time.Duration         `json:"duration"` // from start to the snapshot
	Events     []Event               `json:"events"`
	Goroutines map[int64]string      `json:"goroutines"` // names of named goroutines that appear
	Objects    map[uint64]ObjectInfo `json:"objects"`    // every object that appears
	Capacity   int                   `json:"capacity"`
	Dropped    uint64                `json:"dropped"` // events not kept because the buffer was full
	// DroppedBy counts the dropped events of each goroutine, so that one
	// whose events were all dropped still has a lane.
	DroppedBy map[int64]int64 `json:"dropped_by,omitempty"`
	// Runtime is the Go runtime's execution trace, when recording was started
	// WithRuntime; read it with golang.org/x/exp/trace. Log events in category
	// ClockCategory carry this recording's clock, to line the two up.
	Runtime []byte `json:"runtime,omitempty"`
}

// GoroutineName returns the name of goroutine g in this recording, or
// "goroutine g" if it had none.
func (r *Recording) GoroutineName(g int64) string {
	if name, ok := r.Goroutines[g]; ok {
		return name
	}
	return "goroutine " + strconv.FormatInt(g, 10)
}

// ObjectName returns the name of an object in this recording.
func (r *Recording) ObjectName(id uint64) string {
	if info, ok := r.Objects[id]; ok {
		return info.Name
	}
	return rec.DefaultName(id)
}

// WriteJSON writes the recording as JSON.
func (r *Recording) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	return enc.Encode(r)
}

// ReadJSON reads a recording written by WriteJSON.
func ReadJSON(rd io.Reader) (*Recording, error) {
	var r Recording
	if err := json.NewDecoder(rd).Decode(&r); err != nil {
		return nil, err
	}
	return &r, nil
}

// resolve turns the recorder's capture into a Recording: call sites become
// source lines (named as reports name them), ids get their names.
func resolve(c *rec.Capture) *Recording {
	r := &Recording{
		Started:    c.Started,
		Duration:   c.Duration,
		Events:     make([]Event, len(c.Events)),
		Goroutines: map[int64]string{},
		Objects:    map[uint64]ObjectInfo{},
		Capacity:   c.Capacity,
		Dropped:    c.Dropped,
		DroppedBy:  c.DroppedBy,
		Runtime:    c.Runtime,
	}
	sites := map[callers.PCs]*Site{}
	var src sourceCache
	for g := range c.DroppedBy {
		if name, ok := rec.GoroutineName(g); ok {
			r.Goroutines[g] = name
		}
	}
	for i, e := range c.Events {
		site, ok := sites[e.PCs]
		if !ok {
			if s := callers.Resolve(e.PCs); s.File != "" {
				loc, code := where.Source(s.File, s.Line)
				if code == "" {
					code = src.line(s.File, s.Line)
				}
				site = &Site{Func: s.Func, File: s.File, Line: s.Line, Code: code, Where: loc}
			}
			sites[e.PCs] = site
		}
		r.Events[i] = Event{
			Time: time.Duration(e.Time), G: e.G, Kind: e.Kind, Phase: e.Phase,
			Object: e.Obj, Msg: e.Msg, Value: e.Val, Site: site,
		}
		if _, ok := r.Goroutines[e.G]; !ok {
			if name, ok := rec.GoroutineName(e.G); ok {
				r.Goroutines[e.G] = name
			}
		}
		if e.Obj != 0 {
			if _, ok := r.Objects[e.Obj]; !ok {
				r.Objects[e.Obj] = ObjectInfo{Kind: rec.KindOf(e.Obj), Name: rec.ObjectName(e.Obj)}
			}
		}
	}
	return r
}

// sourceCache reads source files once each, to show the text of a call site.
type sourceCache struct {
	mu    sync.Mutex
	files map[string][]string
}

// maxSourceFile bounds the files read for call-site text.
const maxSourceFile = 1 << 20

func (c *sourceCache) line(file string, n int) string {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.files == nil {
		c.files = map[string][]string{}
	}
	lines, ok := c.files[file]
	if !ok {
		if f, err := os.Open(file); err == nil {
			if st, err := f.Stat(); err == nil && st.Size() <= maxSourceFile {
				sc := bufio.NewScanner(f)
				sc.Buffer(nil, maxSourceFile)
				for sc.Scan() {
					lines = append(lines, sc.Text())
				}
			}
			f.Close()
		}
		c.files[file] = lines
	}
	if n < 1 || n > len(lines) {
		return ""
	}
	return strings.TrimSpace(lines[n-1])
}
