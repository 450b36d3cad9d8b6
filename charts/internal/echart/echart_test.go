package echart_test

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/fearless-go/fearless/charts/internal/echart"
	"github.com/fearless-go/fearless/charts/internal/lanes"
	"github.com/fearless-go/fearless/charts/plot"
)

func TestJSUnquotesFunctionsOnly(t *testing.T) {
	v := map[string]any{"f": opts.FuncOpts("function (x) { return '<b>' + x + \"\\\"\"; }"), "s": "</script><b>", "n": 1.5}
	got, err := echart.JS(v)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"f":function (x) { return '<b>' + x + "\""; },"n":1.5,"s":"\u003c/script\u003e\u003cb\u003e"}`
	if string(got) != want {
		t.Fatalf("JS =\n%s\nwant\n%s", got, want)
	}
	if strings.Contains(string(got), "</") {
		t.Fatal("output could end a script element")
	}
}

func sampleChart() *lanes.Chart {
	us := func(n int) time.Duration { return time.Duration(n) * time.Microsecond }
	return &lanes.Chart{
		Title: "t", Duration: us(100), Lanes: []string{"main", "worker"},
		Bars: []lanes.BarSeries{
			{Name: "running", Color: "#0f0", Bars: []lanes.Bar{{Lane: 0, Start: 0, End: us(100), Info: "main <runs>"}}},
			{Name: "holding lock", Color: "#f80", Layer: lanes.Below, Bars: []lanes.Bar{{Lane: 1, Start: us(10), End: us(20), Info: "A\nmain.go:3", Stuck: true}}},
		},
		Points: []lanes.PointSeries{{Name: "lock & unlock", Symbol: "rect", Size: 7, Points: []lanes.Point{{Lane: 1, Time: us(10), Info: "A\nmain.go:3"}}}},
		Arrows: []lanes.ArrowSeries{{Name: "messages", Arrows: []lanes.Arrow{{FromLane: 1, From: us(30), ToLane: 0, To: us(40), Info: "msg #1"}}}},
	}
}

// The options are valid JSON once functions are left as strings, and have
// the lane chart's structure.
func TestLaneOptionsStructure(t *testing.T) {
	c := echart.Lanes(sampleChart())
	raw, err := json.Marshal(c.Options)
	if err != nil {
		t.Fatal(err)
	}
	var o struct {
		Series []struct {
			ID, Name, Type string
			Data           [][]float64
			RenderItem     string `json:"renderItem"`
		}
		YAxis []struct {
			Type    string
			Data    []string
			Inverse bool
		}
		XAxis []struct {
			Type string
			Max  float64
		}
		DataZoom []struct{ Type string }
	}
	if err := json.Unmarshal(raw, &o); err != nil {
		t.Fatal(err)
	}
	if len(o.Series) != 4 {
		t.Fatalf("%d series, want 2 bar + 1 arrow + 1 point", len(o.Series))
	}
	want := []struct{ id, name, typ string }{{"b0", "running", "custom"}, {"b1", "holding lock", "custom"}, {"a0", "messages", "custom"}, {"p0", "lock & unlock", "scatter"}}
	for i, w := range want {
		s := o.Series[i]
		if s.ID != w.id || s.Name != w.name || s.Type != w.typ {
			t.Fatalf("series %d = %s %s %s, want %+v", i, s.ID, s.Name, s.Type, w)
		}
	}
	if d := o.Series[1].Data[0]; d[0] != 1 || d[1] != 10 || d[2] != 20 || d[4] != 1 || d[5] != float64(lanes.Below) {
		t.Fatalf("bar data = %v", d)
	}
	if d := o.Series[2].Data[0]; d[0] != 30 || d[1] != 1 || d[2] != 40 || d[3] != 0 {
		t.Fatalf("arrow data = %v", d)
	}
	if !strings.HasPrefix(o.Series[0].RenderItem, "__f__function") {
		t.Fatalf("renderItem = %.40q", o.Series[0].RenderItem)
	}
	if y := o.YAxis[0]; y.Type != "category" || !y.Inverse || strings.Join(y.Data, ",") != "main,worker" {
		t.Fatalf("y axis = %+v", y)
	}
	if x := o.XAxis[0]; x.Type != "value" || x.Max != 100 {
		t.Fatalf("x axis = %+v", x)
	}
	if len(o.DataZoom) != 2 {
		t.Fatalf("dataZoom = %+v", o.DataZoom)
	}
	if len(c.Strings) != 3 || c.Strings[0] != "main &lt;runs&gt;" || c.Strings[1] != "A<br>main.go:3" {
		t.Fatalf("strings = %q", c.Strings)
	}
}

func TestFragmentHTML(t *testing.T) {
	f := &echart.Fragment{ID: "fearless-x1", Title: "T <1>", Chart: echart.Lanes(sampleChart()), Static: []byte("<svg/>"),
		Table: &lanes.Table{Columns: []string{"running"}, Rows: []lanes.TableRow{{Name: "main", Cells: []string{"1µs"}}}}}
	h, err := f.HTML()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`<div id="fearless-x1" class="fearless-chart"`, `T &lt;1&gt;`, `src="data:image/svg+xml;base64,PHN2Zy8+"`,
		`<td style="text-align:left;padding:1px 8px">main</td>`, `fearless/echarts.min.js`, `document.getElementById("fearless-x1")`, "__fearlessECharts"} {
		if !strings.Contains(h, want) {
			t.Errorf("fragment lacks %s", want)
		}
	}
	script := h[strings.Index(h, "<script"):]
	if strings.Count(script, "</script") != 1 || strings.Contains(h, "__f__") {
		t.Fatal("script is not closed exactly once, or function markers are left")
	}
	if regexp.MustCompile(`<script[^>]+src=`).MatchString(h) {
		t.Fatal("fragment loads a script by URL: the library must come through the shared loader")
	}
	if strings.Contains(h, "echarts.min.js\"></script") || len(h) > 50_000 {
		t.Fatalf("fragment carries the library? %d bytes", len(h))
	}
	a, _ := (&echart.Fragment{Chart: echart.Lanes(sampleChart())}).HTML()
	b, _ := (&echart.Fragment{Chart: echart.Lanes(sampleChart())}).HTML()
	if a[:40] == b[:40] {
		t.Fatal("two fragments got the same element id")
	}
}

func TestPlotOptions(t *testing.T) {
	f := plot.Line("tp", "goroutines", "ops/s", []float64{1, 2, 4}, plot.Series{Name: "GOMAXPROCS=1", Values: []float64{10, 10, 10}}, plot.Series{Name: "GOMAXPROCS=4", Values: []float64{10, 19, nanValue()}})
	c := echart.Plot(f)
	raw, err := json.Marshal(c.Options)
	if err != nil {
		t.Fatalf("NaN must become a gap, not break JSON: %v", err)
	}
	if !strings.Contains(string(raw), `"data":[[1,10],[2,19],[4,null]]`) || !strings.Contains(string(raw), `"type":"line"`) {
		t.Fatalf("options = %s", raw)
	}
	h := plot.Histogram("h", []float64{3, 1, 3}, 0)
	raw, _ = json.Marshal(echart.Plot(h).Options)
	if !strings.Contains(string(raw), `"data":["1","3"]`) || !strings.Contains(string(raw), `"data":[1,2]`) || !strings.Contains(string(raw), `"type":"bar"`) {
		t.Fatalf("histogram options = %s", raw)
	}
}

// The legend has the top row to itself and the toolbox sits at the bottom
// beside the zoom slider, so a legend of many states never runs under the
// toolbox's icons (checked by eye in headless Chromium with ten states; see
// the commit that added this test).
func TestLegendAndToolboxDoNotShareARow(t *testing.T) {
	o := echart.Lanes(sampleChart()).Options
	legend := o["legend"].(map[string]any)
	toolbox := o["toolbox"].(map[string]any)
	slider := o["dataZoom"].([]any)[0].(map[string]any)
	if _, top := toolbox["top"]; top || toolbox["bottom"] == nil {
		t.Errorf("toolbox %v is not at the bottom", toolbox)
	}
	if legend["top"] == nil || legend["bottom"] != nil {
		t.Errorf("legend %v is not at the top", legend)
	}
	if r, _ := slider["right"].(int); r < 100 {
		t.Errorf("zoom slider %v leaves no room for the toolbox on its right", slider)
	}
}
