package callers

import (
	"runtime"
	"strings"
	"testing"
)

//go:noinline
func captureHere() (PCs, int) {
	_, _, line, _ := runtime.Caller(0)
	return Capture(), line + 1
}

func TestCaptureFindsCaller(t *testing.T) {
	pcs, line := captureHere()
	if pcs[0] == 0 || pcs[1] == 0 {
		t.Fatalf("Capture returned %v, want at least two frames", pcs)
	}
	f, _ := runtime.CallersFrames(pcs[:1]).Next()
	if !strings.HasSuffix(f.Function, "captureHere") || f.Line != line {
		t.Fatalf("innermost frame = %s:%d, want captureHere:%d", f.Function, f.Line, line)
	}
	f, _ = runtime.CallersFrames(pcs[1:2]).Next()
	if !strings.HasSuffix(f.Function, "TestCaptureFindsCaller") {
		t.Fatalf("second frame = %s, want the test function", f.Function)
	}
}

//go:noinline
func both() (got PCs, want []uintptr) {
	want = make([]uintptr, Depth)
	got = Capture()
	runtime.Callers(1, want)
	return got, want
}

//go:noinline
func bothDeeper() (PCs, []uintptr) { return both() }

// bothDeeper2 and bothDeeper3 add frames, so that all Depth frames compared
// below lie in this test's code and testing's, never in runtime.goexit.
//
//go:noinline
func bothDeeper2() (PCs, []uintptr) { return bothDeeper() }

//go:noinline
func bothDeeper3() (PCs, []uintptr) { return bothDeeper2() }

func TestCaptureMatchesRuntimeCallers(t *testing.T) {
	got, want := bothDeeper3()
	// The first return address differs (two different call instructions in
	// the same function); every frame above must be identical.
	for i := 1; i < Depth-1; i++ {
		if got[i] != want[i] {
			t.Fatalf("frame %d: Capture %#x, runtime.Callers %#x", i, got[i], want[i])
		}
	}
}

func BenchmarkCapture(b *testing.B) {
	for b.Loop() {
		_ = Capture()
	}
}

func BenchmarkRuntimeCallers(b *testing.B) {
	var pcs [Depth]uintptr
	for b.Loop() {
		runtime.Callers(2, pcs[:])
	}
}
