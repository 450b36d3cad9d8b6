package main

import (
	"bytes"
	"fmt"
	"strings"
	"sync"
	"time"
)

// The lines gonb (v0.11.5, at -v=2) logs as a cell goes through its stages.
const (
	startMark    = "ExecuteCell(): CellIsTest"
	parsedMark   = "ExecuteCell: after s.parseLinesAndComposeMain()"
	importedMark = "ExecuteCell: after s.GoImports()"
	builtMark    = "ExecuteCell: after s.Compile()"
	endMark      = "PostExecuteCell()"
)

// Split is where cells' time went: preparing the program (parsing the cell,
// merging the declarations of earlier cells), goimports (and the go get it
// runs), go build, running the program, and the rest of the wall time
// (messages between the runner and the kernel, special commands).
type Split struct {
	Cells                                     int
	Prepare, Imports, Build, Run, Other, Wall time.Duration
}

// Add adds another split to s.
func (s *Split) Add(o Split) {
	s.Cells += o.Cells
	s.Prepare += o.Prepare
	s.Imports += o.Imports
	s.Build += o.Build
	s.Run += o.Run
	s.Other += o.Other
	s.Wall += o.Wall
}

// Row formats the stages in seconds, for a table.
func (s Split) Row() string {
	return fmt.Sprintf("%7.1fs %7.1fs %7.1fs %7.1fs %7.1fs", s.Prepare.Seconds(), s.Imports.Seconds(),
		s.Build.Seconds(), s.Run.Seconds(), s.Other.Seconds())
}

// Shares says what part of the wall time each stage took.
func (s Split) Shares() string {
	if s.Wall <= 0 {
		return "no time measured"
	}
	pc := func(d time.Duration) float64 { return 100 * d.Seconds() / s.Wall.Seconds() }
	return fmt.Sprintf("%.1f s in all: prepare %.0f%%, goimports %.0f%%, build %.0f%%, run %.0f%%, other %.0f%%; %.2f s a cell",
		s.Wall.Seconds(), pc(s.Prepare), pc(s.Imports), pc(s.Build), pc(s.Run), pc(s.Other), s.Wall.Seconds()/float64(max(s.Cells, 1)))
}

// ParseCell reads one cell's stages from gonb's log lines (klog format:
// "I1129 17:50:01.123456 12345 execcode.go:107] message") and the cell's
// wall time as the client saw it. A stage the log does not show (a cell that
// did not build, a cell of special commands only) counts as zero.
func ParseCell(log string, wall time.Duration) Split {
	at := map[string]time.Time{}
	for _, line := range strings.Split(log, "\n") {
		for _, m := range []string{startMark, parsedMark, importedMark, builtMark, endMark} {
			if _, seen := at[m]; seen || !strings.Contains(line, m) {
				continue
			}
			if t, ok := klogTime(line); ok {
				at[m] = t
			}
		}
	}
	s := Split{Cells: 1, Wall: wall}
	// between returns the time from mark a to mark b, if both were logged.
	between := func(a, b string) time.Duration {
		ta, okA := at[a]
		tb, okB := at[b]
		if !okA || !okB || tb.Before(ta) {
			return 0
		}
		return tb.Sub(ta)
	}
	s.Prepare = between(startMark, parsedMark)
	s.Imports = between(parsedMark, importedMark)
	if _, ok := at[builtMark]; ok {
		s.Build = between(importedMark, builtMark)
		s.Run = between(builtMark, endMark)
	} else {
		s.Build = between(importedMark, endMark) // failed to build
	}
	s.Other = max(wall-s.Prepare-s.Imports-s.Build-s.Run, 0)
	return s
}

// klogTime reads the time of day from a klog line's header.
func klogTime(line string) (time.Time, bool) {
	f := strings.Fields(line)
	if len(f) < 2 || len(f[0]) != 5 || !strings.ContainsAny(f[0][:1], "IWEF") {
		return time.Time{}, false
	}
	t, err := time.Parse("15:04:05.000000", f[1])
	return t, err == nil
}

// lockedBuffer collects the kernel's log as it is written.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

// Len is how many bytes have been written so far.
func (b *lockedBuffer) Len() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Len()
}

// From returns what was written from offset on.
func (b *lockedBuffer) From(offset int) string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return string(b.buf.Bytes()[offset:])
}
