// Wrong: claims that locking every access is enough, so no schedule breaks either version.
package main

import "github.com/fearless-go/fearless/helpers/explore"

func SplitSchedules() (split, whole string) { return explore.NoSchedule, explore.NoSchedule }
