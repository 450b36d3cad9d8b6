package explore

import (
	"fmt"
	"strconv"
	"strings"
)

// A schedule string lists, in order, the thread chosen at every point where
// two or more threads could run: "x1:" and then a letter per choice (a is
// main, b the first thread spawned, ...), a run of the same letter written
// once with its length, as in "x1:ab3ca2".

const schedulePrefix = "x1:"

// NoSchedule is the answer to a schedule exercise (helpers/check's
// Schedule) of a learner who claims that no schedule makes the program
// fail; the check then tries every schedule within its bound. Replay does
// not take it: it names no schedule.
const NoSchedule = "none"

func encode(choices []int) string {
	var b strings.Builder
	b.WriteString(schedulePrefix)
	for i := 0; i < len(choices); {
		j := i
		for j < len(choices) && choices[j] == choices[i] {
			j++
		}
		b.WriteByte(letter(choices[i]))
		if j-i > 1 {
			b.WriteString(strconv.Itoa(j - i))
		}
		i = j
	}
	return b.String()
}

const letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"

func letter(i int) byte {
	if i < len(letters) {
		return letters[i]
	}
	return '?'
}

func decode(s string) ([]int, error) {
	s = strings.TrimSpace(s)
	if !strings.HasPrefix(s, schedulePrefix) {
		return nil, fmt.Errorf("explore: %q is not a schedule (a schedule starts with %q)", s, schedulePrefix)
	}
	s = s[len(schedulePrefix):]
	var out []int
	for i := 0; i < len(s); {
		t := strings.IndexByte(letters, s[i])
		if t < 0 {
			return nil, fmt.Errorf("explore: bad schedule: unexpected %q at %d", s[i], len(schedulePrefix)+i)
		}
		i++
		j := i
		for j < len(s) && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		n := 1
		if j > i {
			n, _ = strconv.Atoi(s[i:j])
		}
		for range n {
			out = append(out, t)
		}
		i = j
	}
	return out, nil
}

func itoa(i int) string { return strconv.Itoa(i) }
