package exercise

import "testing"

func TestMerge(t *testing.T) {
	sol := "import \"sync\"\n\n// Count counts.\nfunc Count(n int) int {\n\tvar mu sync.Mutex\n\t_ = mu\n\treturn n\n}"
	chk := "%goflags -race\nimport (\n\t\"sync\"\n\tc \"github.com/fearless-go/fearless/helpers/check\"\n)\n\nvar wg sync.WaitGroup\n\n%%\nex := c.Exercise(\"count\")\ndefer ex.Done()"
	got, ok := merge(sol, chk)
	want := "import (\n\t\"sync\"\n\tc \"github.com/fearless-go/fearless/helpers/check\"\n)\n\n\n// Count counts.\nfunc Count(n int) int {\n\tvar mu sync.Mutex\n\t_ = mu\n\treturn n\n}\n\n%goflags -race\n\nvar wg sync.WaitGroup\n\n%%\nex := c.Exercise(\"count\")\ndefer ex.Done()"
	if !ok || got != want {
		t.Fatalf("merge:\n%s\nwant:\n%s", got, want)
	}
	for name, pair := range map[string][2]string{
		"a solution that does not parse": {"func Count(", chk},
		"a name both declare":            {"var wg int", chk},
		"a %% line in the solution":      {"%%\nfmt.Println(1)", chk},
	} {
		if _, ok := merge(pair[0], pair[1]); ok {
			t.Errorf("%s: merged", name)
		}
	}
}
