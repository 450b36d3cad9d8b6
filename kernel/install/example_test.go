package install_test

import (
	"context"
	"fmt"
	"os"

	"github.com/fearless-go/fearless/kernel/install"
)

// Install the kernel from this checkout into the user's Jupyter data
// directory, then check it. (Not run by go test: it builds gonb and gopls.)
func Example() {
	ctx := context.Background()
	res, err := install.Install(ctx, install.Options{Log: os.Stdout})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("kernelspec in", res.Spec.Dir)
	install.Check(ctx, install.Options{}).WriteTo(os.Stdout)
}

// The tools the kernel is built from, all pinned in go.mod.
func ExampleTools() {
	for _, t := range install.Tools {
		fmt.Println(t.Name, t.Package)
	}
	// Output:
	// gonb github.com/janpfeifer/gonb
	// goimports golang.org/x/tools/cmd/goimports
	// gopls golang.org/x/tools/gopls
	// fearless ./kernel/cmd/fearless
}
