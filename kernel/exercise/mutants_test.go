package exercise

import (
	"slices"
	"strings"
	"testing"

	"github.com/fearless-go/fearless/kernel/notebook"
)

const mergeSolution = `// Merge sends every source over one channel.
func Merge(sources ...[]string) []string {
    tx, rx := mpsc.Channel[string]()
    for _, src := range sources {
        mine := tx.Clone()
        thread.Go(func() {
            defer mine.Drop()
            for _, item := range src {
                mine.Send(item)
            }
        })
    }
    tx.Drop()
    var mu sync.Mutex
    go func() { mu.Lock(); defer mu.Unlock() }()
    merged := []string{}
    for item := range rx.Iter() {
        merged = append(merged, item)
    }
    return merged
}`

const transferSolution = `func Transfer(from, to *Account, amount int) {
    first, second := from, to
    g1 := first.Balance.MustLock()
    defer g1.Unlock()
    g2 := second.Balance.MustLock()
    defer g2.Unlock()
    *g1.Ptr() -= amount
    *g2.Ptr() += amount
}`

func mutantNamed(t *testing.T, ms []Mutant, name string) Mutant {
	t.Helper()
	for _, m := range ms {
		if m.Name == name {
			return m
		}
	}
	var names []string
	for _, m := range ms {
		names = append(names, m.Name)
	}
	t.Fatalf("no mutant %q among %v", name, names)
	return Mutant{}
}

func TestMutants(t *testing.T) {
	ms := Mutants(mergeSolution)
	var names []string
	for _, m := range ms {
		names = append(names, m.Name)
	}
	if want := []string{"inline", "nolock", "direct", "drop:mine", "drop:tx"}; !slices.Equal(names, want) {
		t.Fatalf("mutants %v, want %v", names, want)
	}
	inline := mutantNamed(t, ms, "inline")
	if !strings.Contains(inline.Source, "\n    func() { mu.Lock()") || inline.Tags[0] != TagInline {
		t.Errorf("inline: the go statement is still there, or no tag:\n%s", inline.Source)
	}
	nolock := mutantNamed(t, ms, "nolock")
	if !strings.Contains(nolock.Source, "go func() { _ = mu; _ = mu }()") {
		t.Errorf("nolock: sync lock calls not removed:\n%s", nolock.Source)
	}
	drop := mutantNamed(t, ms, "drop:tx")
	if !strings.Contains(drop.Source, "    _ = tx\n") || !strings.Contains(drop.Source, "defer mine.Drop()") {
		t.Errorf("drop:tx:\n%s", drop.Source)
	}
	for _, m := range ms {
		if _, _, ok := parseCell(m.Source); !ok {
			t.Errorf("mutant %s does not parse:\n%s", m.Name, m.Source)
		}
	}
	swap := mutantNamed(t, Mutants(transferSolution), "swap:first.Balance/second.Balance")
	if !strings.Contains(swap.Source, "g1 := second.Balance.MustLock()") || !strings.Contains(swap.Source, "g2 := first.Balance.MustLock()") {
		t.Errorf("swap:\n%s", swap.Source)
	}
}

func TestMutantsNeedCode(t *testing.T) {
	if ms := Mutants("func F() int { return 1 }"); len(ms) != 0 {
		t.Errorf("a solution with no threads, locks, channels or Drops has mutants: %+v", ms)
	}
	if ms := Mutants("func F( {"); ms != nil {
		t.Errorf("unparsable: %+v", ms)
	}
}

func TestWithTags(t *testing.T) {
	plain := []*notebook.Cell{notebook.NewCode("%%\nx()"), notebook.NewCode("%%\ny()")}
	withTags(plain, []string{TagInline})
	if plain[0].Source != "%goflags -tags="+TagInline+"\n%%\nx()" || plain[1].Source != "%%\ny()" {
		t.Errorf("no %%goflags: %q, %q", plain[0].Source, plain[1].Source)
	}
	raced := []*notebook.Cell{notebook.NewCode("import \"fmt\"\n\n%%\nx()"), notebook.NewCode("%goflags -race\n%%\ny()")}
	withTags(raced, []string{TagNoLock, TagDirect})
	if !strings.HasPrefix(raced[1].Source, "%goflags -race -tags="+TagNoLock+","+TagDirect+"\n") || strings.Contains(raced[0].Source, "%goflags") {
		t.Errorf("with %%goflags -race: %q, %q", raced[0].Source, raced[1].Source)
	}
}
