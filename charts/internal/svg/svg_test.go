package svg_test

import (
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/fearless-go/fearless/charts/internal/lanes"
	"github.com/fearless-go/fearless/charts/internal/svg"
	"github.com/fearless-go/fearless/charts/plot"
)

// checkSVG parses a picture as XML and returns how many of each element it has.
func checkSVG(t *testing.T, b []byte) map[string]int {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(b))
	count := map[string]int{}
	root := ""
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("invalid SVG: %v\n%s", err, b)
		}
		if se, ok := tok.(xml.StartElement); ok {
			if root == "" {
				root = se.Name.Local
				if se.Name.Space != "http://www.w3.org/2000/svg" {
					t.Fatalf("root namespace = %q", se.Name.Space)
				}
			}
			count[se.Name.Local]++
		}
	}
	if root != "svg" {
		t.Fatalf("root element = %q", root)
	}
	return count
}

func TestLanesPicture(t *testing.T) {
	c := &lanes.Chart{Title: "a <title> & more", Duration: time.Millisecond, Lanes: []string{"main", "worker"},
		Bars: []lanes.BarSeries{
			{Name: "running", Color: "#43a047", Bars: []lanes.Bar{{Lane: 0, End: time.Millisecond}, {Lane: 1, Start: 10, End: 500000}}},
			{Name: "waiting for lock", Color: "#e53935", Bars: []lanes.Bar{{Lane: 1, Start: 500000, End: time.Millisecond, Stuck: true}}},
		},
		Points: []lanes.PointSeries{{Name: "lock & unlock", Color: "#f80", Symbol: "rect", Size: 7, Points: []lanes.Point{{Lane: 1, Time: 10}}}},
		Arrows: []lanes.ArrowSeries{{Name: "messages", Color: "#60a", Arrows: []lanes.Arrow{{FromLane: 1, From: 100, ToLane: 0, To: 200000}}}},
	}
	b := svg.Lanes(c)
	n := checkSVG(t, b)
	// Bars: 2 series paths + stuck outline; 1 arrow line + head; 1 marker path.
	if n["path"] != 6 {
		t.Fatalf("paths = %d, want 6\n%s", n["path"], b)
	}
	for _, want := range []string{"a &lt;title&gt; &amp; more", ">main<", ">worker<", `stroke-dasharray="4 3"`, "waiting for lock"} {
		if !strings.Contains(string(b), want) {
			t.Errorf("picture lacks %s", want)
		}
	}
}

func TestEmptyLanesPicture(t *testing.T) {
	b := svg.Lanes(&lanes.Chart{Title: "empty"})
	checkSVG(t, b)
	if !strings.Contains(string(b), "nothing was recorded") {
		t.Fatal("empty picture does not say so")
	}
}

// A huge chart draws into a bounded picture.
func TestBigLanesPictureIsBounded(t *testing.T) {
	c := &lanes.Chart{Duration: time.Second, Lanes: []string{"a", "b"}, Bars: []lanes.BarSeries{{Name: "x", Color: "#000"}, {Name: "y", Color: "#111"}}}
	for i := range 200_000 {
		c.Bars[i%2].Bars = append(c.Bars[i%2].Bars, lanes.Bar{Lane: i % 2, Start: time.Duration(i) * 5 * time.Microsecond, End: time.Duration(i)*5*time.Microsecond + 4*time.Microsecond})
	}
	b := svg.Lanes(c)
	checkSVG(t, b)
	if len(b) > 200_000 {
		t.Fatalf("picture of 200k bars is %d bytes", len(b))
	}
}

func TestPlotPictures(t *testing.T) {
	for _, f := range []*plot.Figure{
		plot.Histogram("h", []float64{1, 2, 2, 3}, 0),
		plot.Histogram("binned", []float64{0.1, 0.5, 0.9, 3.3}, 4),
		plot.Histogram("empty", nil, 0),
		plot.Line("l", "n", "ops/s", []float64{1, 2, 4}, plot.Series{Name: "a", Values: []float64{1, 2, 3}}, plot.Series{Name: "b", Values: []float64{2}}),
		plot.Bar("b", "kind", "ns", []string{"x", "y"}, plot.Series{Name: "s", Values: []float64{-1, 2}}),
	} {
		n := checkSVG(t, svg.Plot(f))
		if f.Points() > 0 && n["path"] == 0 {
			t.Errorf("%s: nothing drawn", f.Title)
		}
	}
}
