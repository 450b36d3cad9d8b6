// Wrong: claims the schedule that deadlocks transfer deadlocks orderedTransfer too; under it both finish.
package main

func DeadlockSchedules() (abba, ordered string) { return "x1:b2c2", "x1:b2c2" }
