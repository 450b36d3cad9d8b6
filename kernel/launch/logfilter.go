package launch

import (
	"bytes"
	"io"
	"strings"
	"sync"
)

// gonbNoise are messages gonb v0.11.5 logs at every start-up, meaning
// nothing: it calls its extra-log set-up with a nil file wrapped in a
// non-nil io.Writer, which then logs these samples to the Jupyter server's
// terminal.
var gonbNoise = []string{"Info message", "Warning message", "Error message", "Logging to extra logger configured"}

// LogFilter passes gonb's log (its stderr) on to w a line at a time, less
// the start-up sample lines (gonbNoise). Close writes out a last line that
// did not end in a newline.
type LogFilter struct {
	mu      sync.Mutex
	w       io.Writer
	partial []byte
}

// NewLogFilter returns a LogFilter writing to w.
func NewLogFilter(w io.Writer) *LogFilter { return &LogFilter{w: w} }

// Write implements io.Writer.
func (f *LogFilter) Write(p []byte) (int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	data := append(f.partial, p...)
	var out []byte
	for {
		i := bytes.IndexByte(data, '\n')
		if i < 0 {
			break
		}
		if line := data[:i+1]; !isGonbNoise(line) {
			out = append(out, line...)
		}
		data = data[i+1:]
	}
	f.partial = append([]byte(nil), data...)
	if len(out) > 0 {
		if _, err := f.w.Write(out); err != nil {
			return len(p), err
		}
	}
	return len(p), nil
}

// Close writes out what is left.
func (f *LogFilter) Close() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if len(f.partial) == 0 || isGonbNoise(f.partial) {
		f.partial = nil
		return nil
	}
	_, err := f.w.Write(f.partial)
	f.partial = nil
	return err
}

// isGonbNoise reports whether a klog line (I1205 09:08:22.279 22820
// main.go:189] [id] Info message) is one of gonb's start-up samples.
func isGonbNoise(line []byte) bool {
	s := strings.TrimRight(string(line), "\r\n")
	if !strings.Contains(s, "main.go:") {
		return false
	}
	for _, n := range gonbNoise {
		if strings.HasSuffix(s, "] "+n) || strings.HasSuffix(s, "m "+n) { // after the id, coloured or not
			return true
		}
	}
	return false
}
