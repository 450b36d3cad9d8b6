//go:build amd64 || arm64

package callers

// retOffset is where the return address sits relative to a saved frame
// pointer: just above it on both amd64 and arm64.
const retOffset = 8
