package docker_test

import (
	"fmt"
	"strings"

	"github.com/fearless-go/fearless/kernel/docker"
)

// The image runs the script as root with its defaults; a test runs it in a
// temporary directory instead.
func ExampleCommand() {
	cmd := docker.Command("/src/fearless", docker.Options{Prefix: "/tmp/x/opt", Python: "/tmp/x/venv/bin/python"})
	fmt.Println(strings.Join(cmd.Args, " "))
	for _, kv := range cmd.Env[len(cmd.Env)-2:] {
		fmt.Println(kv)
	}
	// Output:
	// bash /src/fearless/kernel/docker/install.sh
	// FEARLESS_PREFIX=/tmp/x/opt
	// PYTHON=/tmp/x/venv/bin/python
}
