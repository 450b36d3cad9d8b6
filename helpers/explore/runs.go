package explore

import (
	"cmp"
	"fmt"
	"html"
	"slices"
	"strings"
	"time"

	"github.com/janpfeifer/gonb/gonbui"

	"github.com/fearless-go/fearless/charts"
	"github.com/fearless-go/fearless/helpers/internal/hook"
	"github.com/fearless-go/fearless/helpers/internal/rec"
)

// Outcomes is how often each result came out of plain runs of a function.
type Outcomes[T comparable] struct {
	Runs    int
	Counts  map[T]int
	Elapsed time.Duration
	first   []T // outcomes in the order they first came
}

// Runs calls f n times — plainly, with no control over the schedule — and
// counts its results: how often a racy counter ends at each value, say. f
// must set up its state afresh on each call. In a notebook cell, Runs shows
// a live progress line while it runs and then a histogram of the outcomes.
// The recorder is paused meanwhile: a timeline of n runs would drown the one
// you want to see.
func Runs[T comparable](n int, f func() T) *Outcomes[T] {
	if hook.Set(hook.Record, false) {
		defer hook.Set(hook.Record, true)
	}
	names := rec.SaveNames()
	o := &Outcomes[T]{Counts: map[T]int{}}
	id := ""
	if gonbui.IsNotebook {
		id = "fearless-runs-" + gonbui.UniqueID()
		gonbui.UpdateHTML(id, progressHTML(0, n, ""))
	}
	t0 := time.Now()
	last := t0
	for i := range n {
		v := f()
		if names.Grown() > 4096 { // each run names its objects afresh: forget the old ones
			names.Restore()
		}
		if o.Counts[v] == 0 {
			o.first = append(o.first, v)
		}
		o.Counts[v]++
		o.Runs++
		if id != "" && (time.Since(last) > 200*time.Millisecond || i == n-1) {
			last = time.Now()
			gonbui.UpdateHTML(id, progressHTML(i+1, n, o.String()))
		}
	}
	o.Elapsed = time.Since(t0)
	if id != "" {
		gonbui.UpdateHTML(id, "")
		o.Chart().Display()
	}
	return o
}

// progress is the live line of a long exploration in a notebook cell: it
// appears after half a second and goes away when the exploration ends.
type progress struct {
	id, what string
	t0, last time.Time
}

func newProgress(what string) *progress {
	if !gonbui.IsNotebook {
		return nil
	}
	return &progress{what: what, t0: time.Now(), last: time.Now()}
}

func (p *progress) show(n int) {
	if p == nil || time.Since(p.last) < 200*time.Millisecond || time.Since(p.t0) < 500*time.Millisecond {
		return
	}
	p.last = time.Now()
	if p.id == "" {
		p.id = "fearless-explore-" + gonbui.UniqueID()
	}
	gonbui.UpdateHTML(p.id, fmt.Sprintf(`<div style="font-family:monospace">exploring (%s): %d schedules so far, %v</div>`,
		html.EscapeString(p.what), n, time.Since(p.t0).Round(100*time.Millisecond)))
}

func (p *progress) done() {
	if p != nil && p.id != "" {
		gonbui.UpdateHTML(p.id, "")
	}
}

func progressHTML(done, n int, s string) string {
	return fmt.Sprintf(`<div style="font-family:monospace">run %d of %d <progress value="%d" max="%d"></progress> %s</div>`,
		done, n, done, n, html.EscapeString(s))
}

// Outcomes lists the distinct results, sorted when T is a number or a
// string, else in the order they first came.
func (o *Outcomes[T]) Outcomes() []T {
	out := slices.Clone(o.first)
	slices.SortStableFunc(out, func(a, b T) int { return compare(a, b) })
	return out
}

// compare orders numbers and strings; other types keep their order.
func compare[T comparable](a, b T) int {
	switch x := any(a).(type) {
	case int:
		return cmp.Compare(x, any(b).(int))
	case int64:
		return cmp.Compare(x, any(b).(int64))
	case uint64:
		return cmp.Compare(x, any(b).(uint64))
	case float64:
		return cmp.Compare(x, any(b).(float64))
	case string:
		return cmp.Compare(x, any(b).(string))
	}
	return 0
}

// String lists each outcome with its count: "1000 runs: 1 ×3, 2 ×997".
func (o *Outcomes[T]) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d run%s:", o.Runs, plural(o.Runs))
	for i, v := range o.Outcomes() {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, " %v ×%d", v, o.Counts[v])
	}
	return b.String()
}

// Chart is the histogram of the outcomes: one bar per outcome.
func (o *Outcomes[T]) Chart() *charts.Output {
	var cats []string
	var counts []float64
	for _, v := range o.Outcomes() {
		cats = append(cats, fmt.Sprint(v))
		counts = append(counts, float64(o.Counts[v]))
	}
	return charts.Bar(fmt.Sprintf("%d runs", o.Runs), "outcome", "runs", cats,
		[]charts.Series{{Name: "runs", Values: counts}})
}
