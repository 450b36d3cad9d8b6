package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/fearless-go/fearless/kernel/grade"
	"github.com/fearless-go/fearless/kernel/install"
	"github.com/fearless-go/fearless/kernel/kernelspec"
)

func runGrade(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("fearless grade", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var o grade.Options
	fs.StringVar(&o.Source, "source", "", "the instructor's `NOTEBOOK` (solutions and hidden checks in it)")
	fs.StringVar(&o.Submissions, "submissions", "", "`DIR` whose entries are submissions (a notebook each, or a folder holding one)")
	fs.StringVar(&o.Out, "out", "", "`DIR` for feedback, results.json per submission, and gradebook.csv")
	fs.DurationVar(&o.Timeout, "timeout", grade.DefaultTimeout, "time one cell may run before it is interrupted")
	fs.DurationVar(&o.Budget, "budget", grade.DefaultBudget, "time one submission's run may take in all (the cells it has not finished then score 0)")
	fs.StringVar(&o.HiddenVisibility, "hidden-visibility", grade.DefaultHiddenVisibility, "Gradescope `visibility` of hidden checks' results: hidden, after_due_date, after_published or visible")
	fs.IntVar(&o.Jobs, "jobs", grade.DefaultJobs, "submissions graded at once, each in its own kernel")
	fs.IntVar(&o.OutputLimit, "output-limit", grade.DefaultOutputLimit, "`BYTES` of output one cell may print")
	fs.StringVar(&o.Kernel, "kernel", "", "kernelspec (default: the source's, else \"fearless\")")
	fs.BoolVar(&o.One, "one", false, "--submissions is one submission (a file, or a folder as Gradescope's /autograder/submission); its files go straight into --out")
	fs.BoolVar(&o.SameUser, "same-user", false, "when the grader runs as root, run submissions as root too (by default each runs as a user of its own, which cannot read the source, the output or other submissions)")
	fs.BoolVar(&o.AllowRaces, "allow-races", false, "build graded cells without the race detector: 2-3x faster, and a racy answer keeps the checks it passed, but a submission can forge its score through a data race; only for a class you trust (by default every graded cell is built with -race and stops at its first data race)")
	halt := fs.Bool("halt-on-race", true, "the default (kept for scripts that pass it); --halt-on-race=false is --allow-races")
	fs.BoolVar(&o.NoCache, "no-cache", false, "grade every submission again, even those unchanged since the last run")
	asJSON := fs.Bool("json", false, "progress as JSON lines on stdout, then the class as JSON")
	bundle := fs.String("gradescope-autograder", "", "write Gradescope's autograder bundle to `ZIP` (setup.sh, run_autograder, the source) instead of grading")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: fearless grade --source SRC --submissions SUBS --out OUT [--timeout 30s] [--jobs N] [--json]")
		fmt.Fprintln(fs.Output(), "       fearless grade --source SRC --gradescope-autograder OUT.zip")
		fmt.Fprintln(fs.Output(), "\nGrades every submission against the source: the instructor's check and read-only cells are put")
		fmt.Fprintln(fs.Output(), "back, each submission runs in a kernel of its own, and only the check cells' signed results count.")
		fmt.Fprintln(fs.Output(), "A re-run grades only what changed. The exit status is 0 when every submission got a row.")
		fs.PrintDefaults()
	}
	if _, err := parse(fs, args); err != nil {
		return exitFor(err)
	}
	o.AllowRaces = o.AllowRaces || !*halt
	if o.Source == "" {
		fmt.Fprintln(stderr, "fearless grade: --source is required")
		fs.Usage()
		return 2
	}
	if *bundle != "" {
		root := ""
		if spec, err := kernelspec.Find(install.KernelName); err == nil {
			if meta, ok := spec.Metadata["fearless"].(map[string]any); ok {
				root, _ = meta["root"].(string)
			}
		}
		if root == "" {
			fmt.Fprintln(stderr, "fearless grade: the fearless kernel is not installed (run `fearless install`): the bundle is built from its module checkout")
			return 2
		}
		if err := grade.WriteAutograder(*bundle, grade.AutograderOptions{Source: o.Source, Root: root, Timeout: o.Timeout}); err != nil {
			fmt.Fprintf(stderr, "fearless grade: %v\n", err)
			return 1
		}
		fmt.Fprintf(stdout, "wrote %s: upload it as the assignment's autograder (Gradescope: Configure Autograder, zip file upload)\n", *bundle)
		return 0
	}
	if o.Submissions == "" || o.Out == "" {
		fmt.Fprintln(stderr, "fearless grade: --submissions and --out are required")
		fs.Usage()
		return 2
	}
	o.Progress, o.JSON = stderr, *asJSON
	if *asJSON {
		o.Progress = stdout
	}
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()
	class, err := grade.Grade(ctx, o)
	if class == nil {
		fmt.Fprintf(stderr, "fearless grade: %v\n", err)
		return 2
	}
	if *asJSON {
		if e := json.NewEncoder(stdout).Encode(class); e != nil {
			fmt.Fprintf(stderr, "fearless grade: %v\n", e)
			return 1
		}
	} else {
		_ = class.WriteText(stdout)
	}
	if err != nil {
		fmt.Fprintf(stderr, "fearless grade: %v\n", err)
		if ctx.Err() != nil {
			return 130
		}
		return 1
	}
	return 0
}
