package exercise

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/fearless-go/fearless/kernel/guard"
	"github.com/fearless-go/fearless/kernel/notebook"
)

// Student returns the student version of a notebook, as nbgrader's
// generate_assignment makes it, without touching n: every solution region
// replaced by Stub, hidden checks removed, outputs and execution counts
// cleared, solution cells undeletable, check and read-only cells
// undeletable and uneditable, every exercise cell carrying nbgrader's
// checksum and cell_type, and every other code cell its guard.GivenKey mark
// (so that the kernel can tell it from the cells the learner adds). It
// refuses a notebook Validate finds problems in (wrong answers aside: they
// are not part of the student version).
func Student(n *Notebook) (*notebook.Notebook, error) {
	var probs []error
	for _, p := range Validate(&Notebook{NB: n.NB, Path: "", Exercises: n.Exercises}) {
		p.Path = n.Path
		probs = append(probs, p)
	}
	if len(probs) > 0 {
		return nil, errors.Join(probs...)
	}
	out, err := clone(n.NB)
	if err != nil {
		return nil, err
	}
	out.ClearOutputs()
	for _, c := range out.Cells {
		m, _ := MetaOf(c)
		if c.CellType == notebook.Code {
			c.Source = studentSource(c.Source, m.Role())
		}
		if m.Role() == Plain {
			if c.CellType == notebook.Code {
				if c.Metadata == nil {
					c.Metadata = map[string]any{}
				}
				c.Metadata[guard.GivenKey] = guard.GivenDigest(c.Source)
			}
			continue
		}
		switch m.Role() {
		case Solution:
			c.Metadata["deletable"] = false
		case Check, ReadOnly:
			c.Metadata["deletable"] = false
			c.Metadata["editable"] = false
		}
		obj := c.Metadata["nbgrader"].(map[string]any)
		obj["checksum"] = Checksum(c, m)
		obj["cell_type"] = c.CellType
	}
	return out, nil
}

// studentSource is a code cell's source in the student version.
func studentSource(src string, role Role) string {
	switch role {
	case Solution:
		rs, _ := regions(src, BeginSolution, EndSolution)
		return replaceRegions(src, rs, Stub)
	case Check:
		rs, _ := regions(src, BeginHiddenTests, EndHiddenTests)
		return strings.TrimRight(replaceRegions(src, rs, ""), "\n")
	}
	return src
}

// clone deep-copies a notebook through its file form.
func clone(nb *notebook.Notebook) (*notebook.Notebook, error) {
	data, err := notebook.Marshal(nb)
	if err != nil {
		return nil, err
	}
	return notebook.Parse(data)
}

// Assign writes the student versions of the notebooks in src to out
// (`fearless assign SRC OUT`). src is a notebook or a directory; for a
// directory, out is a directory that receives every notebook under src at
// the same relative path, skipping hidden directories and testdata (where
// wrong answers live: never hand them out). For a notebook, out is the file
// to write, or an existing directory to write it into. Nothing is written
// unless every notebook is valid. It returns the files written.
func Assign(src, out string) ([]string, error) {
	info, err := os.Stat(src)
	if err != nil {
		return nil, err
	}
	type job struct{ from, to string }
	var jobs []job
	if !info.IsDir() {
		to := out
		if oi, err := os.Stat(out); err == nil && oi.IsDir() {
			to = filepath.Join(out, filepath.Base(src))
		}
		jobs = append(jobs, job{src, to})
	} else {
		err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() {
				if p != src && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata") {
					return filepath.SkipDir
				}
				return nil
			}
			if strings.HasSuffix(p, ".ipynb") && !strings.HasPrefix(d.Name(), ".") {
				rel, _ := filepath.Rel(src, p)
				jobs = append(jobs, job{p, filepath.Join(out, rel)})
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
		sort.Slice(jobs, func(i, j int) bool { return jobs[i].from < jobs[j].from })
	}
	if len(jobs) == 0 {
		return nil, fmt.Errorf("assign: no notebooks in %s", src)
	}
	made := make([]*notebook.Notebook, len(jobs))
	var errs []error
	for i, j := range jobs {
		n, err := Read(j.from)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if made[i], err = Student(n); err != nil {
			errs = append(errs, err)
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	var written []string
	for i, j := range jobs {
		if err := notebook.Write(j.to, made[i]); err != nil {
			return written, err
		}
		written = append(written, j.to)
	}
	return written, nil
}
