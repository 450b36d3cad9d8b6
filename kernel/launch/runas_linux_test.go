package launch

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

func TestParseRunAs(t *testing.T) {
	spec := RunAsSpec{UID: 1056964609, GID: 1056964609, Home: "/tmp/s/user", Root: "/tmp/s"}
	got, err := ParseRunAs(spec.String())
	if err != nil || got != spec {
		t.Fatalf("ParseRunAs(%q) = %+v, %v", spec.String(), got, err)
	}
	for _, bad := range []string{"", "0:0:/a:/b", "x:1:/a:/b", "1:1:rel:/b", "1:1:/a"} {
		if _, err := ParseRunAs(bad); err == nil {
			t.Errorf("ParseRunAs(%q) accepted", bad)
		}
	}
}

func TestBuiltBinary(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"build", "-o", "/t/x"}, "/t/x"},
		{[]string{"test", "-c", "-o=/t/y"}, "/t/y"},
		{[]string{"build", "-race", "-o", "/t/z", "."}, "/t/z"},
		{[]string{"get"}, ""},
		{[]string{"list", "-o", "/t/x"}, ""},
		{[]string{"build", "."}, ""},
	} {
		if got := builtBinary(c.args); got != c.want {
			t.Errorf("builtBinary(%q) = %q, want %q", c.args, got, c.want)
		}
	}
}

// The copy that the user's folder receives never follows a link the user
// planted there: the link is replaced, its target untouched.
func TestCopyFileReplacesPlantedLink(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("RunAs is Linux only")
	}
	dir := t.TempDir()
	from, target, to := filepath.Join(dir, "cells.json"), filepath.Join(dir, "precious"), filepath.Join(dir, "copy")
	if err := os.WriteFile(from, []byte("cells"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(target, []byte("precious"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(target, to); err != nil {
		t.Fatal(err)
	}
	if err := copyFile(from, to, RunAsSpec{UID: os.Getuid(), GID: os.Getgid()}); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(target); string(b) != "precious" {
		t.Errorf("the link's target was written: %q", b)
	}
	if st, err := os.Lstat(to); err != nil || !st.Mode().IsRegular() {
		t.Errorf("the copy is not a regular file: %v %v", st.Mode(), err)
	}
	if b, _ := os.ReadFile(to); string(b) != "cells" {
		t.Errorf("the copy holds %q", b)
	}
}
