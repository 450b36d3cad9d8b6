package kernelspec

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// NotFoundError says that no kernelspec of a name exists in the searched
// directories.
type NotFoundError struct {
	Name     string
	Searched []string
}

// Error says which kernel is missing and where it was looked for.
func (e *NotFoundError) Error() string {
	return fmt.Sprintf("kernelspec: no kernel named %q (looked in %s)", e.Name, strings.Join(e.Searched, ", "))
}

// Find returns the kernelspec called name from the first directory of
// KernelDirs that has one.
func Find(name string) (*Spec, error) {
	return FindIn(KernelDirs(), name)
}

// FindIn is Find over an explicit list of kernels/ directories.
func FindIn(kernelDirs []string, name string) (*Spec, error) {
	for _, d := range kernelDirs {
		dir := filepath.Join(d, name)
		if _, err := os.Stat(filepath.Join(dir, FileName)); err == nil {
			return Load(dir)
		}
	}
	return nil, &NotFoundError{Name: name, Searched: kernelDirs}
}

// List returns every kernelspec found, by name; a name in an earlier
// directory hides the same name in later ones. Unreadable specs are skipped.
func List() map[string]*Spec {
	specs := map[string]*Spec{}
	for _, d := range KernelDirs() {
		entries, err := os.ReadDir(d)
		if err != nil {
			continue
		}
		for _, e := range entries {
			if _, seen := specs[e.Name()]; seen || !e.IsDir() {
				continue
			}
			if s, err := Load(filepath.Join(d, e.Name())); err == nil {
				specs[e.Name()] = s
			}
		}
	}
	return specs
}

// Names returns the sorted names of List.
func Names() []string {
	var names []string
	for n := range List() {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}
