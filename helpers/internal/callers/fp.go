//go:build amd64 || arm64

package callers

// framePointer returns Capture's own frame pointer. The word above it is
// Capture's return address into its caller; the word at it is the caller's
// frame pointer, and so on up the chain.
func framePointer() uintptr

// readWord returns the word at address a. It is written in assembly so that
// reading a saved frame pointer does not convert a uintptr to unsafe.Pointer.
func readWord(a uintptr) uintptr

// Capture returns the return addresses of its caller and the frames above,
// innermost first. It must not be inlined: the walk starts at its own frame.
//
//go:noinline
func Capture() (pcs PCs) {
	fp := framePointer()
	for i := 0; i < Depth && fp != 0; i++ {
		pcs[i] = readWord(fp + retOffset)
		fp = readWord(fp)
	}
	return pcs
}

// Panicking reports whether the calling goroutine is unwinding a panic: a
// deferred function of it is running, called by runtime.gopanic, and has not
// recovered yet. It walks at most panicDepth frames (a few nanoseconds), so
// a deferred call must reach it within that many frames.
//
//go:noinline
func Panicking() bool {
	lo, hi := gopanicRange()
	fp := framePointer()
	for i := 0; i < panicDepth && fp != 0; i++ {
		if pc := readWord(fp + retOffset); pc > lo && pc <= hi {
			return true
		}
		fp = readWord(fp)
	}
	return false
}
