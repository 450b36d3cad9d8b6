package check_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/fearless-go/fearless/helpers/check"
	"github.com/fearless-go/fearless/helpers/explore"
)

func TestSchedule(t *testing.T) {
	racy, locked := counter(false), counter(true)
	g := explore.Play(racy)
	if g.Answer < 0 {
		t.Fatal("the racy counter's game has no failing end")
	}
	lost := g.Schedule(g.Answer)
	is := func(s string) func() string { return func() string { return s } }
	ex := check.Exercise("schedule")
	for _, c := range []struct {
		name   string
		answer func() string
		want   explore.Kind
		f      func()
		pass   bool
		says   string
	}{
		{"the game's failing schedule", is(lost), explore.CheckFailed, racy, true, ""},
		{"any failure", is(lost), 0, racy, true, ""},
		{"the wrong kind", is(lost), explore.Deadlock, racy, false, "not a deadlock"},
		{"no preemption", is("x1:"), 0, racy, false, "ends cleanly"},
		{"no prefix", is(strings.TrimPrefix(lost, "x1:")), 0, racy, false, "is not a schedule"},
		{"garbage", is("x1:b#"), 0, racy, false, "cannot be replayed"},
		{"a thread that is not there", is("x1:z"), 0, racy, false, "cannot be replayed"},
		{"none, wrongly", is("none"), 0, racy, false, "a schedule within 3 preemptions"},
		{"none, rightly", is(" None "), 0, locked, true, ""},
		{"a schedule of the locked counter", is(lost), 0, locked, false, ""},
		{"not answered", func() string { panic("not implemented") }, 0, racy, false, "not implemented"},
	} {
		if got := ex.Schedule(c.name, c.answer, c.want, c.f); got != c.pass {
			t.Errorf("%s: passed = %v, want %v", c.name, got, c.pass)
		}
	}
	for _, r := range ex.Result().Checks {
		t.Logf("%s: %s %s", r.Name, r.Status, r.Message)
		for _, c := range []struct{ name, says string }{
			{"the wrong kind", "not a deadlock"}, {"no preemption", "ends cleanly"}, {"no prefix", "is not a schedule"},
			{"garbage", "cannot be replayed"}, {"a thread that is not there", "cannot be replayed"},
			{"none, wrongly", "a schedule within 3 preemptions"}, {"not answered", "not implemented"},
		} {
			if r.Name == c.name && !strings.Contains(r.Message, c.says) {
				t.Errorf("%s: message %q lacks %q", r.Name, r.Message, c.says)
			}
		}
		if r.Name == "none, wrongly" && strings.Contains(r.Message, "x1:") {
			t.Errorf("the message gives the answer away: %s", r.Message)
		}
	}
}

// An exercise answered with a schedule: the learner plays the racy counter
// (explore.Play(f).Show()) into a lost update and copies the schedule shown.
func ExampleChecks_Schedule() {
	racy := counter(false)
	lostUpdate := func() string { return "x1:bc2b2" } // the learner's answer
	ex := check.Exercise("cause-it")                  // in a check cell: defer ex.Done()
	ex.Schedule("your schedule loses an update", lostUpdate, explore.CheckFailed, racy)
	ex.Schedule("the locked counter never fails", func() string { return check.NoSchedule }, 0, counter(true))
	for _, c := range ex.Result().Checks {
		fmt.Println(c.Name+":", c.Status)
	}
	// Output:
	// your schedule loses an update: passed
	// the locked counter never fails: passed
}
