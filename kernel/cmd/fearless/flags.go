package main

import (
	"errors"
	"flag"
)

// parse parses flags that may come before, between or after the positional
// arguments (fearless run dir --timeout 5s), and returns the positionals.
// It returns flag.ErrHelp for -h.
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		if rest[0] == "--" {
			return append(pos, rest[1:]...), nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

// exitFor maps a flag parsing error to an exit status: 0 for -h, 2 else.
func exitFor(err error) int {
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	return 2
}
