package proxy_test

import (
	"maps"
	"strings"
	"testing"

	"github.com/fearless-go/fearless/kernel/internal/testenv"
	"github.com/fearless-go/fearless/kernel/jupyter"
	"github.com/fearless-go/fearless/kernel/notebook"
	"github.com/fearless-go/fearless/kernel/proxy"
)

// The learner's JupyterLab, through the real kernel: the cells of a small
// nbgrader notebook go as JupyterLab 4 sends them (the cell's metadata,
// cellId, deletedCells). A solution using os gets the grader's refusal in
// its own output and in its check cell's; once the solution is clean,
// neither shows it; a cell of no exercise never does.
func TestGonbPresubmit(t *testing.T) {
	nb, err := notebook.Read("testdata/presubmit.ipynb")
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]*notebook.Cell{}
	for _, c := range nb.Cells {
		byID[c.ID] = c
	}
	k, ctx := startKernel(t, testenv.Offline...)
	exec := func(id, code string) (stdout, stderr string) {
		t.Helper()
		meta := maps.Clone(byID[id].Metadata)
		meta["cellId"], meta["deletedCells"], meta["recordTiming"] = id, []string{}, false
		res, err := k.Client().Execute(ctx, jupyter.ExecuteRequest{Code: code}, jupyter.ExecuteOptions{Metadata: meta})
		if err != nil {
			t.Fatalf("%v (kernel log:\n%s)", err, k.Log())
		}
		var out, errs strings.Builder
		for _, m := range res.Messages {
			var s jupyter.Stream
			if m.Type() == "stream" && m.Decode(&s) == nil {
				if s.Name == "stderr" {
					errs.WriteString(s.Text)
				} else {
					out.WriteString(s.Text)
				}
			}
		}
		return out.String(), errs.String()
	}
	const refused = proxy.PresubmitPrefix + "answer: line 3: your code uses package os, which this exercise does not allow\n"
	exec("decl", byID["decl"].Source)
	if _, stderr := exec("sol", "// Answer returns the answer.\nfunc Answer() int {\n\treturn len(os.Args[:1]) + Base + 1\n}"); stderr != refused {
		t.Errorf("solution using os: stderr %q, want %q", stderr, refused)
	}
	if stdout, stderr := exec("chk", byID["chk"].Source); stdout != "answer: 42\n" || stderr != refused {
		t.Errorf("its check: stdout %q, stderr %q, want the answer and %q", stdout, stderr, refused)
	}
	if stdout, stderr := exec("demo", byID["demo"].Source); stderr != "" || stdout == "" {
		t.Errorf("a cell of no exercise: stdout %q, stderr %q", stdout, stderr)
	}
	if _, stderr := exec("sol", "// Answer returns the answer.\nfunc Answer() int {\n\treturn Base + 2\n}"); stderr != "" {
		t.Errorf("clean solution: stderr %q", stderr)
	}
	if stdout, stderr := exec("chk", byID["chk"].Source); stdout != "answer: 42\n" || stderr != "" {
		t.Errorf("check of the clean solution: stdout %q, stderr %q", stdout, stderr)
	}
}
