package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"

	"github.com/fearless-go/fearless/kernel/install"
	"github.com/fearless-go/fearless/kernel/kernelspec"
)

func runInstall(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("fearless install", flag.ContinueOnError)
	fs.SetOutput(stderr)
	user := fs.Bool("user", false, "install into the user's Jupyter data directory ($JUPYTER_DATA_DIR, else ~/.local/share/jupyter); the default")
	prefix := fs.String("prefix", "", "install into `DIR`/share/jupyter/kernels (e.g. a virtual environment)")
	root := fs.String("root", "", "checkout of the fearless module the kernel serves (default: the one containing the current directory)")
	check := fs.Bool("check", false, "install nothing; report what is missing and how to fix it")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: fearless install [--user | --prefix DIR] [--root DIR] [--check]")
		fmt.Fprintln(fs.Output(), "\nBuilds gonb, goimports and gopls at the versions pinned in go.mod, copies them into the")
		fmt.Fprintln(fs.Output(), "kernelspec directory and registers the \"fearless\" kernel (\"Go (Fearless)\"). Safe to re-run.")
		fs.PrintDefaults()
	}
	pos, err := parse(fs, args)
	if err != nil {
		return exitFor(err)
	}
	if len(pos) > 0 || (*user && *prefix != "") {
		fmt.Fprintln(stderr, "fearless install: takes no arguments, and --user and --prefix exclude each other")
		return 2
	}
	opts := install.Options{Root: *root, Log: stdout}
	switch {
	case *prefix != "":
		opts.KernelsDir = kernelspec.PrefixKernelsDir(*prefix)
	case *user:
		opts.KernelsDir = kernelspec.UserKernelsDir()
	}
	if *check {
		report := install.Check(ctx, opts)
		_, _ = report.WriteTo(stdout)
		if !report.OK() {
			return 1
		}
		return 0
	}
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt)
	defer stop()
	if _, err := install.Install(ctx, opts); err != nil {
		fmt.Fprintf(stderr, "fearless install: %v\n", err)
		return 1
	}
	return 0
}
