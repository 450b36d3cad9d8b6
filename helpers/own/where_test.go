package own_test

import (
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/fearless-go/fearless/helpers/internal/testutil"
	"github.com/fearless-go/fearless/helpers/own"
	"github.com/fearless-go/fearless/helpers/thread"
)

// In a notebook the move site is named as the cell's line, or "main.go line
// N" — never "main.go:N", which gonb's stderr parser takes for a compile
// error. Here this test file plays gonb's generated file.
func TestMoveSiteIsSafeForGonb(t *testing.T) {
	_, file, _, _ := runtime.Caller(0)
	t.Setenv("GONB_TMP_DIR", filepath.Dir(file))
	t.Setenv("FEARLESS_CELLS", "")
	v := own.New(1)
	h := thread.Spawn(func() int { return v.Get() }, thread.Move(v))
	h.Join()
	msg := testutil.MustPanic(t, func() { v.Get() })
	if !strings.Contains(msg, "moved into thread") || !strings.Contains(msg, "where_test.go line ") || strings.Contains(msg, "where_test.go:") {
		t.Fatalf("panic %q", msg)
	}
}
