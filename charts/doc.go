// Package charts shows what a notebook cell's goroutines did, inline, as an
// interactive ECharts timeline with a static picture beside it.
//
// In a cell, one line is enough:
//
//	defer charts.Show() // the timeline of everything recorded, even if main panics
//
// Options are typed, so a wrong argument does not compile:
// charts.Show(charts.Recording(rec), charts.Title("two workers")) shows a
// given recording under a title.
//
// Show sends one output with three forms of the same chart: interactive HTML
// (drawn by ECharts, which the fearless_charts Jupyter server extension serves
// from this project's pinned npm install: nothing is downloaded and the
// library is never copied into the notebook), a static SVG picture drawn in
// Go (what an untrusted notebook, an HTML export or GitHub shows), and a text
// summary. Timeline, Scheduler and the plot functions return the same output
// as a value, for tests and for WriteHTML, which writes a standalone page
// that works offline.
//
// The timeline has one lane per thread or goroutine and per async worker,
// spans coloured by state (not blocked, waiting for a lock, holding one, blocked
// sending or receiving, sleeping, waiting for a thread, running a task,
// panicked, finished), markers for spawns, locks, messages and problems,
// arrows from each send to its receive, and a time-in-state table. "Not
// blocked" is the program's view: the thread is in none of the helpers' waits,
// whether or not a CPU executes it. The scheduler view shows the Go runtime's
// own account (goroutine states with their reasons and per-processor lanes)
// when the recording was started with trace.WithRuntime: there a goroutine is
// "running on a P" only while a processor executes it, and "runnable" while
// it waits for one.
package charts
