// Package progress shows a notebook run as it happens: a redrawn bar on a
// terminal, plain lines (one per cell) in logs and CI. It implements
// runner.Observer.
package progress
