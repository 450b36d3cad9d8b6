// Package install turns a checkout of this module into a Jupyter kernel
// that a learner can use offline: it builds gonb, goimports and gopls at the
// versions pinned in go.mod (plus the fearless launcher), copies them into
// the kernelspec directory so the kernel survives a clean of the build
// directory, and writes the "fearless" kernelspec ("Go (Fearless)").
//
// The kernelspec runs "fearless kernel", which puts the tools and Go on PATH,
// sets FEARLESS_ROOT and starts gonb with --go_work=<module root>: the first
// cell of a new notebook can import github.com/fearless-go/fearless/helpers/...
// with no network and no manual step.
//
// Install is idempotent: running it again rebuilds only what changed (the Go
// build cache and go build's up-to-date check do the work) and rewrites the
// same files. Check reports what is missing and how to fix it.
package install
