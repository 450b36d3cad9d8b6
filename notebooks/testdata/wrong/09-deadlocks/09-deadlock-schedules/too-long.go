// Wrong: keeps clicking after the deadlock, so the schedule has more choices than the run has.
package main

import "github.com/fearless-go/fearless/helpers/explore"

func DeadlockSchedules() (abba, ordered string) { return "x1:b2c2b2c2", explore.NoSchedule }
