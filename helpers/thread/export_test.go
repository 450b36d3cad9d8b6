package thread

import "io"

// SetPanicOutput redirects the panic announcements for a test and returns
// the previous writer.
func SetPanicOutput(w io.Writer) io.Writer {
	panicOutput.Lock()
	defer panicOutput.Unlock()
	old := panicOutput.w
	panicOutput.w = w
	return old
}
