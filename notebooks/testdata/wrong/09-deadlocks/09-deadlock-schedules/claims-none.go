// Wrong: claims no schedule deadlocks either version; the explorer finds one for transfer.
package main

import "github.com/fearless-go/fearless/helpers/check"

func DeadlockSchedules() (abba, ordered string) { return check.NoSchedule, check.NoSchedule }
