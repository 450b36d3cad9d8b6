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
