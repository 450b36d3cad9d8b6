package explore_test

import (
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/fearless-go/fearless/helpers/explore"
	"github.com/fearless-go/fearless/helpers/mutex"
	"github.com/fearless-go/fearless/helpers/thread"
)

// ring spawns n threads; thread i locks fork i, then fork i+1 (mod n): a
// cycle of n locks, the dining philosophers with every philosopher a thread.
func ring(n int) func() { return forks(n, false) }

// forks is ring, or with ordered set, each thread takes the lower-numbered
// fork first: no cycle.
func forks(n int, ordered bool) func() {
	return func() {
		forks := make([]*mutex.Mutex[int], n)
		for i := range forks {
			forks[i] = mutex.New(0, mutex.Name(fmt.Sprintf("fork-%d", i)))
		}
		var hs []*thread.JoinHandle[struct{}]
		for i := range n {
			first, second := i, (i+1)%n
			if ordered && second < first {
				first, second = second, first
			}
			hs = append(hs, thread.Go(func() {
				a := forks[first].MustLock()
				b := forks[second].MustLock()
				b.Unlock()
				a.Unlock()
			}, thread.Name(fmt.Sprintf("phil-%d", i))))
		}
		for _, h := range hs {
			h.Join()
		}
	}
}

func TestPlayOutput(t *testing.T) {
	g := explore.Play(ring(2))
	g.Title, g.ElementID = "two forks", "play-test"
	out := g.Chart()
	for _, want := range []string{`id="play-test"`, `class="fearless-play"`, "data:image/svg+xml;base64,", "var GAME = ", "fearless-play-move"} {
		if !strings.Contains(out.HTML, want) {
			t.Errorf("HTML lacks %q", want)
		}
	}
	if strings.Contains(out.HTML, "src=\"http") || strings.Contains(out.HTML, "<script src") {
		t.Error("the output must not load anything")
	}
	if i := strings.Index(out.HTML, "<script"); strings.Contains(out.HTML[i+8:len(out.HTML)-len("</script>")], "</") {
		t.Error(`"</" inside the script would end it early`)
	}
	sched := g.Schedule(g.Answer)
	for _, want := range []string{"Trust Notebook", sched, "deadlock"} {
		if !strings.Contains(out.Text, want) || !strings.Contains(string(out.SVG), want) {
			t.Errorf("text or static picture lacks %q:\n%s", want, out.Text)
		}
	}
	if out := new(explore.Game).Chart(); out.HTML != "" || !strings.Contains(out.Text, "empty") {
		t.Errorf("an empty game: %+v", out)
	}
}

// ringGame is the game of ring(3), built once per test process: the game is
// deterministic, and make test-helpers runs the package twenty times.
var ringGame = sync.OnceValue(func() *explore.Game { return explore.Play(ring(3)) })

// A program of three threads stays under 1 MB, with or without its cap.
func TestPlayThreeThreadsSize(t *testing.T) {
	g := ringGame()
	out := g.Chart()
	t.Logf("%v\noutput: %d bytes (HTML %d, SVG %d)", g, out.Size(), len(out.HTML), len(out.SVG))
	if out.Size() > 1<<20 {
		t.Errorf("output of a three-thread program is %d bytes, want under 1 MB", out.Size())
	}
	if g.Failed == 0 {
		t.Error("three philosophers: want deadlocks in the tree")
	}
}

// BenchmarkPlay builds and renders the game of three threads taking two of
// three locks each (the whole tree, a few thousand positions). The baseline
// runs as many schedules of the same threads, with the forks ordered (so
// that no schedule fails and stops it early), without building anything.
func BenchmarkPlay(b *testing.B) {
	fn := ring(3)
	g := explore.Play(fn)
	b.Run("baseline=explore-same-runs", func(b *testing.B) {
		for b.Loop() {
			if res := explore.Random(1).Schedules(g.Runs).Run(forks(3, true)); res.Schedules != g.Runs {
				b.Fatalf("baseline: %v", res)
			}
		}
	})
	b.Run("play+render", func(b *testing.B) {
		var size int
		for b.Loop() {
			size = explore.Play(fn).Chart().Size()
		}
		b.ReportMetric(float64(len(g.Positions)), "positions")
		b.ReportMetric(float64(size), "output-bytes")
	})
	b.Run("render", func(b *testing.B) {
		for b.Loop() {
			g.Chart()
		}
	})
}
