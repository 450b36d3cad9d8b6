package rc_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/fearless-go/fearless/helpers/rc"
	"github.com/fearless-go/fearless/helpers/trace"
)

func TestRecorderSeesCountsAndFree(t *testing.T) {
	trace.Start()
	defer trace.Stop()
	a := rc.New(1, rc.OnDrop(func(int) { trace.Mark("drop function") }))
	b := a.Clone()
	c := b.Clone()
	b.Drop()
	a.Drop()
	c.Drop()
	rec := trace.Stop()
	var seq []string
	var events []trace.Event
	for _, e := range rec.Events {
		if e.Object == a.TraceID() {
			seq = append(seq, fmt.Sprintf("%s:%d", e.Kind, e.Value))
			events = append(events, e)
		}
	}
	want := "clone:2 clone:3 drop:2 drop:1 drop:0 free:0"
	if got := strings.Join(seq, " "); got != want {
		t.Fatalf("events = %s\nwant     %s", got, want)
	}
	sites := []string{"b := a.Clone()", "c := b.Clone()", "b.Drop()", "a.Drop()", "c.Drop()", "c.Drop()"}
	for i, e := range events {
		if e.Site == nil || !strings.HasSuffix(e.Site.File, "record_test.go") || e.Site.Code != sites[i] {
			t.Fatalf("%s event has site %+v, want %q in record_test.go", e.Kind, e.Site, sites[i])
		}
	}
	last := rec.Events[len(rec.Events)-1]
	if last.Kind != trace.UserMark || rec.ObjectName(last.Object) != "drop function" {
		t.Fatalf("last event %s %s, want the drop function's mark after the free", last.Kind, rec.ObjectName(last.Object))
	}
}
