package install

// Tool is a program the kernel needs, built from a package pinned in go.mod.
type Tool struct {
	Name    string // binary name in the kernel's bin directory
	Package string // package to build, from the module root
	Module  string // module whose version go.mod pins ("" for this module)
}

// Tools are built into the kernel's bin directory by Install: gonb runs the
// cells, goimports is needed for every cell, gopls for completion and
// inspection, and fearless is the launcher the kernelspec starts.
var Tools = []Tool{
	{Name: "gonb", Package: "github.com/janpfeifer/gonb", Module: "github.com/janpfeifer/gonb"},
	{Name: "goimports", Package: "golang.org/x/tools/cmd/goimports", Module: "golang.org/x/tools"},
	{Name: "gopls", Package: "golang.org/x/tools/gopls", Module: "golang.org/x/tools/gopls"},
	{Name: "fearless", Package: "./kernel/cmd/fearless"},
}
