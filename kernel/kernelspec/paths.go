package kernelspec

import (
	"os"
	"path/filepath"
	"runtime"
	"slices"
)

// DataDir returns the user's Jupyter data directory: $JUPYTER_DATA_DIR when
// set, else the platform default (~/.local/share/jupyter on Linux,
// honouring $XDG_DATA_HOME; ~/Library/Jupyter on macOS; %APPDATA%\jupyter
// on Windows).
func DataDir() string {
	if d := os.Getenv("JUPYTER_DATA_DIR"); d != "" {
		return d
	}
	home, _ := os.UserHomeDir()
	switch runtime.GOOS {
	case "darwin":
		return filepath.Join(home, "Library", "Jupyter")
	case "windows":
		if a := os.Getenv("APPDATA"); a != "" {
			return filepath.Join(a, "jupyter")
		}
		return filepath.Join(home, ".jupyter", "data")
	}
	if x := os.Getenv("XDG_DATA_HOME"); x != "" {
		return filepath.Join(x, "jupyter")
	}
	return filepath.Join(home, ".local", "share", "jupyter")
}

// UserKernelsDir is where a --user install puts kernelspecs.
func UserKernelsDir() string { return filepath.Join(DataDir(), "kernels") }

// PrefixKernelsDir is where a --prefix install puts kernelspecs, e.g. a
// virtual environment's share/jupyter/kernels.
func PrefixKernelsDir(prefix string) string {
	return filepath.Join(prefix, "share", "jupyter", "kernels")
}

// SearchPath returns the Jupyter data directories, highest priority first.
func SearchPath() []string {
	var dirs []string
	add := func(d string) {
		if d != "" && !slices.Contains(dirs, filepath.Clean(d)) {
			dirs = append(dirs, filepath.Clean(d))
		}
	}
	for _, d := range filepath.SplitList(os.Getenv("JUPYTER_PATH")) {
		add(d)
	}
	add(DataDir())
	for _, env := range []string{"VIRTUAL_ENV", "CONDA_PREFIX"} {
		if p := os.Getenv(env); p != "" {
			add(filepath.Join(p, "share", "jupyter"))
		}
	}
	if runtime.GOOS != "windows" {
		add("/usr/local/share/jupyter")
		add("/usr/share/jupyter")
	}
	return dirs
}

// KernelDirs returns the kernels/ subdirectory of every data directory in
// SearchPath, highest priority first.
func KernelDirs() []string {
	var dirs []string
	for _, d := range SearchPath() {
		dirs = append(dirs, filepath.Join(d, "kernels"))
	}
	return dirs
}
