package exercise

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/fearless-go/fearless/kernel/guard"
	"github.com/fearless-go/fearless/kernel/notebook"
)

func TestStudent(t *testing.T) {
	nb := sample()
	nb.Cells[4].Outputs = append(nb.Cells[4].Outputs, notebook.NewStream("stdout", "old output"))
	count := 7
	nb.Cells[4].ExecutionCount = &count
	before, _ := notebook.Marshal(nb)
	st, err := Student(Parse(nb, "x.ipynb"))
	if err != nil {
		t.Fatal(err)
	}
	if after, _ := notebook.Marshal(nb); string(after) != string(before) {
		t.Fatal("Student changed its input")
	}
	sol, chk := st.Cells[3], st.Cells[4]
	wantSol := "import \"sync\"\n\n// Count counts.\nfunc Count(n int) int {\n\t" + Stub + "\n}"
	if sol.Source != wantSol {
		t.Errorf("solution cell:\n%s\nwant:\n%s", sol.Source, wantSol)
	}
	if strings.Contains(chk.Source, "HIDDEN") || strings.Contains(chk.Source, `"two"`) || !strings.Contains(chk.Source, `"one"`) {
		t.Errorf("check cell:\n%s", chk.Source)
	}
	if len(chk.Outputs) != 0 || chk.ExecutionCount != nil {
		t.Errorf("outputs not cleared: %+v %v", chk.Outputs, chk.ExecutionCount)
	}
	if sol.Metadata["deletable"] != false || sol.Metadata["editable"] != nil {
		t.Errorf("solution cell metadata %v", sol.Metadata)
	}
	if chk.Metadata["deletable"] != false || chk.Metadata["editable"] != false {
		t.Errorf("check cell metadata %v", chk.Metadata)
	}
	for _, c := range []*notebook.Cell{sol, chk} {
		m, err := MetaOf(c)
		if err != nil {
			t.Fatal(err)
		}
		if m.Checksum != Checksum(c, m) || len(m.Checksum) != 32 || m.CellType != "code" {
			t.Errorf("%s: checksum %q cell_type %q", m.GradeID, m.Checksum, m.CellType)
		}
	}
	if st.Cells[1].Metadata["nbgrader"] != nil {
		t.Error("a plain cell got nbgrader metadata")
	}
	// The instructor's plain code cells carry their mark for the kernel;
	// exercise cells and markdown do not.
	marked := 0
	for i, c := range st.Cells {
		mark, has := c.Metadata[guard.GivenKey]
		m, _ := MetaOf(c)
		switch {
		case c.CellType == notebook.Code && m.Role() == Plain:
			marked++
			if mark != guard.GivenDigest(c.Source) {
				t.Errorf("plain code cell %d: mark %v, want the digest of its source", i, mark)
			}
		case has:
			t.Errorf("cell %d (%s, %v) has a mark", i, c.CellType, m.Role())
		}
	}
	if marked == 0 {
		t.Error("no plain code cell in the sample was marked")
	}

	bad := sample()
	delete(meta(bad, 4), "points")
	if _, err := Student(Parse(bad, "bad.ipynb")); err == nil || !strings.Contains(err.Error(), "bad.ipynb: cell 5 (grade_id count-check): check cell without points") {
		t.Errorf("an invalid notebook: %v", err)
	}
}

func TestAssign(t *testing.T) {
	src, out := t.TempDir(), t.TempDir()
	for _, p := range []string{"01-a.ipynb", "part/02-b.ipynb", "testdata/wrong/x.ipynb", ".ipynb_checkpoints/01-a.ipynb"} {
		if err := notebook.Write(filepath.Join(src, p), sample()); err != nil {
			t.Fatal(err)
		}
	}
	written, err := Assign(src, out)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if !d.IsDir() {
			rel, _ := filepath.Rel(out, p)
			got = append(got, rel)
		}
		return nil
	})
	sort.Strings(got)
	if strings.Join(got, " ") != "01-a.ipynb part/02-b.ipynb" || len(written) != 2 {
		t.Fatalf("wrote %v (reported %v), want 01-a.ipynb and part/02-b.ipynb only (never testdata)", got, written)
	}
	st, err := notebook.Read(filepath.Join(out, "part/02-b.ipynb"))
	if err != nil || !strings.Contains(st.Cells[3].Source, Stub) {
		t.Fatalf("student notebook: %v", err)
	}

	// One notebook: to a file, or into a directory.
	one := filepath.Join(src, "01-a.ipynb")
	if _, err := Assign(one, filepath.Join(out, "single.ipynb")); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(out, "into")
	os.Mkdir(dir, 0o755)
	if w, err := Assign(one, dir); err != nil || len(w) != 1 || w[0] != filepath.Join(dir, "01-a.ipynb") {
		t.Fatalf("into a directory: %v %v", w, err)
	}

	// An invalid notebook: nothing written, the problem located.
	bad := sample()
	meta(bad, 4)["grade_id"] = "count"
	notebook.Write(filepath.Join(src, "03-bad.ipynb"), bad)
	out2 := filepath.Join(t.TempDir(), "out")
	if _, err := Assign(src, out2); err == nil || !strings.Contains(err.Error(), "03-bad.ipynb: cell 5 (grade_id count): duplicate grade_id") {
		t.Fatalf("invalid source: %v", err)
	}
	if _, err := os.Stat(out2); !os.IsNotExist(err) {
		t.Fatal("something was written for an invalid source")
	}
	if _, err := Assign(filepath.Join(src, "missing"), out2); err == nil {
		t.Fatal("a missing source was accepted")
	}
}

func TestReplaceRegionsKeepsIndent(t *testing.T) {
	src := "a\n    // BEGIN SOLUTION\n    x\n    // END SOLUTION\nb\n// BEGIN SOLUTION\ny\n// END SOLUTION"
	rs, probs := regions(src, BeginSolution, EndSolution)
	if len(probs) != 0 || len(rs) != 2 {
		t.Fatalf("regions %v %v", rs, probs)
	}
	if got, want := replaceRegions(src, rs, "S"), "a\n    S\nb\nS"; got != want {
		t.Fatalf("got %q, want %q", got, want)
	}
	if got, want := replaceRegions(src, rs, ""), "a\nb"; got != want {
		t.Fatalf("removing: got %q, want %q", got, want)
	}
}

func TestPyFloat(t *testing.T) {
	for f, want := range map[float64]string{
		0: "0.0", 1: "1.0", 2.5: "2.5", 0.1: "0.1", 100: "100.0", 1e16: "1e+16", 1e-5: "1e-05",
		0.0001: "0.0001", 123456789012345680: "1.2345678901234568e+17", 1234567890123456: "1234567890123456.0", -3: "-3.0",
	} {
		if got := pyFloat(f); got != want {
			t.Errorf("pyFloat(%v) = %q, want %q", f, got, want)
		}
	}
}
