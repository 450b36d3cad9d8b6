package explore_test

import (
	"testing"

	"github.com/fearless-go/fearless/helpers/explore"
)

// Schedules per second on the benchmark programs (rustbench runs the same
// under loom and shuttle: `make bench` prints the comparison). The baseline
// is one plain run of the same program, with no control.
func BenchmarkSchedules(b *testing.B) {
	progs := []struct {
		name string
		fn   func()
	}{
		{"counter", lockedCounter},
		{"philosophers3", philosophers(3, true)},
		{"philosophers5", philosophers(5, true)},
	}
	for _, p := range progs {
		b.Run(p.name+"/plain", func(b *testing.B) {
			for b.Loop() {
				p.fn()
			}
		})
		for _, s := range []struct {
			name string
			ex   func() *explore.Explorer
		}{
			{"random", func() *explore.Explorer { return explore.Random(1) }},
			{"pct", func() *explore.Explorer { return explore.PCT(2, 1) }},
			{"exhaustive2", func() *explore.Explorer { return explore.Exhaustive(2) }},
		} {
			b.Run(p.name+"/"+s.name, func(b *testing.B) {
				n := 0
				for b.Loop() {
					n += s.ex().Schedules(100).Run(p.fn).Schedules
				}
				b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "schedules/s")
			})
		}
	}
}
