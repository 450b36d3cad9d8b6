package notebook_test

import (
	"path/filepath"
	"testing"

	"github.com/fearless-go/fearless/kernel/internal/testenv"
	"github.com/fearless-go/fearless/kernel/notebook"
)

// A notebook built and written by this package passes nbformat's validator.
func TestWrittenNotebookValidates(t *testing.T) {
	testenv.Integration(t)
	nb := notebook.New("fearless", "Go (Fearless)", "go")
	nb.Add(notebook.NewMarkdown("# Title\nText."))
	c := nb.Add(notebook.NewCode("%%\nfmt.Println(1)").Tag("raises-exception"))
	n := 7
	c.ExecutionCount = &n
	c.Outputs = append(c.Outputs,
		notebook.NewStream("stdout", "1\n2\n"),
		notebook.NewStream("stderr", "warning\n"),
		notebook.NewDisplay(map[string]any{"text/html": "<b>x</b>\n<i>y</i>", "text/plain": "x"}, nil, nil),
		notebook.NewDisplay(map[string]any{"text/plain": "42"}, nil, &n),
		notebook.NewError("Panic", "boom", []string{"panic: boom", "goroutine 1"}),
	)
	nb.Add(notebook.NewCode(""))
	path := filepath.Join(t.TempDir(), "built.ipynb")
	if err := notebook.Write(path, nb); err != nil {
		t.Fatal(err)
	}
	testenv.ValidateNotebooks(t, path, "testdata/minor4.ipynb")
}
