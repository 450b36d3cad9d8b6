package runner

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func touch(t *testing.T, paths ...string) {
	t.Helper()
	for _, p := range paths {
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte("{}"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestCollect(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	touch(t, "nb/b.ipynb", "nb/a.ipynb", "nb/sub/c.ipynb", "nb/.hidden/h.ipynb", "nb/.ipynb_checkpoints/a-checkpoint.ipynb",
		"nb/notes.txt", "nb/out/old.ipynb", "other/x.ipynb")
	jobs, err := Collect([]string{"other/x.ipynb", "nb", "nb/a.ipynb"}, "nb/out")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, j := range jobs {
		got = append(got, j.Path+" -> "+j.Out)
	}
	want := []string{
		"other/x.ipynb -> nb/out/other/x.ipynb",
		"nb/a.ipynb -> nb/out/nb/a.ipynb",
		"nb/b.ipynb -> nb/out/nb/b.ipynb",
		"nb/sub/c.ipynb -> nb/out/nb/sub/c.ipynb",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("jobs:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	outside := filepath.Join(t.TempDir(), "far.ipynb")
	touch(t, outside)
	jobs, err = Collect([]string{outside}, "")
	if err != nil || len(jobs) != 1 || jobs[0].Out != "" {
		t.Fatalf("no --out: %+v %v", jobs, err)
	}
	jobs, _ = Collect([]string{outside}, "o")
	if want := filepath.Join("o", "far.ipynb"); jobs[0].Out != want {
		t.Fatalf("a file outside the working directory goes to %s, want %s", jobs[0].Out, want)
	}
	course := filepath.Join(t.TempDir(), "course")
	touch(t, filepath.Join(course, "01.ipynb"), filepath.Join(course, "part", "02.ipynb"))
	jobs, _ = Collect([]string{course}, "o")
	if len(jobs) != 2 || jobs[0].Out != filepath.Join("o", "course", "01.ipynb") || jobs[1].Out != filepath.Join("o", "course", "part", "02.ipynb") {
		t.Fatalf("a directory outside the working directory: %+v", jobs)
	}
	if _, err := Collect([]string{"missing.ipynb"}, ""); err == nil {
		t.Fatal("a missing path was accepted")
	}
}
