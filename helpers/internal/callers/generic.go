//go:build !amd64 && !arm64

package callers

import "runtime"

// Capture returns the return addresses of its caller and the frames above,
// innermost first.
//
//go:noinline
func Capture() (pcs PCs) {
	runtime.Callers(2, pcs[:])
	return pcs
}

// Panicking reports whether the calling goroutine is unwinding a panic: a
// deferred function of it is running, called by runtime.gopanic.
func Panicking() bool {
	lo, hi := gopanicRange()
	var pcs [panicDepth]uintptr
	n := runtime.Callers(2, pcs[:])
	for _, pc := range pcs[:n] {
		if pc > lo && pc <= hi {
			return true
		}
	}
	return false
}
