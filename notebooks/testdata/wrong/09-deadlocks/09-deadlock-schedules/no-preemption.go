// Wrong: "x1:" lets a-to-b take both locks and finish before b-to-a starts: no deadlock.
package main

import "github.com/fearless-go/fearless/helpers/explore"

func DeadlockSchedules() (abba, ordered string) { return "x1:", explore.NoSchedule }
