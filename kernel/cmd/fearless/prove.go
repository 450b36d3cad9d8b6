package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/fearless-go/fearless/kernel/exercise"
	"github.com/fearless-go/fearless/kernel/runner"
)

func runProve(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("fearless prove", flag.ContinueOnError)
	fs.SetOutput(stderr)
	timeout := fs.Duration("timeout", exercise.DefaultCellTimeout, "time one cell may run before it is interrupted")
	jobs := fs.Int("jobs", 2, "kernels at once: one per notebook, and with --mutants one per exercise's mutants")
	kernel := fs.String("kernel", "", "kernelspec to use (default: each notebook's own, else \"fearless\")")
	quiet := fs.Bool("q", false, "print only what misbehaved and the summary")
	mutants := fs.Bool("mutants", false, "also run every applicable mutant of each reference solution; each must fail a check")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: fearless prove [--jobs 2] [--timeout 2m] [--mutants] [-q] [NOTEBOOK_OR_DIR...]   (default: notebooks)")
		fmt.Fprintln(fs.Output(), "\nFor every exercise: the reference solution must score full marks, every wrong answer in")
		fmt.Fprintln(fs.Output(), "testdata/wrong/<notebook>/<grade_id>/*.go must fail at least one check, and the student version")
		fmt.Fprintln(fs.Output(), "(what fearless assign writes) must fail calmly (\"not implemented yet\"). Only the cells an")
		fmt.Fprintln(fs.Output(), "exercise needs run. With --mutants, every mechanical mutant of each reference solution (spawns")
		fmt.Fprintln(fs.Output(), "inline, locks that do nothing, a channel bypassed, a Drop removed, nested locks swapped, async.Sleep")
		fmt.Fprintln(fs.Output(), "made blocking) must fail a check too, unless the solution cell's metadata \"fearless\": {\"mutants_not_applicable\":")
		fmt.Fprintln(fs.Output(), "{name: reason}} says why it does not apply; the last line is \"mutants: K killed of N applicable (P%)\".")
		fmt.Fprintln(fs.Output(), "The exit status is 1 when anything misbehaved or a mutant survived.")
		fs.PrintDefaults()
	}
	paths, err := parse(fs, args)
	if err != nil {
		return exitFor(err)
	}
	if len(paths) == 0 {
		paths = []string{"notebooks"}
	}
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()
	proof, err := exercise.Prove(ctx, paths, exercise.ProveOptions{
		Runner:  runner.Options{Kernel: *kernel, Timeout: *timeout},
		Jobs:    *jobs,
		Mutants: *mutants,
		Progress: func(nb string, v *exercise.VariantResult) {
			if !*quiet || !v.OK {
				fmt.Fprintln(stdout, v.Line(nb))
			}
		},
	})
	if err != nil {
		fmt.Fprintf(stderr, "fearless prove: %v\n", err)
		return 2
	}
	if len(proof.Notebooks) == 0 {
		fmt.Fprintf(stderr, "fearless prove: no notebooks (*.ipynb) found in %v\n", paths)
		return 2
	}
	_ = proof.WriteText(stdout)
	switch {
	case ctx.Err() != nil:
		fmt.Fprintln(stderr, "fearless prove: interrupted")
		return 130
	case !proof.OK():
		return 1
	}
	return 0
}
