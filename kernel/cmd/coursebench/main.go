// Command coursebench times the course the way `make bench` reports it.
//
// With -split it first runs every code cell on a kernel of its own with gonb's
// log raised (FEARLESS_KERNEL_VERBOSITY=2) and reads from that log where each
// cell's time goes: preparing the program, goimports (with its go get), go
// build, and running the cell's program. That pass also warms the build cache.
// Then it runs the notebooks through `fearless run` (the headless runner a
// learner's `make` uses) and prints each notebook's wall time and the whole
// course's against the goals: under 60 s a notebook, under 4 minutes for the
// course, on 2 cores with warm caches.
//
//	go run ./kernel/cmd/coursebench [-fearless bin/fearless] [-split] [NOTEBOOK_OR_DIR...]
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/fearless-go/fearless/kernel/jupyter"
	"github.com/fearless-go/fearless/kernel/kernelspec"
	"github.com/fearless-go/fearless/kernel/launch"
	"github.com/fearless-go/fearless/kernel/notebook"
)

// Goals, from the course standard.
const (
	notebookGoal = 60 * time.Second
	courseGoal   = 4 * time.Minute
)

func main() {
	bin := flag.String("fearless", "bin/fearless", "the fearless command to time")
	split := flag.Bool("split", false, "also measure where each cell's time goes (a second pass)")
	flag.Parse()
	paths := flag.Args()
	if len(paths) == 0 {
		paths = []string{"notebooks"}
	}
	ok := true
	if *split {
		// First, so that it also warms the build cache for the timed run.
		ok = splitCourse(paths)
		fmt.Println()
	}
	ok = runCourse(*bin, paths) && ok
	if !ok {
		os.Exit(1)
	}
}

// summary is the part of `fearless run --json` this command reads.
type summary struct {
	OK        bool    `json:"ok"`
	Seconds   float64 `json:"duration_seconds"`
	Notebooks []struct {
		Path    string  `json:"path"`
		Seconds float64 `json:"duration_seconds"`
		Cells   []struct {
			Seconds float64 `json:"duration_seconds"`
		} `json:"cells"`
	} `json:"notebooks"`
}

// runCourse times the notebooks through fearless run and prints one line per
// notebook, then the course. It reports whether the run itself passed.
func runCourse(bin string, paths []string) bool {
	cmd := exec.Command(bin, append([]string{"run", "--json", "--out", ""}, paths...)...)
	cmd.Stderr = nil // progress is not needed here
	out, err := cmd.Output()
	var s summary
	if jerr := json.Unmarshal(out, &s); jerr != nil {
		fmt.Fprintf(os.Stderr, "coursebench: fearless run: %v %v\n", err, jerr)
		return false
	}
	fmt.Printf("course through `fearless run` (goal: each notebook < %v, the course < %v)\n", notebookGoal, courseGoal)
	for _, nb := range s.Notebooks {
		d := seconds(nb.Seconds)
		fmt.Printf("  %-40s %3d cells %6.1f s  %s\n", filepath.Base(nb.Path), len(nb.Cells), d.Seconds(), verdict(d, notebookGoal))
	}
	total := seconds(s.Seconds)
	fmt.Printf("  %-40s %9s %6.1f s  %s\n", "whole course", "", total.Seconds(), verdict(total, courseGoal))
	if !s.OK {
		fmt.Println("  (the run reported failures: see `fearless run`)")
	}
	return s.OK
}

func seconds(s float64) time.Duration { return time.Duration(s * float64(time.Second)) }

func verdict(d, goal time.Duration) string {
	if d <= goal {
		return "ok"
	}
	return fmt.Sprintf("OVER the %v goal", goal)
}

// splitCourse runs every code cell of the notebooks with gonb's log on and
// prints where the time went, per notebook and in all.
func splitCourse(paths []string) bool {
	files, err := notebooks(paths)
	if err != nil {
		fmt.Fprintln(os.Stderr, "coursebench:", err)
		return false
	}
	spec, err := kernelspec.Find("fearless")
	if err != nil {
		fmt.Fprintln(os.Stderr, "coursebench:", err)
		return false
	}
	fmt.Println("where a cell's time goes (gonb's log; cells run one by one, as in the runner)")
	fmt.Printf("  %-40s %8s %8s %8s %8s %8s\n", "notebook", "prepare", "imports", "build", "run", "other")
	var all Split
	for _, f := range files {
		s, err := splitNotebook(spec, f)
		if err != nil {
			fmt.Fprintf(os.Stderr, "coursebench: %s: %v\n", f, err)
			return false
		}
		all.Add(s)
		fmt.Printf("  %-40s %s\n", filepath.Base(f), s.Row())
	}
	fmt.Printf("  %-40s %s\n", "all cells", all.Row())
	fmt.Printf("  %d cells: %s\n", all.Cells, all.Shares())
	return true
}

// notebooks lists the .ipynb files named by paths (directories are read, in order).
func notebooks(paths []string) ([]string, error) {
	var out []string
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			return nil, err
		}
		if !st.IsDir() {
			out = append(out, p)
			continue
		}
		m, _ := filepath.Glob(filepath.Join(p, "*.ipynb"))
		slices.Sort(m)
		out = append(out, m...)
	}
	return out, nil
}

// splitNotebook runs one notebook's code cells on a fresh kernel and sums the
// stages of its cells.
func splitNotebook(spec *kernelspec.Spec, path string) (Split, error) {
	nb, err := notebook.Read(path)
	if err != nil {
		return Split{}, err
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	var log lockedBuffer
	k, err := jupyter.Start(ctx, spec, jupyter.StartOptions{
		Dir:    filepath.Dir(path),
		Env:    []string{launch.VerbosityEnv + "=2", launch.RawErrorEnv + "=1"},
		Output: &log,
	})
	if err != nil {
		return Split{}, err
	}
	defer k.Shutdown(context.Background())
	var total Split
	for _, c := range nb.Cells {
		if c.CellType != "code" || strings.TrimSpace(c.Source) == "" {
			continue
		}
		mark := log.Len()
		start := time.Now()
		if _, err := k.Client().Execute(ctx, jupyter.ExecuteRequest{Code: c.Source}, jupyter.ExecuteOptions{}); err != nil {
			return total, err
		}
		wall := time.Since(start)
		// gonb logs the cell's end just before it reports idle; give the
		// log pipe a moment to deliver that line.
		for wait := time.Now(); !strings.Contains(log.From(mark), endMark) && time.Since(wait) < time.Second; {
			time.Sleep(5 * time.Millisecond)
		}
		total.Add(ParseCell(log.From(mark), wall))
	}
	return total, nil
}
