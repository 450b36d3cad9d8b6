package jupyter

import (
	"strings"
	"testing"

	"github.com/fearless-go/fearless/kernel/internal/testenv"
)

// The installed fearless kernel (gonb behind the launcher), offline.
func TestGonbKernel(t *testing.T) {
	spec := testenv.Kernel(t)
	k, ctx := startKernel(t, spec, testenv.Offline...)
	c := k.Client()
	if k.Info().Language() != "go" || k.Info().Implementation != "gonb" {
		t.Fatalf("kernel_info: %+v", k.Info())
	}
	if err := c.Heartbeat(ctx); err != nil {
		t.Fatal(err)
	}

	// First cell of a fresh kernel, no network: this module's packages import.
	res, err := c.Execute(ctx, ExecuteRequest{Code: "import \"github.com/fearless-go/fearless/helpers/trace\"\n%%\nfmt.Println(\"recording:\", trace.Enabled())\nfmt.Println(os.Getenv(\"FEARLESS_ROOT\") != \"\")"}, ExecuteOptions{})
	if err != nil {
		t.Fatal(err)
	}
	o := collect(t, res.Messages)
	if res.Reply.Status != "ok" || o.stdout != "recording: true\ntrue\n" {
		t.Fatalf("first cell: reply %+v, stdout %q, stderr %q, errors %+v", res.Reply, o.stdout, o.stderr, o.errors)
	}

	res, err = c.Execute(ctx, ExecuteRequest{Code: "%%\nfmt.Fprintln(os.Stderr, \"to stderr\")\npanic(\"on purpose\")"}, ExecuteOptions{})
	if err != nil {
		t.Fatal(err)
	}
	o = collect(t, res.Messages)
	if res.Reply.Status != "error" || len(o.errors) != 1 || !strings.Contains(o.stderr, "to stderr") || !strings.Contains(o.stderr, "panic: on purpose") {
		t.Fatalf("panicking cell: reply %+v, stderr %q, errors %+v", res.Reply, o.stderr, o.errors)
	}
}

func TestGonbInterruptByMessage(t *testing.T) {
	spec := testenv.Kernel(t)
	if !spec.InterruptsByMessage() {
		t.Fatalf("the fearless kernelspec must interrupt by message, has %q", spec.InterruptMode)
	}
	k, ctx := startKernel(t, spec, testenv.Offline...)
	interruptLoop(t, k, ctx, "%%\nfmt.Println(\"looping\")\nfor {\n}", "%%\nfmt.Println(\"after\")")
}

func TestGonbComplete(t *testing.T) {
	k, ctx := startKernel(t, testenv.Kernel(t), testenv.Offline...)
	code := "import \"strings\"\n\n%%\nstrings.ToUp"
	reply, err := k.Client().Complete(ctx, code, len([]rune(code)))
	if err != nil {
		t.Fatal(err)
	}
	if reply.Status != "ok" || !contains(reply.Matches, "ToUpper") && !contains(reply.Matches, "strings.ToUpper") {
		t.Fatalf("complete_reply from gopls: %+v", reply)
	}
}
