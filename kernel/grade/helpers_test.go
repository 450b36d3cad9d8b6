package grade

import (
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/fearless-go/fearless/kernel/exercise"
	"github.com/fearless-go/fearless/kernel/internal/testenv"
	"github.com/fearless-go/fearless/kernel/kernelspec"
	"github.com/fearless-go/fearless/kernel/notebook"
)

// sample is the small notebook the crafted submissions are made from.
const sample = "../testdata/exercise/counter.ipynb"

// options grade with the kernel installed for the tests, offline.
func options(t testing.TB, subs, out string) Options {
	t.Helper()
	spec := testenv.Kernel(t)
	return Options{
		Source: sample, Submissions: subs, Out: out, Jobs: 2, Timeout: 30 * time.Second,
		Env: testenv.Offline,
		FindSpec: func(name string) (*kernelspec.Spec, error) {
			return kernelspec.FindIn([]string{filepath.Dir(spec.Dir)}, name)
		},
	}
}

// handout returns the student version of the sample.
func handout(t testing.TB) *notebook.Notebook {
	t.Helper()
	src, err := exercise.Read(sample)
	if err != nil {
		t.Fatal(err)
	}
	nb, err := exercise.Student(src)
	if err != nil {
		t.Fatal(err)
	}
	return nb
}

// withSolutions returns the handout with solution cells replaced by
// grade_id ("" keeps the stub); a nil source deletes the cell.
func withSolutions(t *testing.T, sols map[string]*string) *notebook.Notebook {
	t.Helper()
	nb := handout(t)
	var cells []*notebook.Cell
	for _, c := range nb.Cells {
		if m, _ := exercise.MetaOf(c); m != nil && m.Role() == exercise.Solution {
			if s, ok := sols[m.GradeID]; ok {
				if s == nil {
					continue
				}
				c.Source = *s
			}
		}
		cells = append(cells, c)
	}
	nb.Cells = cells
	return nb
}

func ptr(s string) *string { return &s }

func writeNB(t *testing.T, path string, nb *notebook.Notebook) {
	t.Helper()
	if err := notebook.Write(path, nb); err != nil {
		t.Fatal(err)
	}
}

// treeHash hashes every file under dir, to show nothing changed there.
func treeHash(t *testing.T, dir string) string {
	t.Helper()
	h := sha256.New()
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		h.Write([]byte(p + "\x00"))
		h.Write(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// bySub indexes a class's submissions by name.
func bySub(c *Class) map[string]*Submission {
	m := map[string]*Submission{}
	for _, s := range c.Submissions {
		m[s.Name] = s
	}
	return m
}

func (s *Submission) ex(id string) *Exercise {
	for _, e := range s.Exercises {
		if e.ID == id {
			return e
		}
	}
	return nil
}

// everything is the submission's feedback in one string: reasons, check
// messages, notes, problem.
func (s *Submission) everything() string {
	var b strings.Builder
	b.WriteString(s.Problem + "\n")
	for _, n := range s.Notes {
		b.WriteString(n + "\n")
	}
	for _, e := range s.Exercises {
		b.WriteString(e.Reason + "\n")
		for _, c := range e.Checks {
			b.WriteString(c.Name + ": " + c.Message + "\n")
		}
	}
	return b.String()
}
