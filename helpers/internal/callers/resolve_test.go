package callers_test

import (
	"runtime"
	"strings"
	"testing"

	"github.com/fearless-go/fearless/helpers/internal/callers"
)

// captureHere stands for a helper's caller: it lives in a _test package, so
// Resolve treats it as user code.
//
//go:noinline
func captureHere() (callers.PCs, int) {
	_, _, line, _ := runtime.Caller(0)
	return callers.Capture(), line + 1
}

func TestResolveFindsUserLine(t *testing.T) {
	pcs, line := captureHere()
	site := callers.Resolve(pcs)
	if site.Line != line || !strings.HasSuffix(site.File, "resolve_test.go") || !strings.HasSuffix(site.Func, "captureHere") {
		t.Fatalf("Resolve = %+v, want resolve_test.go:%d in captureHere", site, line)
	}
}
