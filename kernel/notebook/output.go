package notebook

import "encoding/json"

// Output types.
const (
	Stream        = "stream"
	DisplayData   = "display_data"
	ExecuteResult = "execute_result"
	Error         = "error"
)

// Output is one output of a code cell.
type Output struct {
	OutputType string

	Name string // stream: "stdout" or "stderr"
	Text string // stream: the text, joined

	Data           map[string]any // display_data, execute_result: by MIME type
	Metadata       map[string]any // display_data, execute_result
	ExecutionCount *int           // execute_result

	Ename     string   // error: the error's name
	Evalue    string   // error: its message
	Traceback []string // error: its lines

	Extra map[string]json.RawMessage // unknown fields, kept as read
}

// NewStream returns a stream output.
func NewStream(name, text string) *Output {
	return &Output{OutputType: Stream, Name: name, Text: text}
}

// NewError returns an error output.
func NewError(ename, evalue string, traceback []string) *Output {
	if traceback == nil {
		traceback = []string{}
	}
	return &Output{OutputType: Error, Ename: ename, Evalue: evalue, Traceback: traceback}
}

// NewDisplay returns a display_data output (an execute_result when
// executionCount is not nil).
func NewDisplay(data, metadata map[string]any, executionCount *int) *Output {
	if metadata == nil {
		metadata = map[string]any{}
	}
	t := DisplayData
	if executionCount != nil {
		t = ExecuteResult
	}
	return &Output{OutputType: t, Data: data, Metadata: metadata, ExecutionCount: executionCount}
}
