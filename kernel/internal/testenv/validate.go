package testenv

import (
	"os/exec"
	"testing"
)

// validateScript reads each notebook with nbformat and validates it against
// the nbformat 4 JSON schema, printing the first problem.
const validateScript = `
import sys, nbformat
for path in sys.argv[1:]:
    nb = nbformat.read(path, as_version=nbformat.NO_CONVERT)
    nbformat.validate(nb)
`

// ValidateNotebooks checks files with the venv's nbformat validator, the
// reference implementation of the notebook format.
func ValidateNotebooks(t testing.TB, paths ...string) {
	t.Helper()
	py := Python(t)
	PythonModule(t, py, "nbformat")
	out, err := exec.Command(py, append([]string{"-c", validateScript}, paths...)...).CombinedOutput()
	if err != nil {
		t.Fatalf("nbformat rejects %v: %v\n%s", paths, err, out)
	}
}
