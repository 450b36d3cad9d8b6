package main

import (
	"context"
	"fmt"
	"io"
	"runtime"
	"runtime/debug"

	"github.com/fearless-go/fearless/kernel/install"
	"github.com/fearless-go/fearless/kernel/kernelspec"
)

func runVersion(_ context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		fmt.Fprintln(stderr, "usage: fearless version")
		if args[0] == "-h" || args[0] == "--help" {
			return 0
		}
		return 2
	}
	version := "(unknown)"
	if info, ok := debug.ReadBuildInfo(); ok {
		version = info.Main.Version
		for _, s := range info.Settings {
			if s.Key == "vcs.revision" {
				version += " " + s.Value
			}
		}
	}
	fmt.Fprintf(stdout, "fearless %s (%s, %s/%s)\n", version, runtime.Version(), runtime.GOOS, runtime.GOARCH)
	spec, err := kernelspec.Find(install.KernelName)
	if err != nil {
		fmt.Fprintln(stdout, "kernel: not installed (run `fearless install`)")
		return 0
	}
	fmt.Fprintf(stdout, "kernel: %q in %s\n", spec.DisplayName, spec.Dir)
	if meta, ok := spec.Metadata["fearless"].(map[string]any); ok {
		if v, ok := meta["versions"].(map[string]any); ok {
			for _, t := range install.Tools {
				if t.Module != "" {
					fmt.Fprintf(stdout, "  %-9s %v\n", t.Name, v[t.Module])
				}
			}
		}
	}
	return 0
}
