package explore_test

import "github.com/fearless-go/fearless/helpers/explore/internal/programs"

var (
	racyCounter   = programs.CounterRacy
	lockedCounter = programs.CounterLocked
	abba          = programs.ABBA
	philosophers  = programs.Philosophers
	depth2        = programs.Depth2
)
