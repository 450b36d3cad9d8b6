package kernelspec_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/fearless-go/fearless/kernel/kernelspec"
)

// Write a kernelspec into a kernels directory and find it again by name.
func Example() {
	kernels, _ := os.MkdirTemp("", "kernels")
	defer os.RemoveAll(kernels)

	spec := &kernelspec.Spec{
		Argv:          []string{"/opt/fearless/bin/fearless", "kernel", "--connection-file", "{connection_file}"},
		DisplayName:   "Go (Fearless)",
		Language:      "go",
		InterruptMode: "message",
	}
	if err := spec.Write(filepath.Join(kernels, "fearless")); err != nil {
		panic(err)
	}
	found, err := kernelspec.FindIn([]string{kernels}, "fearless")
	if err != nil {
		panic(err)
	}
	fmt.Println(found.Name, "-", found.DisplayName, "- interrupts by message:", found.InterruptsByMessage())
	_, err = kernelspec.FindIn([]string{kernels}, "rust")
	fmt.Println(strings.Replace(err.Error(), kernels, "KERNELS", 1))
	// Output:
	// fearless - Go (Fearless) - interrupts by message: true
	// kernelspec: no kernel named "rust" (looked in KERNELS)
}

// A kernelspec's env may refer to the launching environment, as in
// jupyter_client: $VAR and ${VAR} are replaced, unknown names are kept.
func ExampleSpec_Environ() {
	spec := &kernelspec.Spec{Env: map[string]string{"PATH": "/opt/go/bin:${PATH}"}}
	for _, kv := range spec.Environ([]string{"PATH=/usr/bin", "HOME=/home/ada"}) {
		fmt.Println(kv)
	}
	// Output:
	// PATH=/opt/go/bin:/usr/bin
	// HOME=/home/ada
}
