// Wrong: a schedule names threads with letters (a is main, b ann, c ben), not with their names.
package main

import "github.com/fearless-go/fearless/helpers/explore"

func SplitSchedules() (split, whole string) { return "x1:ann,ben", explore.NoSchedule }
