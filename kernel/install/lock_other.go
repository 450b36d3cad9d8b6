//go:build !unix

package install

// lock is a no-op where flock is not available: parallel installs into the
// same checkout are then the caller's business.
func lock(path string) (unlock func(), err error) { return func() {}, nil }
