package runner

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Job is one notebook to run and where its executed copy goes.
type Job struct {
	Path string // the notebook
	Out  string // the executed copy ("" when not written)
}

// Collect turns command-line arguments (notebooks and directories) into
// jobs, in the order given; a directory contributes its *.ipynb files,
// recursively, in lexical order, skipping hidden directories, checkpoints
// and outDir itself. Each copy goes to outDir under the notebook's path
// relative to the current directory (so a/x.ipynb and b/x.ipynb do not
// collide), or, for a notebook outside it, under the name of the argument
// that found it (../course/x.ipynb -> course/x.ipynb). A notebook named twice
// runs once.
func Collect(args []string, outDir string) ([]Job, error) {
	absOut := ""
	if outDir != "" {
		var err error
		if absOut, err = filepath.Abs(outDir); err != nil {
			return nil, err
		}
	}
	var jobs []Job
	seen := map[string]bool{}
	add := func(path, arg string) error {
		abs, err := filepath.Abs(path)
		if err != nil {
			return err
		}
		if seen[abs] {
			return nil
		}
		seen[abs] = true
		j := Job{Path: path}
		if outDir != "" {
			j.Out = filepath.Join(outDir, outName(abs, arg))
		}
		jobs = append(jobs, j)
		return nil
	}
	for _, arg := range args {
		info, err := os.Stat(arg)
		if err != nil {
			return nil, fmt.Errorf("runner: %w", err)
		}
		if !info.IsDir() {
			if err := add(arg, arg); err != nil {
				return nil, err
			}
			continue
		}
		var found []string
		err = filepath.WalkDir(arg, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() {
				abs, _ := filepath.Abs(path)
				if path != arg && (strings.HasPrefix(d.Name(), ".") || d.Name() == "__pycache__" || abs == absOut) {
					return filepath.SkipDir
				}
				return nil
			}
			if strings.HasSuffix(d.Name(), ".ipynb") && !strings.HasPrefix(d.Name(), ".") {
				found = append(found, path)
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("runner: %w", err)
		}
		sort.Strings(found)
		for _, p := range found {
			if err := add(p, arg); err != nil {
				return nil, err
			}
		}
	}
	return jobs, nil
}

// outName is where a notebook's copy goes inside the output directory: its
// path relative to the working directory, or, when it lies outside, its path
// relative to the parent of the argument that named it.
func outName(abs, arg string) string {
	if wd, err := os.Getwd(); err == nil {
		if within(abs, wd) {
			return relTo(wd, abs)
		}
	}
	if absArg, err := filepath.Abs(arg); err == nil && within(abs, filepath.Dir(absArg)) {
		return relTo(filepath.Dir(absArg), abs)
	}
	return filepath.Base(abs)
}

func relTo(dir, path string) string {
	rel, _ := filepath.Rel(dir, path)
	return rel
}
