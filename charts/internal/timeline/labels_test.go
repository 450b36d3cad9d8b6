package timeline_test

import (
	"strings"
	"testing"

	"github.com/fearless-go/fearless/charts/internal/timeline"
	"github.com/fearless-go/fearless/helpers/mpsc"
	"github.com/fearless-go/fearless/helpers/mutex"
	"github.com/fearless-go/fearless/helpers/own"
	"github.com/fearless-go/fearless/helpers/thread"
	"github.com/fearless-go/fearless/helpers/trace"
)

// Names chosen with the helpers' Name options label tooltips, and a value
// moved by a send says which channel it went on.
func TestNamesAndMovesInTooltips(t *testing.T) {
	if err := trace.Start(); err != nil {
		t.Fatal(err)
	}
	m := mutex.New(0, mutex.Name("account"))
	tx, rx := mpsc.Channel[*own.Value[int]](mpsc.Name("jobs"))
	h := thread.Go(func() {
		g := m.MustLock()
		g.Unlock()
		tx.Send(own.New(1))
		tx.Drop()
	}, thread.Name("producer"))
	for range rx.Iter() {
	}
	h.Join()
	model := timeline.Build(trace.Stop())
	var whats []string
	for _, p := range model.Points {
		whats = append(whats, p.What)
	}
	all := strings.Join(whats, "\n")
	for _, want := range []string{"locked account", "unlocked account", "sent a message on jobs", "value", " sent on jobs"} {
		if !strings.Contains(all, want) {
			t.Errorf("no point says %q in:\n%s", want, all)
		}
	}
}
