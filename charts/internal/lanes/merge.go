package lanes

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"
)

// DefaultWidth is the plot width, in pixels, that Merge assumes when the
// caller does not know better: about what a notebook cell shows.
const DefaultWidth = 1000

// Merge returns a copy of c thinned for a plot widthPx pixels wide showing
// the whole duration: runs of bars shorter than a pixel on the same lane
// and layer become one bar coloured by the state that took most of their
// time (its tooltip says what it stands for), and points or arrows that
// fall on the same pixel become one. Bars of a pixel or more are kept as
// they are, so nothing a user could see at the default zoom is lost. A
// merged item's Merged field says how many items it stands for.
func Merge(c *Chart, widthPx int) *Chart {
	if widthPx <= 0 {
		widthPx = DefaultWidth
	}
	out := *c
	px := c.Duration / time.Duration(widthPx)
	if px <= 0 {
		return &out
	}
	out.Bars = mergeBars(c.Bars, px)
	out.Points = make([]PointSeries, len(c.Points))
	for i, s := range c.Points {
		s.Points = mergePoints(s.Points, px)
		out.Points[i] = s
	}
	out.Arrows = make([]ArrowSeries, len(c.Arrows))
	for i, s := range c.Arrows {
		s.Arrows = mergeArrows(s.Arrows, px)
		out.Arrows[i] = s
	}
	return &out
}

// ref names a bar by its series and position.
type ref struct{ series, bar int }

func mergeBars(series []BarSeries, px time.Duration) []BarSeries {
	// Group bars by lane and layer: merging happens among bars that would
	// be drawn on top of each other.
	type key struct {
		lane  int
		layer Layer
	}
	groups := map[key][]ref{}
	var keys []key
	for si, s := range series {
		for bi, b := range s.Bars {
			k := key{b.Lane, s.Layer}
			if _, ok := groups[k]; !ok {
				keys = append(keys, k)
			}
			groups[k] = append(groups[k], ref{si, bi})
		}
	}
	out := make([]BarSeries, len(series))
	for i, s := range series {
		s.Bars = nil
		out[i] = s
	}
	for _, k := range keys {
		refs := groups[k]
		bar := func(r ref) Bar { return series[r.series].Bars[r.bar] }
		slices.SortStableFunc(refs, func(a, b ref) int { return cmp.Compare(bar(a).Start, bar(b).Start) })
		for i := 0; i < len(refs); {
			first := bar(refs[i])
			j := i + 1
			if first.End-first.Start < px {
				end := first.End
				for j < len(refs) {
					next := bar(refs[j])
					if next.End-next.Start >= px || next.Start >= first.Start+px || end-first.Start >= px {
						break
					}
					end = max(end, next.End)
					j++
				}
			}
			if j == i+1 {
				out[refs[i].series].Bars = append(out[refs[i].series].Bars, first)
			} else {
				si, b := mergeRun(series, refs[i:j])
				out[si].Bars = append(out[si].Bars, b)
			}
			i = j
		}
	}
	return out
}

// mergeRun makes one bar of a run of short bars, in the series that had
// most of the run's time.
func mergeRun(series []BarSeries, run []ref) (int, Bar) {
	byTime := make([]time.Duration, len(series))
	b := Bar{Lane: series[run[0].series].Bars[run[0].bar].Lane, Start: series[run[0].series].Bars[run[0].bar].Start}
	for _, r := range run {
		x := series[r.series].Bars[r.bar]
		byTime[r.series] += x.End - x.Start
		b.End = max(b.End, x.End)
		b.Stuck = b.Stuck || x.Stuck
		b.Merged += max(x.Merged, 1)
	}
	best := run[0].series
	var total time.Duration
	for i, d := range byTime {
		total += d
		if d > byTime[best] {
			best = i
		}
	}
	var parts []string
	for i, d := range byTime {
		if d > 0 || (total == 0 && i == best) {
			pct := 100.0
			if total > 0 {
				pct = 100 * float64(d) / float64(total)
			}
			parts = append(parts, fmt.Sprintf("%s %.0f%%", series[i].Name, math.Round(pct/10)*10))
		}
	}
	// The count is in Merged, and the shares are rounded, so that the texts
	// of many merged bars are the same text (charts store each text once).
	b.Info = "short spans merged (zoom in to see them): " + strings.Join(parts, ", ")
	return best, b
}

func mergePoints(pts []Point, px time.Duration) []Point {
	type key struct {
		lane   int
		bucket time.Duration
	}
	return mergeBy(pts, func(p Point) key { return key{p.Lane, p.Time / px} },
		func(p *Point) *int { return &p.Merged })
}

func mergeArrows(arrows []Arrow, px time.Duration) []Arrow {
	type key struct {
		from, to   int
		fromB, toB time.Duration
	}
	return mergeBy(arrows, func(a Arrow) key { return key{a.FromLane, a.ToLane, a.From / px, a.To / px} },
		func(a *Arrow) *int { return &a.Merged })
}

// mergeBy keeps the first item of each key and counts in its Merged field
// (reached through merged) how many items it stands for; an item standing
// for itself alone keeps Merged 0.
func mergeBy[T any, K comparable](items []T, key func(T) K, merged func(*T) *int) []T {
	at := map[K]int{}
	var out []T
	for _, it := range items {
		n := max(*merged(&it), 1)
		if i, ok := at[key(it)]; ok {
			*merged(&out[i]) += n
			continue
		}
		at[key(it)] = len(out)
		*merged(&it) = n
		out = append(out, it)
	}
	for i := range out {
		if m := merged(&out[i]); *m == 1 {
			*m = 0
		}
	}
	return out
}

// MergeWithin merges c for a plot widthPx pixels wide like Merge and, while the
// result still has more than maxItems bars, points and arrows (a chart
// with many busy lanes), merges again at half the resolution. It returns
// the chart and the resolution used, in pixels across the whole duration.
// maxItems <= 0 means no budget.
func MergeWithin(c *Chart, widthPx, maxItems int) (*Chart, int) {
	if widthPx <= 0 {
		widthPx = DefaultWidth
	}
	for {
		m := Merge(c, widthPx)
		b, p, a := m.Count()
		if maxItems <= 0 || b+p+a <= maxItems || widthPx <= 16 {
			return m, widthPx
		}
		widthPx /= 2
	}
}
