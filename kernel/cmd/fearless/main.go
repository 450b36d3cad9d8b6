// Command fearless installs the Fearless Go kernel for Jupyter and runs
// notebooks without a browser.
//
//	fearless install [--user | --prefix DIR] [--root DIR] [--check]
//	fearless run [--timeout 60s] [--out DIR] [--json] NOTEBOOK_OR_DIR...
//	fearless assign SRC OUT
//	fearless prove [--jobs 2] [NOTEBOOK_OR_DIR...]
//	fearless grade --source SRC --submissions SUBS --out OUT [--timeout 30s] [--jobs N] [--json]
//	fearless kernel --connection-file FILE --root DIR   (started by Jupyter)
//	fearless version
//	fearless help [COMMAND]
package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/fearless-go/fearless/kernel/launch"
)

// command is one subcommand. Adding one (grade, lab, ...) is adding a line
// to commands and a file with its run function.
type command struct {
	name    string
	summary string
	run     func(ctx context.Context, args []string, stdout, stderr io.Writer) int
}

var commands []command

func init() {
	commands = []command{
		{"install", "build the tools and register the \"fearless\" Jupyter kernel (--check: say what is missing)", runInstall},
		{"run", "execute notebooks headlessly and write executed copies", runRun},
		{"assign", "write the student version of notebooks (solutions stubbed, hidden checks removed)", runAssign},
		{"grade", "grade a class's submissions: feedback, gradebook.csv, Gradescope results (and autograder bundle)", runGrade},
		{"prove", "prove every exercise: reference passes, wrong answers fail, student version fails calmly", runProve},
		{"kernel", "run gonb behind the fearless protocol layer (what the kernelspec runs)", runKernel},
		{"version", "print versions", runVersion},
		{"help", "explain a command", runHelp},
	}
}

func main() {
	if shim := launch.ShimName(os.Args[0]); shim != "" { // the kernel's bin/shim/* link here
		os.Exit(launch.RunShim(shim, os.Args[1:]))
	}
	os.Exit(dispatch(context.Background(), os.Args[1:], os.Stdout, os.Stderr))
}

// dispatch runs the subcommand named by args[0] and returns the exit status.
func dispatch(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		usage(stderr)
		return 2
	}
	switch args[0] {
	case "-h", "-help", "--help":
		usage(stdout)
		return 0
	case busyCommand: // not listed: started by `fearless run --load`
		return runBusy(args[1:], os.Stdin)
	case warmCommand: // not listed: run by the image's install script
		return runWarm(ctx, args[1:], stderr)
	case launch.RunAsCommand: // not listed: how a graded cell's program starts (fearless grade as root)
		if len(args) < 2 {
			fmt.Fprintf(stderr, "fearless %s: no program\n", launch.RunAsCommand)
			return 2
		}
		err := launch.RunAs(args[1], args[2:]) // returns only on failure
		fmt.Fprintf(stderr, "fearless: %v\n", err)
		return 1
	}
	for _, c := range commands {
		if c.name == args[0] {
			return c.run(ctx, args[1:], stdout, stderr)
		}
	}
	fmt.Fprintf(stderr, "fearless: unknown command %q\n\n", args[0])
	usage(stderr)
	return 2
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "fearless: the Fearless Go kernel for Jupyter, and a headless notebook runner")
	fmt.Fprintln(w, "\nusage: fearless COMMAND [flags] [args]\n\ncommands:")
	for _, c := range commands {
		fmt.Fprintf(w, "  %-8s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nRun `fearless help COMMAND` for a command's flags.")
}

func runHelp(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		usage(stdout)
		return 0
	}
	for _, c := range commands {
		if c.name == args[0] && c.name != "help" {
			return c.run(ctx, []string{"-h"}, stdout, stdout)
		}
	}
	fmt.Fprintf(stderr, "fearless help: unknown command %q\n", args[0])
	return 2
}
