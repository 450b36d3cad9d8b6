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

	"github.com/fearless-go/fearless/kernel/progress"
	"github.com/fearless-go/fearless/kernel/runner"
)

func runRun(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("fearless run", flag.ContinueOnError)
	fs.SetOutput(stderr)
	timeout := fs.Duration("timeout", runner.DefaultTimeout, "time one cell may run before it is interrupted")
	out := fs.String("out", "build/executed", "`DIR` for the executed copies (\"\" writes none)")
	asJSON := fs.Bool("json", false, "print a machine-readable summary on stdout (progress goes to stderr)")
	kernel := fs.String("kernel", "", "kernelspec to use for every notebook (default: each notebook's own, else \"fearless\")")
	limit := fs.Int("output-limit", runner.DefaultOutputLimit, "`BYTES` of output one cell may produce before it is interrupted")
	startup := fs.Duration("startup-timeout", runner.DefaultStartupTimeout, "time a kernel may take to start")
	htmlErrors := fs.Bool("html-errors", false, "keep gonb's HTML error reports in the copies (default: plain text)")
	load := fs.Int("load", -1, "keep `N` cores busy with another process while the notebooks run (0: every core), to check that they hold on a loaded machine")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: fearless run [--timeout 60s] [--out DIR] [--json] [--load N] NOTEBOOK_OR_DIR...")
		fmt.Fprintln(fs.Output(), "\nRuns each notebook in a fresh kernel, cell by cell, and writes the executed copy under --out.")
		fmt.Fprintln(fs.Output(), "A cell tagged raises-exception may fail; any other failure makes the exit status 1.")
		fs.PrintDefaults()
	}
	paths, err := parse(fs, args)
	if err != nil {
		return exitFor(err)
	}
	if len(paths) == 0 {
		fs.Usage()
		return 2
	}

	// Progress goes where people look: stdout, unless stdout carries JSON.
	progressTo := stdout
	if *asJSON {
		progressTo = stderr
	}
	display := progress.Display(progress.NewLines(progressTo))
	if f, ok := progressTo.(*os.File); ok {
		display = progress.For(f)
	}
	r := runner.New(runner.Options{
		Kernel: *kernel, Timeout: *timeout, OutputLimit: *limit, OutDir: *out,
		StartupTimeout: *startup, Observer: display, HTMLErrors: *htmlErrors,
	})
	jobs, err := runner.Collect(paths, *out)
	if err != nil {
		display.Close()
		fmt.Fprintf(stderr, "fearless run: %v\n", err)
		return 2
	}
	if len(jobs) == 0 {
		display.Close()
		fmt.Fprintf(stderr, "fearless run: no notebooks (*.ipynb) found in %v\n", paths)
		return 2
	}
	if err := r.Preflight(jobs); err != nil {
		display.Close()
		fmt.Fprintf(stderr, "fearless run: %v\n", err)
		return 2
	}

	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()
	stopLoad := func() error { return nil }
	if *load >= 0 {
		if stopLoad, _, err = startLoad(*load); err != nil {
			display.Close()
			fmt.Fprintf(stderr, "fearless run: %v\n", err)
			return 2
		}
	}
	summary := r.RunJobs(ctx, jobs)
	loadErr := stopLoad()
	display.Close()
	if loadErr != nil {
		fmt.Fprintf(stderr, "fearless run: %v\n", loadErr)
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(summary); err != nil {
			fmt.Fprintf(stderr, "fearless run: %v\n", err)
			return 1
		}
	} else {
		_ = summary.WriteText(stdout, 12)
	}
	switch {
	case ctx.Err() != nil:
		fmt.Fprintln(stderr, "fearless run: interrupted")
		return 130
	case !summary.OK():
		return 1
	}
	return 0
}
