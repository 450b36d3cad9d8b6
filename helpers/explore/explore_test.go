package explore_test

import (
	"strings"
	"testing"

	"github.com/fearless-go/fearless/helpers/explore"
)

func TestRandomFindsLostUpdateAndReplays(t *testing.T) {
	res := explore.Random(1).Run(racyCounter)
	t.Log(res)
	f := res.Failure
	if f == nil || f.Kind != explore.CheckFailed || !strings.Contains(f.Message, "lost update") {
		t.Fatalf("want a lost update, got %v", res)
	}
	again := explore.Random(1).Run(racyCounter)
	if again.Failure == nil || again.Failure.Schedule != f.Schedule || again.Schedules != res.Schedules {
		t.Fatalf("same seed, different outcome: %v then %v", res, again)
	}
	rep := explore.Replay(f.Schedule, racyCounter)
	if rep.Failure == nil || rep.Failure.Message != f.Message {
		t.Fatalf("replaying %s: want %v, got %v", f.Schedule, f, rep)
	}
}

func TestExhaustiveFindsABBADeadlock(t *testing.T) {
	res := explore.Exhaustive(2).Run(abba(false))
	t.Log(res)
	f := res.Failure
	if f == nil || f.Kind != explore.Deadlock {
		t.Fatalf("want a deadlock, got %v", res)
	}
	if res.Schedules < 1 || res.Schedules > 11 {
		t.Errorf("found after %d schedules; loom needs 11", res.Schedules)
	}
	for _, want := range []string{"t1 waits for the lock of B, held by t2", "t2 waits for the lock of A, held by t1"} {
		if !strings.Contains(f.Message, want) {
			t.Errorf("message lacks %q:\n%s", want, f.Message)
		}
	}
	rep := explore.Replay(f.Schedule, abba(false))
	if rep.Failure == nil || rep.Failure.Kind != explore.Deadlock {
		t.Fatalf("replay: %v", rep)
	}
}

func TestExhaustiveProvesFixedPrograms(t *testing.T) {
	for name, fn := range map[string]func(){
		"locked counter": lockedCounter, "ordered locks": abba(true),
		"3 ordered philosophers": philosophers(3, true), "5 ordered philosophers": philosophers(5, true),
	} {
		res := explore.Exhaustive(2).Run(fn)
		t.Logf("%s: %v", name, res)
		if !res.OK() || !res.Complete {
			t.Errorf("%s: %v", name, res)
		}
	}
}
