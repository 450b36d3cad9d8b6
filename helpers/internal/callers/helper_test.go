package callers

import (
	"strings"
	"testing"
)

func TestIsHelper(t *testing.T) {
	for fn, want := range map[string]bool{
		"github.com/fearless-go/fearless/helpers/mutex.(*Mutex[...]).Lock": true,
		"github.com/fearless-go/fearless/helpers/internal/callers.Capture": true,
		"github.com/fearless-go/fearless/helpers/mutex_test.TestX":         false,
		"runtime.goexit":      true,
		"main.main":           false,
		"main.main.func1":     false,
		"github.com/x/y.Lock": false,
	} {
		if got := isHelper(fn); got != want {
			t.Errorf("isHelper(%q) = %v, want %v", fn, got, want)
		}
	}
}

func TestIsHelperFile(t *testing.T) {
	if !strings.HasSuffix(helpersDir, "/helpers/") {
		t.Fatalf("helpersDir = %q", helpersDir)
	}
	for file, want := range map[string]bool{
		helpersDir + "mpsc/receiver.go":      true,
		helpersDir + "mpsc/receiver_test.go": false,
		"/home/me/project/main.go":           false,
	} {
		if got := isHelperFile(file); got != want {
			t.Errorf("isHelperFile(%q) = %v, want %v", file, got, want)
		}
	}
}
