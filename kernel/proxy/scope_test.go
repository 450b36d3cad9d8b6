package proxy

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/fearless-go/fearless/kernel/jupyter"
)

func TestScopedCommands(t *testing.T) {
	for _, c := range []struct {
		code string
		want string
	}{
		{"%%\nfmt.Println(1)", "goflags=false env=[] cd=false"},
		{"%goflags -race\n%%\nx := 1", "goflags=true env=[] cd=false"},
		{"%goflags", "goflags=false env=[] cd=false"}, // only prints them
		{"//gonb:%goflags -race", "goflags=true env=[] cd=false"},
		{"%env A=1\n%env B 2\n%env A=3\n%cd /tmp", "goflags=false env=[A B] cd=true"},
		{"%env \"C\" x\n%goflags \\\n-race", "goflags=true env=[C] cd=false"},
		{"  %goflags -race\nfmt.Println(\"%goflags -race\")", "goflags=false env=[] cd=false"}, // gonb needs % first
		{"%cd", "goflags=false env=[] cd=false"},
		{"!export A=1", "goflags=false env=[] cd=false"}, // a shell of its own: gonb keeps nothing
	} {
		got := scopedCommands(c.code)
		if s := fmtTouched(got); s != c.want {
			t.Errorf("%q: %s, want %s", c.code, s, c.want)
		}
	}
}

func fmtTouched(t touched) string {
	return "goflags=" + map[bool]string{true: "true", false: "false"}[t.goflags] + " env=" + fmtList(t.env) +
		" cd=" + map[bool]string{true: "true", false: "false"}[t.cd]
}

func TestRestoreCode(t *testing.T) {
	cs := CellScope{Env: []string{"A=one", "B=with \"quotes\" and \\", "A=two"}, Dir: "/home/ada/my notebooks"}
	got := cs.restoreCode(touched{goflags: true, env: []string{"A", "B", "UNSET"}, cd: true})
	want := "%goflags \"\"\n%env A \"two\"\n%env B \"with \\\"quotes\\\" and \\\\\"\n%env UNSET \"\"\n%cd \"/home/ada/my notebooks\"\n"
	if got != want {
		t.Errorf("restore code:\n%s\nwant:\n%s", got, want)
	}
	if got := (&CellScope{}).restoreCode(touched{cd: true}); got != "" {
		t.Errorf("no directory known: %q, want nothing", got)
	}
}

// A cell that sets %goflags and %env is followed, on the kernel's shell
// socket and before the next cell, by a silent cell that sets them back;
// Jupyter sees none of its messages, and the next cell's count follows on.
func TestCellScopeThroughProxy(t *testing.T) {
	f := startFake(t)
	front, err := jupyter.NewConnectionInfo()
	if err != nil {
		t.Fatal(err)
	}
	front.Key = f.info.Key
	p, err := Start(context.Background(), Options{Front: front, Back: f.info, Log: testLog{t},
		CellScope: &CellScope{Env: []string{"FEARLESS_TRACE=1"}, Dir: "/work"}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.Close() })
	c := dial(t, front)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if _, err := c.WaitReady(ctx); err != nil {
		t.Fatal(err)
	}
	cells := []string{"%goflags -race\n%env FEARLESS_TRACE=0\n%%\nx", "%%\ny", "%%\nz"}
	var counts []int
	for _, code := range cells {
		res, err := c.Execute(ctx, jupyter.ExecuteRequest{Code: code}, jupyter.ExecuteOptions{})
		if err != nil || !res.Idle || res.Reply.Status != "ok" {
			t.Fatalf("execute %q: %v %+v", code, err, res)
		}
		var types []string
		for _, m := range res.Messages {
			types = append(types, m.Type())
			var s jupyter.Stream
			if m.Type() == "stream" && m.Decode(&s) == nil && s.Text != "ran: "+code+"\n" {
				t.Errorf("cell %q got another cell's output: %q", code, s.Text)
			}
		}
		if got := fmtList(types); got != "[status execute_input stream status]" {
			t.Errorf("%q: iopub %s", code, got)
		}
		counts = append(counts, res.Reply.ExecutionCount)
	}
	f.mu.Lock()
	codes := slices.Clone(f.codes)
	f.mu.Unlock()
	restore := "%goflags \"\"\n%env FEARLESS_TRACE \"1\"\n"
	if want := []string{cells[0], restore, cells[1], cells[2]}; !slices.Equal(codes, want) {
		t.Fatalf("the kernel ran %q,\nwant %q", codes, want)
	}
	// The fake counts every execute; gonb does not count a silent one.
	if counts[1] != counts[0]+2 || counts[2] != counts[1]+1 {
		t.Errorf("execution counts %v", counts)
	}
	p.scope.mu.Lock()
	defer p.scope.mu.Unlock()
	if len(p.scope.pending) != 0 {
		t.Errorf("restoring cells never finished: %+v", p.scope.pending)
	}
	if strings.Contains(fmtList(codes), "%cd") {
		t.Errorf("no cell ran %%cd, yet it was restored")
	}
}
