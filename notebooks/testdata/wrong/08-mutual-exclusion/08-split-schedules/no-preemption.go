// Wrong: "x1:" lets ann finish her addition before ben starts: nothing is lost.
package main

import "github.com/fearless-go/fearless/helpers/explore"

func SplitSchedules() (split, whole string) { return "x1:", explore.NoSchedule }
