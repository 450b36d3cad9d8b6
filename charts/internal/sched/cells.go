package sched

import (
	"time"

	"github.com/fearless-go/fearless/charts/internal/lanes"
)

func cells(d [4]int64) []string {
	out := make([]string, len(d))
	for i, v := range d {
		if v > 0 {
			out[i] = lanes.FormatDuration(time.Duration(v))
		}
	}
	return out
}
