// Package originality is the course's check that no notebook copies the
// article it follows: no run of ProseRun words of the article's prose, no run
// of CodeRun tokens of its code.
//
// The article is not part of the repository, so the check works from
// fingerprints: a salted hash of every run, truncated to 48 bits, stored
// sorted in testdata/article.fingerprints. The file holds no text and no
// order: from it alone the article cannot be rebuilt (a run is 8 words or 14
// tokens, far too many to enumerate), yet whether a notebook's run is one of
// the article's is a lookup. One caveat, stated so nobody relies on more:
// whoever already knows 7 words of a run can test guesses for the eighth.
// Regenerate the file with `go run ./notebooks/internal/fingerprint` beside
// the article.
package originality

import (
	"bufio"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// The run lengths: a notebook may share no run this long with the article.
const (
	ProseRun = 8  // words in a row shared with the article's prose
	CodeRun  = 14 // tokens in a row shared with the article's code
)

// salt keeps these hashes from matching any other table of n-gram hashes.
const salt = "fearless-originality-v1\x00"

// header is the fingerprint file's first line.
const header = "# fearless originality fingerprints v1: sha256(salt+run)[:6], sorted; prose runs of 8 words, then code runs of 14 tokens"

// Fingerprints are the hashes of an article's runs.
type Fingerprints struct {
	Prose map[uint64]bool // runs of ProseRun words of the whole text
	Code  map[uint64]bool // runs of CodeRun tokens of its code lines
}

// FromArticle computes the fingerprints of an article's text.
func FromArticle(text string) *Fingerprints {
	lines := strings.Split(text, "\n")
	isCode := make([]bool, len(lines))
	for i, line := range lines {
		isCode[i] = isCodeLine(line)
	}
	// A line with no blank line between it and code is code too (a
	// statement's continuation, such as a function's last arguments).
	for changed := true; changed; {
		changed = false
		for i, line := range lines {
			if !isCode[i] && strings.TrimSpace(line) != "" &&
				(i > 0 && isCode[i-1] || i+1 < len(lines) && isCode[i+1]) {
				isCode[i], changed = true, true
			}
		}
	}
	var code []string
	for i, line := range lines {
		if isCode[i] {
			code = append(code, line)
		}
	}
	return &Fingerprints{
		Prose: hashRuns(Words(text), ProseRun),
		Code:  hashRuns(CodeTokens(strings.Join(code, "\n")), CodeRun),
	}
}

// Equal reports whether f and g hold the same hashes.
func (f *Fingerprints) Equal(g *Fingerprints) bool {
	same := func(a, b map[uint64]bool) bool {
		if len(a) != len(b) {
			return false
		}
		for h := range a {
			if !b[h] {
				return false
			}
		}
		return true
	}
	return same(f.Prose, g.Prose) && same(f.Code, g.Code)
}

// SharedProse returns the first run of ProseRun words of prose that the
// article also has, or "".
func (f *Fingerprints) SharedProse(prose string) string {
	return firstShared(Words(prose), ProseRun, f.Prose)
}

// SharedCode returns the first run of CodeRun tokens of code that the
// article's code also has, or "".
func (f *Fingerprints) SharedCode(code string) string {
	return firstShared(CodeTokens(code), CodeRun, f.Code)
}

// Write stores the fingerprints: a header, the counts, then one hex hash a
// line, sorted.
func (f *Fingerprints) Write(w io.Writer) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintln(bw, header)
	for _, part := range []struct {
		name string
		set  map[uint64]bool
	}{{"prose", f.Prose}, {"code", f.Code}} {
		hs := make([]uint64, 0, len(part.set))
		for h := range part.set {
			hs = append(hs, h)
		}
		slices.Sort(hs)
		fmt.Fprintf(bw, "%s %d\n", part.name, len(hs))
		for _, h := range hs {
			fmt.Fprintf(bw, "%012x\n", h)
		}
	}
	return bw.Flush()
}

// Read parses what Write stored.
func Read(r io.Reader) (*Fingerprints, error) {
	f := &Fingerprints{Prose: map[uint64]bool{}, Code: map[uint64]bool{}}
	sc := bufio.NewScanner(r)
	line := 0
	next := func() (string, bool) {
		if !sc.Scan() {
			return "", false
		}
		line++
		return sc.Text(), true
	}
	if h, ok := next(); !ok || h != header {
		return nil, fmt.Errorf("line 1: not a fingerprint file of this version (want %q)", header)
	}
	for _, part := range []struct {
		name string
		set  map[uint64]bool
	}{{"prose", f.Prose}, {"code", f.Code}} {
		l, ok := next()
		var n int
		if _, err := fmt.Sscanf(l, part.name+" %d", &n); !ok || err != nil {
			return nil, fmt.Errorf("line %d: want %q followed by a count, got %q", line, part.name, l)
		}
		for range n {
			l, ok := next()
			h, err := strconv.ParseUint(l, 16, 64)
			if !ok || err != nil || len(l) != 12 {
				return nil, fmt.Errorf("line %d: want a 12-digit hex hash, got %q", line, l)
			}
			part.set[h] = true
		}
	}
	if l, ok := next(); ok {
		return nil, fmt.Errorf("line %d: unexpected %q after the hashes", line, l)
	}
	return f, sc.Err()
}

// Words splits prose into lower-case words.
func Words(s string) []string { return wordRE.FindAllString(strings.ToLower(s), -1) }

var wordRE = regexp.MustCompile(`[a-z0-9']+`)

// CodeTokens splits code into string and character literals, identifiers,
// numbers and single punctuation characters.
func CodeTokens(s string) []string { return tokenRE.FindAllString(s, -1) }

var tokenRE = regexp.MustCompile(`"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)'|[A-Za-z_][A-Za-z0-9_]*|[0-9][0-9_.]*|\S`)

// isCodeLine tells the article's code from its prose: the article keeps code
// unindented and unfenced, one statement a line, while each paragraph of prose
// is one long line.
var codeLineRE = regexp.MustCompile(`[;{}]|^\s*(//|use |fn |async fn |let |struct |impl |#\[)|[,(=]\s*$|^\s*\d+\s*(//.*)?$`)

func isCodeLine(line string) bool { return len(line) < 160 && codeLineRE.MatchString(line) }

func hash(run string) uint64 {
	sum := sha256.Sum256([]byte(salt + run))
	var b [8]byte
	copy(b[2:], sum[:6])
	return binary.BigEndian.Uint64(b[:])
}

func hashRuns(toks []string, n int) map[uint64]bool {
	set := map[uint64]bool{}
	for i := 0; i+n <= len(toks); i++ {
		set[hash(strings.Join(toks[i:i+n], " "))] = true
	}
	return set
}

func firstShared(toks []string, n int, set map[uint64]bool) string {
	for i := 0; i+n <= len(toks); i++ {
		if s := strings.Join(toks[i:i+n], " "); set[hash(s)] {
			return s
		}
	}
	return ""
}
