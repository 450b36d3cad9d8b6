// Package kernelspec finds, reads and writes Jupyter kernelspecs: the
// kernels/<name>/kernel.json files that tell Jupyter (and this module's
// client) how to start a kernel.
//
// It searches the same directories, in the same order, as Jupyter itself
// (jupyter_core.paths.jupyter_path): $JUPYTER_PATH, the user data directory
// ($JUPYTER_DATA_DIR, else ~/.local/share/jupyter on Linux), the active
// Python environment ($VIRTUAL_ENV or $CONDA_PREFIX + /share/jupyter), then
// /usr/local/share/jupyter and /usr/share/jupyter. The first directory that
// holds kernels/<name>/kernel.json wins.
package kernelspec
