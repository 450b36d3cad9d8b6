package echart

import (
	"bytes"
	"encoding/json"
	"regexp"
)

// funcString matches a JSON string that go-echarts marked as a JavaScript
// function: "__f__function(...){...}__f__".
var funcString = regexp.MustCompile(`"__f__((?:[^"\\]|\\.)*?)__f__"`)

// JS encodes v (typically a go-echarts options map) as a JavaScript
// expression: JSON, except that functions marked by opts.FuncOpts become
// code again instead of strings. The result is safe inside a <script>
// element: it contains no "</".
func JS(v any) ([]byte, error) {
	raw, err := json.Marshal(v) // escapes <, > and & in strings
	if err != nil {
		return nil, err
	}
	var bad error
	out := funcString.ReplaceAllFunc(raw, func(m []byte) []byte {
		var code string
		if err := json.Unmarshal(append(append([]byte{'"'}, m[6:len(m)-6]...), '"'), &code); err != nil {
			bad = err
			return m
		}
		return []byte(code)
	})
	if bad != nil {
		return nil, bad
	}
	return bytes.ReplaceAll(out, []byte("</"), []byte(`<\/`)), nil
}
