package charts_test

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fearless-go/fearless/charts"
	"github.com/fearless-go/fearless/charts/internal/scenario"
	"github.com/fearless-go/fearless/helpers/trace"
)

func validSVG(t *testing.T, b []byte) {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(b))
	for {
		_, err := d.Token()
		if err == io.EOF {
			return
		}
		if err != nil {
			t.Fatalf("invalid SVG: %v", err)
		}
	}
}

func TestTimelineOutputBundle(t *testing.T) {
	out, err := charts.Timeline(scenario.Workers(), charts.Title("workers"), charts.ElementID("fearless-test"))
	if err != nil {
		t.Fatal(err)
	}
	mime := out.MIME()
	if len(mime) != 3 || mime[charts.MIMEHTML] == "" || mime[charts.MIMESVG] == "" || mime[charts.MIMEText] == "" {
		t.Fatalf("bundle has %d parts", len(mime))
	}
	validSVG(t, out.SVG)
	if !strings.Contains(out.HTML, `id="fearless-test"`) || !strings.Contains(out.HTML, "data:image/svg+xml;base64,") {
		t.Fatal("HTML lacks its id or static picture")
	}
	for _, want := range []string{"workers:", "main", "worker-1", "worker-2", "holding lock", "arrows: 2 messages, 2 spawns, 2 joins"} {
		if !strings.Contains(out.Text, want) {
			t.Errorf("text lacks %q:\n%s", want, out.Text)
		}
	}
	if out.Size() > 100_000 {
		t.Fatalf("a cell-sized chart is %d bytes, want well under 100 KB", out.Size())
	}
}

func TestEmptyAndOffRecordings(t *testing.T) {
	out, err := charts.Timeline(nil) // recording is off in tests: an empty snapshot
	if err != nil {
		t.Fatal(err)
	}
	validSVG(t, out.SVG)
	if !strings.Contains(out.Text, "nothing was recorded (recording is off") {
		t.Fatalf("text = %q", out.Text)
	}
}

// defer charts.Show() in a function that panics shows the chart (here:
// prints its summary) with the panic on the lane, then panics again.
func TestDeferredShowRecordsThePanicAndRepanics(t *testing.T) {
	if err := trace.Start(); err != nil {
		t.Fatal(err)
	}
	defer trace.Stop()
	stdout := captureStdout(t)
	var got any
	func() {
		defer func() { got = recover() }()
		defer charts.Show(charts.Title("doomed"))
		trace.Mark("about to fail")
		panic("boom")
	}()
	text := stdout()
	if got != "boom" {
		t.Fatalf("re-panicked with %v, want boom", got)
	}
	if !strings.Contains(text, "doomed:") || !strings.Contains(text, "panicked") {
		t.Fatalf("summary does not show the panic:\n%s", text)
	}
}

// The Recording option picks the recording; the last one given counts.
func TestRecordingOption(t *testing.T) {
	out, err := charts.Timeline(nil, charts.Recording(&trace.Recording{}), charts.Recording(scenario.Workers()))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(out.Text, "nothing was recorded") {
		t.Fatalf("the last Recording option was not charted:\n%s", out.Text)
	}
}

func TestWriteHTMLEmbedsTheLibrary(t *testing.T) {
	lib, err := charts.LibraryPath()
	if err != nil {
		if os.Getenv("FEARLESS_REQUIRE_ALL") == "1" {
			t.Fatal(err)
		}
		t.Skip(err)
	}
	path := filepath.Join(t.TempDir(), "page.html")
	if err := charts.WriteHTML(path, charts.Recording(scenario.Workers())); err != nil {
		t.Fatal(err)
	}
	page, _ := os.ReadFile(path)
	libBytes, _ := os.ReadFile(lib)
	if !bytes.Contains(page, libBytes[len(libBytes)-200:]) || !bytes.Contains(page, []byte("fearless-chart")) {
		t.Fatal("page lacks the library or the chart")
	}
}

func TestWriteHTMLWithoutLibraryKeepsThePicture(t *testing.T) {
	t.Setenv(charts.LibraryEnv, filepath.Join(t.TempDir(), "missing.js"))
	path := filepath.Join(t.TempDir(), "page.html")
	err := charts.WriteHTML(path, charts.Recording(scenario.Workers()))
	if !errors.Is(err, charts.ErrNoLibrary) {
		t.Fatalf("err = %v, want ErrNoLibrary", err)
	}
	page, rerr := os.ReadFile(path)
	if rerr != nil || !bytes.Contains(page, []byte("data:image/svg+xml;base64,")) {
		t.Fatal("page with the static picture was not written")
	}
}

func TestSchedulerOutput(t *testing.T) {
	out, err := charts.Scheduler(scenario.Parallel(2))
	if err != nil {
		t.Fatal(err)
	}
	validSVG(t, out.SVG)
	if !strings.Contains(out.Text, "P0") || !strings.Contains(out.Text, "spinner-1") {
		t.Fatalf("text = %s", out.Text)
	}
	// The counts a cell can claim are the ones the summary states.
	st := out.Sched
	if st == nil || st.Procs < 1 || st.MaxRunning < 1 || st.MaxRunning > st.Procs || st.BusyProcs > st.Procs ||
		!strings.Contains(out.Text, fmt.Sprintf("at most %d running on a P at once", st.MaxRunning)) {
		t.Fatalf("stats %+v, text %s", st, out.Text)
	}
	if tl, err := charts.Timeline(scenario.Parallel(2)); err != nil || tl.Sched != nil {
		t.Fatalf("a timeline has scheduler stats: %+v %v", tl, err)
	}
	if _, err := charts.Scheduler(&trace.Recording{}); err == nil {
		t.Fatal("a recording without a runtime trace was accepted")
	}
}

func TestPlotOutputs(t *testing.T) {
	for _, out := range []*charts.Output{
		charts.Histogram("h", []float64{1, 2, 2}, 0),
		charts.Line("l", "goroutines", "ops/s", []float64{1, 2, 4}, []charts.Series{{Name: "a", Values: []float64{1, 2, 3}}}),
		charts.Bar("b", "primitive", "ns/op", []string{"sync.Mutex", "mutex.Mutex"}, []charts.Series{{Name: "ns", Values: []float64{5, 7}}}),
	} {
		validSVG(t, out.SVG)
		if !strings.Contains(out.HTML, "<script") || out.Text == "" {
			t.Fatalf("output incomplete: %q", out.Text)
		}
	}
}

// A 100,000-event recording renders into under 1 MB (time: see the benchmark).
func TestBigRecordingOutputSize(t *testing.T) {
	rec := scenario.Busy(100_000)
	if len(rec.Events) != 100_000 {
		t.Fatalf("only %d events recorded", len(rec.Events))
	}
	out, err := charts.Timeline(rec)
	if err != nil {
		t.Fatal(err)
	}
	validSVG(t, out.SVG)
	if out.Size() > 1<<20 {
		t.Fatalf("output of %d events is %d bytes, want under 1 MB", len(rec.Events), out.Size())
	}
}

func captureStdout(t *testing.T) func() string {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	old := os.Stdout
	os.Stdout = w
	done := make(chan string)
	go func() {
		b, _ := io.ReadAll(r)
		done <- string(b)
	}()
	return func() string {
		os.Stdout = old
		w.Close()
		return <-done
	}
}
