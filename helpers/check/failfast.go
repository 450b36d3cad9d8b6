package check

import (
	"os"
	"strings"
)

// FailFastEnv names the environment variable that, set to a non-empty
// value, makes the checks after a failed one fail at once without running
// ("skipped: an earlier check failed"). fearless prove --mutants sets it:
// one failed check is enough to kill a mutant, and the checks that would
// only time out after it are not worth their seconds. Learners never set
// it.
const FailFastEnv = "FEARLESS_CHECK_FAILFAST"

var failFast = os.Getenv(FailFastEnv) != ""

// haltOnRace is true when the program runs under the race detector and
// stops at its first data race (GORACE=halt_on_error=1), as fearless grade
// runs check cells. A check that timed out leaves the code it called
// running, unsynchronised with everything after it; a later check that
// reads what that code wrote (or calls it again) is a data race that ends
// the program, losing every result. So there, the checks after a timeout
// are not run.
var haltOnRace = RaceEnabled && goraceHalts(os.Getenv("GORACE"))

// goraceHalts reports whether a GORACE value sets halt_on_error to a true
// value (the last setting wins, as the race runtime reads them).
func goraceHalts(gorace string) bool {
	halts := false
	for _, f := range strings.Fields(gorace) {
		if k, v, ok := strings.Cut(f, "="); ok && k == "halt_on_error" {
			halts = v != "" && v != "0"
		}
	}
	return halts
}

// skipped says why a check must be skipped without running, or "": an
// earlier check failed and FailFastEnv is set, or an earlier one timed out
// under haltOnRace.
func (c *Checks) skipped() string {
	if !failFast && !haltOnRace {
		return ""
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, k := range c.checks {
		if haltOnRace && k.Status == StatusTimedOut {
			return "skipped: an earlier check did not return and its code is still running; " +
				"the race detector stops the program at the first data race, so no check runs beside it"
		}
		if failFast && !k.Passed {
			return "skipped: an earlier check failed"
		}
	}
	return ""
}
