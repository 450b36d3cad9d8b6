// Wrong: claims the schedule that breaks the split update breaks the whole one too; under it both add.
package main

func SplitSchedules() (split, whole string) { return "x1:b2c3", "x1:b2c3" }
