// Wrong: the letters of the deadlocking schedule without the "x1:" that starts every schedule string.
package main

import "github.com/fearless-go/fearless/helpers/explore"

func DeadlockSchedules() (abba, ordered string) { return "b2c2", explore.NoSchedule }
