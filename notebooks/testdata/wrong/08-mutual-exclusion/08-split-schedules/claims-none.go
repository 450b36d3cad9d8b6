// Wrong: claims that locking every access is enough, so no schedule breaks either version.
package main

import "github.com/fearless-go/fearless/helpers/check"

func SplitSchedules() (split, whole string) { return check.NoSchedule, check.NoSchedule }
