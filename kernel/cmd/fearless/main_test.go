package main

import (
	"os"
	"testing"

	"github.com/fearless-go/fearless/kernel/internal/testenv"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) {
	switch {
	case len(os.Args) > 1 && os.Args[1] == busyCommand: // the load process of startLoad
		os.Exit(runBusy(os.Args[2:], os.Stdin))
	case os.Getenv(loadParentEnv) == "1": // a parent that dies with its load running
		loadParent()
	}
	goleak.VerifyTestMain(testenv.M(m))
}
