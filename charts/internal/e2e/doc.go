// Package e2e holds the end-to-end test of the charts with the real helper
// packages (thread, mutex, mpsc, async): what a notebook cell records is
// what the timeline shows. It has no code of its own.
package e2e
