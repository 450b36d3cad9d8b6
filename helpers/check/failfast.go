package check

import "os"

// FailFastEnv names the environment variable that, set to a non-empty
// value, makes the checks after a failed one fail at once without running
// ("skipped: an earlier check failed"). fearless prove --mutants sets it:
// one failed check is enough to kill a mutant, and the checks that would
// only time out after it are not worth their seconds. Learners never set
// it.
const FailFastEnv = "FEARLESS_CHECK_FAILFAST"

var failFast = os.Getenv(FailFastEnv) != ""

// skipped reports whether a check must be skipped because an earlier one
// failed and FailFastEnv is set.
func (c *Checks) skipped() bool {
	if !failFast {
		return false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, k := range c.checks {
		if !k.Passed {
			return true
		}
	}
	return false
}
