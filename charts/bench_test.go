package charts_test

import (
	"io"
	"testing"

	"github.com/fearless-go/fearless/charts"
	"github.com/fearless-go/fearless/charts/internal/scenario"
)

// BenchmarkTimeline100k renders a real 100,000-event recording into the
// whole output bundle (model, merging, ECharts options, HTML, SVG, text).
// Goal: under 1 s and under 1 MB. The baseline beside it is the cheapest
// possible rendering: the recording written as JSON.
func BenchmarkTimeline100k(b *testing.B) {
	rec := scenario.Busy(100_000)
	b.Run("baseline=recording-json", func(b *testing.B) {
		for b.Loop() {
			if err := rec.WriteJSON(io.Discard); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("timeline", func(b *testing.B) {
		var size int
		for b.Loop() {
			out, err := charts.Timeline(rec)
			if err != nil {
				b.Fatal(err)
			}
			size = out.Size()
		}
		b.ReportMetric(float64(len(rec.Events)), "events")
		b.ReportMetric(float64(size), "output-bytes")
	})
}

// BenchmarkTimelineCell renders a cell-sized recording: two threads, a
// mutex and a channel.
func BenchmarkTimelineCell(b *testing.B) {
	rec := scenario.Workers()
	var size int
	for b.Loop() {
		out, err := charts.Timeline(rec)
		if err != nil {
			b.Fatal(err)
		}
		size = out.Size()
	}
	b.ReportMetric(float64(size), "output-bytes")
}
