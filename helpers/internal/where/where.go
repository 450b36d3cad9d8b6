// Package where names source locations in every report a helper writes —
// panics, misuse, deadlock and lock-order reports, timeline tooltips — as the
// learner sees them (contract C1):
//
//   - In a notebook cell, a line of gonb's generated main.go (under
//     $GONB_TMP_DIR) is matched against the executed cells that the fearless
//     kernel lists in the JSON file named by $FEARLESS_CELLS, newest first,
//     and shown as "cell [5] line 12" (the [5] of the cell's prompt).
//   - Without that file, or without a match: "main.go line 34". Never
//     "main.go:34", which gonb's stderr parser takes for a compiler error.
//   - Outside gonb: "file.go:12", the file's base name.
package where

import (
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/fearless-go/fearless/helpers/internal/callers"
)

// Format names line n of file as a report shows it.
func Format(file string, n int) string {
	loc, _ := Source(file, n)
	return loc
}

// Source is Format that also returns the line's text, trimmed ("" if the
// file cannot be read): the cell's own line when it maps to a cell.
func Source(file string, n int) (loc, code string) {
	if file == "" {
		return "an unknown line", ""
	}
	base := filepath.Base(file)
	if !inGonb(file) {
		return base + ":" + strconv.Itoa(n), ""
	}
	lines := readLines(file)
	if n >= 1 && n <= len(lines) {
		code = strings.TrimSpace(lines[n-1])
		if cell, line, text, ok := matchCell(lines, n); ok {
			return "cell [" + strconv.Itoa(cell) + "] line " + strconv.Itoa(line), text
		}
	}
	return base + " line " + strconv.Itoa(n), code
}

// inGonb reports whether file is one gonb generated for a cell.
func inGonb(file string) bool {
	dir := os.Getenv("GONB_TMP_DIR")
	if dir == "" || !strings.HasSuffix(file, ".go") {
		return false
	}
	return filepath.Clean(filepath.Dir(file)) == filepath.Clean(dir)
}

// Caller returns where the code that called into the helpers is: the first
// frame above Caller's caller outside the helper packages and the runtime.
func Caller() string {
	var pcs [32]uintptr
	n := runtime.Callers(2, pcs[:])
	frames := runtime.CallersFrames(pcs[:n])
	for {
		f, more := frames.Next()
		if !callers.IsHelper(f.Function, f.File) {
			return Format(f.File, f.Line)
		}
		if !more {
			return ""
		}
	}
}

// Panic returns where the panic in flight was raised: the learner's line, not
// a helper's re-raise nor the runtime's. Call it from a deferred function
// while panicking; it returns "" otherwise.
func Panic() string {
	s := callers.Resolve(callers.PanicPCs())
	if s.File == "" {
		return ""
	}
	return Format(s.File, s.Line)
}

// Later is a misuse panic value for a helper's hot path, where even a call to
// Refuse costs too much (it would keep the check from being inlined):
// panic(where.Later(msg)) is a conversion, not a call. Its location is found
// when its message is read, from the panicking stack: the runtime reads it
// there before printing an unrecovered panic, and a deferred function that
// recovers it reads it there too. Fix turns it into a *Misuse with the
// location fixed, for code that keeps the value.
type Later string

// Error is the message with the location of the panic in flight.
func (l Later) Error() string { return Fix(l).(*Misuse).Error() }

// Fix returns v, or, if v is a Later, the *Misuse it stands for, located at
// the panic in flight. Call it where the value is recovered.
func Fix(v any) any {
	l, ok := v.(Later)
	if !ok {
		return v
	}
	m := &Misuse{Msg: string(l)}
	if s := callers.Resolve(callers.RaisePCs()); s.File != "" {
		m.At = Format(s.File, s.Line)
	}
	return m
}

// Misuse is the panic value of a helper refusing what Rust refuses at compile
// time. Its message names the caller's line.
type Misuse struct {
	Msg string // what happened and what Rust would say
	At  string // where, as Format names it; "" if unknown
}

// Refuse returns a *Misuse for msg at the helper's caller: panic(where.Refuse(msg)).
func Refuse(msg string) *Misuse { return &Misuse{Msg: msg, At: Caller()} }

// Error is Msg with the location put before its parenthesised explanation:
// "mutex: guard used after Unlock at cell [5] line 12 (Rust rejects ...)".
// A message that already names a place ("moved into thread "t" at ...")
// gets ", used at" instead.
func (m *Misuse) Error() string {
	if m.At == "" {
		return m.Msg
	}
	what, why := m.Msg, ""
	if i := strings.Index(m.Msg, " ("); i > 0 {
		what, why = m.Msg[:i], m.Msg[i:]
	}
	// "X called on goroutine A, but it was created on goroutine B": the
	// location is where X was called, so it goes with the first clause.
	if i := strings.Index(what, ", but "); i > 0 && !strings.Contains(what[:i], " at ") {
		return what[:i] + " at " + m.At + what[i:] + why
	}
	sep := " at "
	if strings.Contains(what, " at ") {
		sep = ", used at "
	}
	return what + sep + m.At + why
}

// files caches what was read, keyed by path and checked against the file's
// size and time, so a report costs a stat per file, not a read.
var files = struct {
	sync.Mutex
	m map[string]cached
}{m: map[string]cached{}}

type cached struct {
	size  int64
	mtime time.Time
	data  any
}

// load returns parse(the file's contents), from the cache if the file has
// not changed; nil if it cannot be read.
func load(path string, parse func([]byte) any) any {
	st, err := os.Stat(path)
	if err != nil {
		return nil
	}
	files.Lock()
	defer files.Unlock()
	if c, ok := files.m[path]; ok && c.size == st.Size() && c.mtime.Equal(st.ModTime()) {
		return c.data
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil
	}
	data := parse(b)
	files.m[path] = cached{size: st.Size(), mtime: st.ModTime(), data: data}
	return data
}

func readLines(path string) []string {
	v, _ := load(path, func(b []byte) any { return strings.Split(string(b), "\n") }).([]string)
	return v
}

// cell is one executed cell of FEARLESS_CELLS, its lines normalised.
type cell struct {
	count int
	lines []string // as written
	norm  []string // without whitespace
}

func readCells() []cell {
	path := os.Getenv("FEARLESS_CELLS")
	if path == "" {
		return nil
	}
	v, _ := load(path, func(b []byte) any {
		var f struct {
			Cells []struct {
				Count int    `json:"execution_count"`
				Code  string `json:"code"`
			} `json:"cells"`
		}
		if json.Unmarshal(b, &f) != nil {
			return []cell(nil)
		}
		out := make([]cell, 0, len(f.Cells))
		for _, c := range f.Cells {
			lines := strings.Split(c.Code, "\n")
			out = append(out, cell{count: c.Count, lines: lines, norm: normAll(lines)})
		}
		return out
	}).([]cell)
	return v
}

// context is how many lines either side break ties between candidates.
const context = 4

// matchCell finds the cell line that line n of main.go came from: the same
// text (whitespace aside) whose neighbours agree best with n's, the newest
// cell winning a tie.
func matchCell(mainLines []string, n int) (count, line int, text string, ok bool) {
	target := norm(mainLines[n-1])
	if target == "" {
		return 0, 0, "", false
	}
	cells := readCells()
	best := -1
	for i := len(cells) - 1; i >= 0; i-- {
		c := cells[i]
		for j, l := range c.norm {
			if l != target {
				continue
			}
			score := 0
			for d := 1; d <= context; d++ {
				if n-1-d >= 0 && j-d >= 0 && norm(mainLines[n-1-d]) == c.norm[j-d] {
					score++
				}
				if n-1+d < len(mainLines) && j+d < len(c.norm) && norm(mainLines[n-1+d]) == c.norm[j+d] {
					score++
				}
			}
			if score > best {
				best, count, line, text = score, c.count, j+1, strings.TrimSpace(c.lines[j])
			}
		}
	}
	return count, line, text, best >= 0
}

func norm(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

func normAll(lines []string) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = norm(l)
	}
	return out
}
