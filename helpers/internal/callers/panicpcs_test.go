package callers_test

import (
	"runtime"
	"strings"
	"testing"

	"github.com/fearless-go/fearless/helpers/internal/callers"
)

func TestPanicPCsFindsTheFirstRaise(t *testing.T) {
	var pcs callers.PCs
	var wantLine int
	func() {
		defer func() { pcs = callers.PanicPCs(); recover() }()
		defer func() {
			if r := recover(); r != nil {
				panic(r) // a re-raise on the way out, as a guard's Unlock does
			}
		}()
		_, _, wantLine, _ = runtime.Caller(0)
		panic("boom")
	}()
	f, _ := runtime.CallersFrames(pcs[:1]).Next()
	if !strings.HasSuffix(f.File, "panicpcs_test.go") || f.Line != wantLine+1 {
		t.Fatalf("first frame after the panic: %s:%d, want line %d", f.File, f.Line, wantLine+1)
	}
}
