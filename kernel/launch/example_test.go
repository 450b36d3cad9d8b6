package launch_test

import (
	"fmt"

	"github.com/fearless-go/fearless/kernel/launch"
)

// What the fearless kernelspec's launcher runs: gonb from the kernel's bin
// directory, with the module root as the notebooks' go.work, the tools and
// Go first on PATH, and FEARLESS_ROOT set.
func ExampleConfig_Command() {
	cfg := launch.Config{
		ConnectionFile: "/run/jupyter/kernel-42.json",
		Root:           "/src/fearless",
		GoRoot:         "/usr/local/go",
		BinDir:         "/home/ada/.local/share/jupyter/kernels/fearless/bin",
	}
	_, argv, env := cfg.Command([]string{"PATH=/usr/bin:/bin", "GOFLAGS=-mod=mod"})
	fmt.Println(argv)
	for _, kv := range env {
		fmt.Println(kv)
	}
	// Output:
	// [/home/ada/.local/share/jupyter/kernels/fearless/bin/gonb --kernel /run/jupyter/kernel-42.json --go_work=/src/fearless]
	// GOFLAGS=-ldflags=-s -tags=osusergo,netgo
	// FEARLESS_REAL_GO=/usr/local/go/bin/go
	// PATH=/home/ada/.local/share/jupyter/kernels/fearless/bin:/usr/local/go/bin:/usr/bin:/bin
	// FEARLESS_ROOT=/src/fearless
}
