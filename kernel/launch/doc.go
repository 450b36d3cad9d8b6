// Package launch prepares what the fearless kernelspec runs: gonb's command
// line and environment (package proxy starts gonb with them and stands in
// front of it), and the offline module settings (OfflineEnv).
//
// gonb finds goimports, gopls and go on PATH, so the launcher puts the
// kernel's own bin directory (the tools built at the pinned versions) and the
// Go installation recorded at install time in front of PATH. It sets
// FEARLESS_ROOT to the module root (charts find their assets through it) and
// starts gonb with --go_work=<module root>, so every notebook's go.work uses
// this checkout and the first cell imports its packages offline. It drops
// -mod=mod and -mod=vendor from GOFLAGS, which the go command rejects inside
// the workspace gonb builds every cell in, and adds the build tags osusergo
// and netgo, so that cells do not link cgo and a deadlocked cell still gets
// Go's own "all goroutines are asleep" report instead of hanging.
//
// The same binary, started under the name gopls (the kernel's bin/shim/gopls
// links to it), runs the real gopls with an idle timeout, so a gopls never
// outlives a gonb that was killed.
package launch
