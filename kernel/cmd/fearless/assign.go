package main

import (
	"context"
	"flag"
	"fmt"
	"io"

	"github.com/fearless-go/fearless/kernel/exercise"
)

func runAssign(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("fearless assign", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: fearless assign SRC OUT")
		fmt.Fprintln(fs.Output(), "\nWrites the student version of notebooks: each solution region (// BEGIN SOLUTION ... // END SOLUTION)")
		fmt.Fprintln(fs.Output(), "replaced by "+exercise.Stub+", hidden checks (// BEGIN HIDDEN TESTS ...)")
		fmt.Fprintln(fs.Output(), "removed, outputs cleared, exercise cells locked and carrying nbgrader's checksum.")
		fmt.Fprintln(fs.Output(), "SRC is a notebook (OUT: the file, or a directory to put it in) or a directory (OUT: a directory")
		fmt.Fprintln(fs.Output(), "receiving every notebook at the same relative path; testdata/ and hidden directories are skipped).")
		fmt.Fprintln(fs.Output(), "Nothing is written unless every exercise is valid; problems are listed with notebook, cell and line.")
	}
	paths, err := parse(fs, args)
	if err != nil {
		return exitFor(err)
	}
	if len(paths) != 2 {
		fs.Usage()
		return 2
	}
	written, err := exercise.Assign(paths[0], paths[1])
	if err != nil {
		fmt.Fprintf(stderr, "fearless assign: %v\n", err)
		return 1
	}
	for _, w := range written {
		fmt.Fprintln(stdout, w)
	}
	fmt.Fprintf(stdout, "fearless assign: %d student notebook(s) written\n", len(written))
	return 0
}
