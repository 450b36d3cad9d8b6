package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/fearless-go/fearless/kernel/launch"
)

// warmCommand is the hidden subcommand with which the image's install
// script (kernel/docker/install.sh) warms the build cache that learners'
// cells use: see launch.WarmCache.
const warmCommand = "__warm-cache"

func runWarm(ctx context.Context, args []string, stderr io.Writer) int {
	fs := flag.NewFlagSet(warmCommand, flag.ContinueOnError)
	fs.SetOutput(stderr)
	root := fs.String("root", ".", "the fearless checkout whose helpers and charts cells import")
	race := fs.Bool("race", false, "also build them with -race (cells with %goflags -race)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if err := launch.WarmCache(ctx, "go", *root, os.Environ(), *race); err != nil {
		fmt.Fprintln(stderr, "fearless:", err)
		return 1
	}
	return 0
}
