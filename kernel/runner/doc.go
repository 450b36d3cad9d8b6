// Package runner executes notebooks headlessly through a Jupyter kernel and
// reports, per cell, what happened: outputs, stdout and stderr, the error,
// the compiler's messages placed at the cell's own lines (Diagnostics), the
// time it took. The fearless run command is a thin layer over it.
//
// Every report names a code cell the same way, "cell [3]" (CellResult.Name):
// by its position among the code cells that run, which after a fresh run is
// the number in the cell's prompt.
//
// Each notebook gets a fresh kernel (started from its metadata's kernelspec,
// "fearless" by default) in the notebook's directory, and its code cells run
// in order. A cell that runs longer than the timeout is interrupted, gets an
// error output saying it timed out, and the next cell runs in the same
// kernel. A cell that prints more than the output limit keeps the head of
// its output and a note, is interrupted, and fails with "output limit
// exceeded". A cell tagged raises-exception (nbclient's convention) may fail;
// any other failure fails the notebook. The claims a cell makes
// (helpers/claim: lines of standard output starting with ✓ or ✗) are
// counted per cell (CellResult.Claims) and in the totals; a ✗ fails the
// notebook whatever the cell's tags say. A malformed notebook is reported with
// its path and the JSON error, and the run goes on with the next one.
//
// Executed copies are valid nbformat 4 files with outputs and execution
// counts in place, written under Options.OutDir.
package runner
