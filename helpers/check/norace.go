//go:build !race

package check

// RaceEnabled reports whether the program was built with the race detector
// (go test -race, go build -race, or %goflags -race in a notebook cell).
const RaceEnabled = false

func raceErrors() int { return 0 }
