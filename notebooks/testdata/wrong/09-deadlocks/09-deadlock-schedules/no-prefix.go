// Wrong: the letters of the deadlocking schedule without the "x1:" that starts every schedule string.
package main

import "github.com/fearless-go/fearless/helpers/check"

func DeadlockSchedules() (abba, ordered string) { return "b2c2", check.NoSchedule }
