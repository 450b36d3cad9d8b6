package jupyter

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/fearless-go/fearless/kernel/kernelspec"
)

// A kernel that dies because one of its ports was taken meanwhile is started
// again on new ports, a bounded number of times; any other death is not.
func TestStartRetriesATakenPort(t *testing.T) {
	for _, c := range []struct {
		say  string
		want int // attempts
	}{
		{"listen tcp 127.0.0.1:43307: bind: address already in use", startAttempts},
		{"some other trouble", 1},
	} {
		dir := t.TempDir()
		count := filepath.Join(dir, "attempts")
		spec := &kernelspec.Spec{
			Name: "dies", Dir: dir, Language: "none", DisplayName: "dies",
			Argv: []string{"/bin/sh", "-c", `echo x >> "$0"; echo "$1"; exit 1`, count, c.say},
		}
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		_, err := Start(ctx, spec, StartOptions{StartupTimeout: 20 * time.Second})
		cancel()
		if err == nil || !strings.Contains(err.Error(), c.say) {
			t.Fatalf("%q: Start = %v", c.say, err)
		}
		b, _ := os.ReadFile(count)
		if got := strings.Count(string(b), "x"); got != c.want {
			t.Errorf("%q: %d attempts, want %d", c.say, got, c.want)
		}
	}
}
