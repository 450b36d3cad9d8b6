package lanes_test

import (
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/fearless-go/fearless/charts/internal/lanes"
)

func TestMergeKeepsWideBarsAndMergesSubPixelRuns(t *testing.T) {
	// 1000 px over 1ms: a pixel is 1µs.
	c := &lanes.Chart{Duration: time.Millisecond, Lanes: []string{"a", "b"}, Bars: []lanes.BarSeries{
		{Name: "running"}, {Name: "waiting"},
	}}
	run, wait := &c.Bars[0], &c.Bars[1]
	run.Bars = append(run.Bars, lanes.Bar{Lane: 0, Start: 0, End: 100 * time.Microsecond, Info: "wide"})
	// 100 alternating 100ns bars: 10µs of sub-pixel flicker, mostly waiting.
	t0 := 100 * time.Microsecond
	for i := range 100 {
		s := t0 + time.Duration(i)*100*time.Nanosecond
		if i%4 == 0 {
			run.Bars = append(run.Bars, lanes.Bar{Lane: 0, Start: s, End: s + 100})
		} else {
			wait.Bars = append(wait.Bars, lanes.Bar{Lane: 0, Start: s, End: s + 100})
		}
	}
	// One isolated short bar on another lane is kept as it is.
	wait.Bars = append(wait.Bars, lanes.Bar{Lane: 1, Start: 500 * time.Microsecond, End: 500*time.Microsecond + 10, Info: "tiny"})
	m := lanes.Merge(c, 1000)
	if c.Bars[0].Bars[0].Info != "wide" || len(c.Bars[1].Bars) != 76 {
		t.Fatal("Merge changed its input")
	}
	bars, _, _ := m.Count()
	if bars > 14 {
		t.Fatalf("merged chart still has %d bars", bars)
	}
	if m.Bars[0].Bars[0].Info != "wide" || m.Bars[0].Bars[0].Merged != 0 {
		t.Fatalf("wide bar changed: %+v", m.Bars[0].Bars[0])
	}
	var merged, total int
	for _, s := range m.Bars {
		for _, b := range s.Bars {
			total += max(b.Merged, 1)
			if b.Merged > 1 {
				merged++
				if s.Name != "waiting" || !strings.Contains(b.Info, "short spans merged") || !strings.Contains(b.Info, "running ") || b.End-b.Start < time.Microsecond {
					t.Fatalf("merged bar %+v in %s", b, s.Name)
				}
			}
		}
	}
	if merged == 0 || total != 102 {
		t.Fatalf("merged %d bars standing for %d, want some standing for all 102", merged, total)
	}
}

// Property: whatever the input, a merged chart draws at most a few bars
// per pixel per lane, and accounts for every input bar.
func TestMergeBoundsItemsPerPixel(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	const width, nLanes = 200, 4
	c := &lanes.Chart{Duration: time.Second, Lanes: make([]string, nLanes), Bars: make([]lanes.BarSeries, 3)}
	for lane := range nLanes {
		var t0 time.Duration
		for t0 < time.Second {
			d := time.Duration(r.ExpFloat64() * float64(200*time.Microsecond))
			s := r.IntN(3)
			c.Bars[s].Bars = append(c.Bars[s].Bars, lanes.Bar{Lane: lane, Start: t0, End: t0 + d})
			t0 += d
		}
		for i := range 5000 {
			c.Points = append(c.Points, lanes.PointSeries{})
			c.Points[0].Points = append(c.Points[0].Points, lanes.Point{Lane: lane, Time: time.Duration(i) * 200 * time.Microsecond})
		}
	}
	in, _, _ := c.Count()
	m := lanes.Merge(c, width)
	out, pts, _ := m.Count()
	if out > 3*width*nLanes || pts > width*nLanes {
		t.Fatalf("%d bars became %d, %d points remain: want at most %d and %d", in, out, pts, 3*width*nLanes, width*nLanes)
	}
	n := 0
	for _, s := range m.Bars {
		for _, b := range s.Bars {
			n += max(b.Merged, 1)
		}
	}
	if n != in {
		t.Fatalf("merged bars stand for %d, want %d", n, in)
	}
}

func TestMergeArrowsOnTheSamePixels(t *testing.T) {
	c := &lanes.Chart{Duration: time.Millisecond, Arrows: []lanes.ArrowSeries{{Name: "messages"}}}
	for i := range 10 {
		c.Arrows[0].Arrows = append(c.Arrows[0].Arrows, lanes.Arrow{FromLane: 0, From: time.Duration(i), ToLane: 1, To: time.Duration(500 + i), Info: "msg"})
	}
	m := lanes.Merge(c, 1000)
	if a := m.Arrows[0].Arrows; len(a) != 1 || a[0].Merged != 10 || a[0].Info != "msg" {
		t.Fatalf("arrows = %+v", a)
	}
}

func TestMergeOfEmptyChart(t *testing.T) {
	m := lanes.Merge(&lanes.Chart{}, 0)
	if b, p, a := m.Count(); b+p+a != 0 {
		t.Fatal("empty chart grew")
	}
}

func TestFormatDuration(t *testing.T) {
	for d, want := range map[time.Duration]string{
		850: "850ns", 12300: "12.3µs", 4560000: "4.56ms", 1234567890: "1.23s", 250 * time.Microsecond: "250µs", -1500: "-1.5µs", 3 * time.Microsecond: "3µs", 30 * time.Microsecond: "30µs",
	} {
		if got := lanes.FormatDuration(d); got != want {
			t.Errorf("FormatDuration(%d) = %q, want %q", d, got, want)
		}
	}
}

func TestMergeWithinKeepsToTheBudget(t *testing.T) {
	c := &lanes.Chart{Duration: time.Second, Lanes: make([]string, 50), Bars: []lanes.BarSeries{{Name: "a"}}}
	for lane := range 50 {
		for i := range 1000 {
			s := time.Duration(i) * time.Millisecond
			c.Bars[0].Bars = append(c.Bars[0].Bars, lanes.Bar{Lane: lane, Start: s, End: s + 500*time.Microsecond})
		}
	}
	m, width := lanes.MergeWithin(c, 1000, 5000)
	if b, _, _ := m.Count(); b > 5000 || width >= 1000 {
		t.Fatalf("%d bars at width %d, want at most 5000 at a coarser width", b, width)
	}
	if _, width := lanes.MergeWithin(c, 1000, 0); width != 1000 {
		t.Fatal("no budget should mean plain Merge")
	}
}
