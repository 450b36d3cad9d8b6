package main

import (
	"context"
	"flag"
	"fmt"
	"io"

	"github.com/fearless-go/fearless/kernel/launch"
	"github.com/fearless-go/fearless/kernel/proxy"
)

func runKernel(_ context.Context, args []string, _, stderr io.Writer) int {
	cfg, err := launch.Parse(args, stderr)
	if err != nil {
		if err == flag.ErrHelp {
			return 0
		}
		fmt.Fprintln(stderr, err)
		return 2
	}
	if err := proxy.RunGonb(cfg); err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	return 0
}
