package own_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fearless-go/fearless/helpers/internal/where"
)

// In a notebook the move site is named as the cell's line or "main.go line
// N", never "main.go:N" (gonb's stderr parser takes that for a compile error).
func TestMoveSiteIsSafeForGonb(t *testing.T) {
	dir := t.TempDir()
	main := filepath.Join(dir, "main.go")
	if err := os.WriteFile(main, []byte("package main\n\nfunc main() {}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv("GONB_TMP_DIR", dir)
	t.Setenv("FEARLESS_CELLS", "")
	if got := where.Format(main, 3); got != "main.go line 3" || strings.Contains(got, "main.go:") {
		t.Fatalf("got %q", got)
	}
}
