package runner

import (
	"reflect"
	"testing"

	"github.com/fearless-go/fearless/kernel/notebook"
)

// What gonb v0.11.5 sends for a cell `func f() int { return "x" }` (Cell[1],
// line 4), as captured from a real run: with --raw_error (the runner's
// default), an error output; without, an HTML report and an error output
// that only says the build failed.
var (
	rawBuildError  = notebook.NewError("ERROR", "# gonb_5cec894b\n./main.go:8:9: cannot use \"x\" (untyped string constant) as int value in return statement\n", []string{"# gonb_5cec894b", "Cell[1]: Line 4\n)\n\nfunc f() int {\n\treturn \"x\"\n        ^\n}\n\n\ncannot use \"x\" (untyped string constant) as int value in return statement", ""})
	htmlBuildError = []*notebook.Output{
		notebook.NewDisplay(map[string]any{"text/html": "<style>...</style>\n" + "<div class=\"jp-RenderedText\" data-mime-type=\"application/vnd.jupyter.stderr\" style=\"font-family: monospace;\">\n\n<div style=\"white-space: pre-wrap;\"> # gonb_4f50dc8d</div>\n\n<div style=\"white-space: pre-wrap;\"><span class=\"gonb-err-hover-area\"><span class=\"gonb-cell-line-info\">Cell[1]: Line 4</span> <span class=\"gonb-err-location\">./main.go:8:9: </span></span>cannot use \"x\" (untyped string constant) as int value in return statement<div class=\"gonb-err-context\">)\n\nfunc f() int {\n<div class=\"gonb-err-line\">\treturn &#34;x&#34;\n</div>}\n\n</div></div>\n\n<div style=\"white-space: pre-wrap;\"> </div>\n\n</div>\n"}, nil, nil),
		notebook.NewError("ERROR", `failed to run "/usr/local/go/bin/go build -o /tmp/gonb_4f50dc8d/gonb_4f50dc8d": exit status 1`, nil),
	}
)

func TestDiagnoseRawAndHTMLAgree(t *testing.T) {
	want := []Diagnostic{{Cell: 1, Line: 4, Message: `cannot use "x" (untyped string constant) as int value in return statement`}}
	if got := diagnose([]*notebook.Output{rawBuildError}); !reflect.DeepEqual(got, want) {
		t.Errorf("raw: %+v, want %+v", got, want)
	}
	if got := diagnose(htmlBuildError); !reflect.DeepEqual(got, want) {
		t.Errorf("HTML: %+v, want %+v", got, want)
	}
	c := &CellResult{Number: 1, Status: Failed, Diagnostics: want, Error: &ErrorInfo{Name: "ERROR", Value: "# gonb_1\n./main.go:8:9: cannot use"}}
	if got := c.Message(); got != `cell [1] line 4: cannot use "x" (untyped string constant) as int value in return statement` {
		t.Errorf("Message = %q", got)
	}
}

// A message that goes on over indented lines keeps them; a line gonb could
// not place in a cell has no cell; a message may hold '<'.
func TestDiagnoseContinuationsAndUnplacedLines(t *testing.T) {
	raw := notebook.NewError("ERROR", "", []string{
		"# gonb_1",
		"Cell[3]: Line 2\nctx\n\x1b[31mnot enough arguments in call to f\x1b[0m",
		"\thave ()",
		"\twant (<-chan int)",
		"func main() {\n\tflag.Parse()\nmissing return",
		"",
	})
	want := []Diagnostic{
		{Cell: 3, Line: 2, Message: "not enough arguments in call to f\n\thave ()\n\twant (<-chan int)"},
		{Message: "missing return"},
	}
	if got := diagnose([]*notebook.Output{raw}); !reflect.DeepEqual(got, want) {
		t.Fatalf("raw: %q, want %q", got, want)
	}
	h := `<div style="white-space: pre-wrap;"> # gonb_1</div>
<div style="white-space: pre-wrap;"><span class="gonb-err-hover-area"><span class="gonb-cell-line-info">Cell[3]: Line 2</span> <span class="gonb-err-location">./main.go:9:2: </span></span>not enough arguments in call to f<div class="gonb-err-context">ctx</div></div>
<div style="white-space: pre-wrap;"> 	have ()</div>
<div style="white-space: pre-wrap;"> 	want (<-chan int)</div>
<div style="white-space: pre-wrap;"><span class="gonb-err-hover-area"><span class="gonb-err-location">./main.go:20:1: </span></span>missing return<div class="gonb-err-context">x</div></div>`
	if got := diagnose([]*notebook.Output{notebook.NewDisplay(map[string]any{"text/html": h}, nil, nil)}); !reflect.DeepEqual(got, want) {
		t.Fatalf("HTML: %q, want %q", got, want)
	}
	if s := want[0].String(); s != "cell [3] line 2: not enough arguments in call to f\n\thave ()\n\twant (<-chan int)" {
		t.Errorf("String = %q", s)
	}
}

func TestDiagnoseIgnoresOtherOutputs(t *testing.T) {
	outs := []*notebook.Output{
		notebook.NewStream("stderr", "panic: boom\n"),
		notebook.NewDisplay(map[string]any{"text/html": "<b>chart</b>"}, nil, nil),
		notebook.NewError("ERROR", "exit status 2", []string{"exit status 2"}),
	}
	if got := diagnose(outs); got != nil {
		t.Fatalf("diagnose = %+v, want nil", got)
	}
}
