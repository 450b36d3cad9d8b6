package grade

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"unicode"
	"unicode/utf8"

	"github.com/fearless-go/fearless/kernel/notebook"
)

// MaxMessage is the most characters a check's message, a reason or a note
// keeps in the feedback, the gradebook, results.json and on the terminal.
const MaxMessage = 400

// clean makes text that a submission may have influenced (a panic value, a
// check's message, a compiler's quote of its code) safe to show: control
// characters (ANSI and OSC escapes among them) removed, newlines and tabs
// kept, at most max characters.
func clean(s string, max int) string {
	var b strings.Builder
	n := 0
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		i += w
		switch {
		case r == utf8.RuneError && w == 1:
			r = '?'
		case r == '\x1b': // an escape sequence: drop it and its parameters
			if i < len(s) && (s[i] == '[' || s[i] == ']') {
				osc := s[i] == ']'
				i++
				for i < len(s) {
					c := s[i]
					i++
					if osc && (c == '\a' || c == '\x1b') || !osc && c >= 0x40 && c <= 0x7e {
						if osc && c == '\x1b' && i < len(s) && s[i] == '\\' {
							i++
						}
						break
					}
				}
			}
			continue
		case r == '\n' || r == '\t':
		case unicode.IsControl(r) || r == '\u2028' || r == '\u2029' || unicode.Is(unicode.Bidi_Control, r):
			continue
		}
		if n == max {
			b.WriteString("…")
			break
		}
		b.WriteRune(r)
		n++
	}
	return b.String()
}

// scrub cleans everything of the submission's grade that it may have
// influenced, before it is written anywhere or shown.
func (s *Submission) scrub() {
	s.Problem = clean(s.Problem, MaxMessage)
	s.Path = clean(s.Path, MaxMessage)
	for i, n := range s.Notes {
		s.Notes[i] = clean(n, MaxMessage)
	}
	for _, e := range s.Exercises {
		e.Reason = clean(e.Reason, MaxMessage)
		for i := range e.Checks {
			c := &e.Checks[i]
			c.Name = clean(c.Name, 200)
			c.Message = clean(c.Message, MaxMessage)
		}
	}
}

// reserved are the names under Out that are the grader's own: a submission
// never gets one of them as its folder.
var reserved = map[string]bool{"gradebook.csv": true}

// errNotRegular is a submission that is not a regular file.
var errNotRegular = errors.New("not a regular file")

// readRegular reads a submission's file without following a symbolic link
// and only when it is a regular file: a FIFO or a device is never opened
// for reading in a way that could block, and its content never read.
func readRegular(path string, limit int64) ([]byte, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK|syscall.O_NOFOLLOW, 0)
	if err != nil {
		if errors.Is(err, syscall.ELOOP) {
			return nil, fmt.Errorf("a symbolic link: %w", errNotRegular)
		}
		return nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: %w", kind(fi.Mode()), errNotRegular)
	}
	if fi.Size() > limit {
		return nil, fmt.Errorf("%d bytes: too large for a notebook (limit %d)", fi.Size(), limit)
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("more than %d bytes: too large for a notebook", limit)
	}
	return data, err
}

func kind(m os.FileMode) string {
	switch {
	case m&os.ModeNamedPipe != 0:
		return "a FIFO"
	case m&os.ModeDevice != 0, m&os.ModeCharDevice != 0:
		return "a device"
	case m&os.ModeSocket != 0:
		return "a socket"
	case m&os.ModeSymlink != 0:
		return "a symbolic link"
	case m.IsDir():
		return "a folder"
	}
	return "a special file"
}

// checkEntry says why an entry of the submissions folder is not a
// submission the grader will read: a symbolic link that leads out of the
// folder or to something other than a file or folder, a FIFO, a device, a
// socket. "" when it is a regular file or a folder.
func checkEntry(dir, name string) string {
	p := filepath.Join(dir, name)
	fi, err := os.Lstat(p)
	if err != nil {
		return err.Error()
	}
	if fi.Mode()&os.ModeSymlink != 0 {
		target, err := filepath.EvalSymlinks(p)
		if err != nil {
			return "a symbolic link that leads nowhere"
		}
		base, _ := filepath.EvalSymlinks(dir)
		if rel, err := filepath.Rel(base, target); err != nil || rel == ".." || strings.HasPrefix(rel, "../") {
			return "a symbolic link out of the submissions folder: not read"
		}
		return "a symbolic link: not read"
	}
	if !fi.Mode().IsRegular() && !fi.IsDir() {
		return kind(fi.Mode()) + ", not a regular file: not read"
	}
	return ""
}

// maxOutput is the most characters one output of a cell keeps in the
// feedback notebook and its HTML.
const maxOutput = 64 << 10

// scrubOutputs cleans the outputs the run left in the graded notebook (the
// learner's prints and panics among them) before the feedback shows them.
func scrubOutputs(nb *notebook.Notebook) {
	for _, c := range nb.Cells {
		for _, o := range c.Outputs {
			o.Text = clean(o.Text, maxOutput)
			o.Evalue = clean(o.Evalue, MaxMessage)
			for i, l := range o.Traceback {
				o.Traceback[i] = clean(l, maxOutput)
			}
			for k, v := range o.Data {
				if s, ok := v.(string); ok {
					o.Data[k] = clean(s, maxOutput)
				}
			}
		}
	}
}
