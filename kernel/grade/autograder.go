package grade

import "time"

// AutograderOptions configure WriteAutograder.
type AutograderOptions struct {
	Source  string
	Timeout time.Duration
}

// WriteAutograder writes Gradescope's autograder bundle.
func WriteAutograder(zipPath string, o AutograderOptions) error { return nil }
