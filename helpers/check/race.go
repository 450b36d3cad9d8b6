//go:build race

package check

import "runtime"

// RaceEnabled reports whether the program was built with the race detector
// (go test -race, go build -race, or %goflags -race in a notebook cell).
const RaceEnabled = true

// raceErrors is how many data races the race detector has reported so far.
func raceErrors() int { return runtime.RaceErrors() }
