package runner

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/fearless-go/fearless/helpers/claim"
	"github.com/fearless-go/fearless/kernel/jupyter"
	"github.com/fearless-go/fearless/kernel/notebook"
)

// collector turns a cell's iopub messages into nbformat outputs, the way a
// front end shows them: consecutive writes to the same stream merge,
// clear_output clears, update_display_data updates earlier outputs with the
// same display id. It stops storing output at the limit and calls onLimit
// once.
type collector struct {
	cell     *notebook.Cell
	res      *CellResult
	limit    int
	used     int
	limited  bool
	onLimit  func()
	displays map[string][]*notebook.Output // display id -> outputs, notebook-wide

	clearPending bool
	open         *notebook.Output // the stream output being appended to
	openText     strings.Builder
	stdout       strings.Builder
	stderr       strings.Builder
	inputCount   *int // from execute_input
}

func newCollector(cell *notebook.Cell, res *CellResult, limit int, displays map[string][]*notebook.Output, onLimit func()) *collector {
	return &collector{cell: cell, res: res, limit: limit, displays: displays, onLimit: onLimit}
}

// handle processes one iopub message of the cell.
func (c *collector) handle(m *jupyter.Message) {
	switch m.Type() {
	case "execute_input":
		var in struct {
			ExecutionCount *int `json:"execution_count"`
		}
		if m.Decode(&in) == nil {
			c.inputCount = in.ExecutionCount
		}
	case "stream":
		var s jupyter.Stream
		if m.Decode(&s) == nil {
			c.stream(s)
		}
	case "display_data", "execute_result":
		var d jupyter.DisplayData
		if m.Decode(&d) != nil {
			return
		}
		var count *int
		if m.Type() == "execute_result" {
			count = d.ExecutionCount
			if count == nil {
				count = new(int)
			}
		}
		out := notebook.NewDisplay(d.Data, d.Metadata, count)
		if !c.admit(bundleSize(d.Data)) {
			return
		}
		c.add(out)
		if id := d.DisplayID(); id != "" {
			c.displays[id] = append(c.displays[id], out)
		}
	case "update_display_data":
		var d jupyter.DisplayData
		if m.Decode(&d) != nil {
			return
		}
		for _, out := range c.displays[d.DisplayID()] {
			out.Data, out.Metadata = d.Data, d.Metadata
			if out.Metadata == nil {
				out.Metadata = map[string]any{}
			}
		}
	case "error":
		var e jupyter.Error
		if m.Decode(&e) != nil || c.limited {
			return // after the limit, the error is the interrupt we caused
		}
		c.res.Error = &ErrorInfo{Name: e.Ename, Value: e.Evalue, Traceback: e.Traceback}
		c.add(notebook.NewError(e.Ename, e.Evalue, e.Traceback))
	case "clear_output":
		var co jupyter.ClearOutput
		if m.Decode(&co) != nil {
			return
		}
		if co.Wait {
			c.clearPending = true
		} else {
			c.clear()
		}
	}
}

func (c *collector) stream(s jupyter.Stream) {
	if c.limited {
		return
	}
	text := s.Text
	room := c.limit - c.used
	cut := len(text) > room
	if cut {
		text = cutAt(text, room)
	}
	c.used += len(text)
	if c.clearPending {
		c.clear()
	}
	if c.open == nil || c.open.Name != s.Name {
		c.closeStream()
		c.open = notebook.NewStream(s.Name, "")
		c.cell.Outputs = append(c.cell.Outputs, c.open)
	}
	c.openText.WriteString(text)
	if s.Name == "stderr" {
		c.stderr.WriteString(text)
	} else {
		c.stdout.WriteString(text)
	}
	if cut {
		c.openText.WriteString(fmt.Sprintf("\n… [fearless: output limit of %s reached; the rest was dropped and the cell interrupted]\n", bytesize(c.limit)))
		c.hitLimit()
	}
}

// admit accounts for a non-stream output of n bytes, or refuses it at the
// limit.
func (c *collector) admit(n int) bool {
	if c.limited {
		return false
	}
	if c.used+n > c.limit {
		c.add(notebook.NewStream("stderr", fmt.Sprintf("… [fearless: output limit of %s reached; a %s output was dropped and the cell interrupted]\n", bytesize(c.limit), bytesize(n))))
		c.hitLimit()
		return false
	}
	c.used += n
	return true
}

func (c *collector) hitLimit() {
	c.limited = true
	c.closeStream()
	c.onLimit()
}

// add appends a non-stream output.
func (c *collector) add(out *notebook.Output) {
	if c.clearPending {
		c.clear()
	}
	c.closeStream()
	c.cell.Outputs = append(c.cell.Outputs, out)
}

func (c *collector) clear() {
	c.clearPending = false
	c.closeStream()
	c.cell.Outputs = []*notebook.Output{}
	c.used = 0
}

// closeStream stores the text of the open stream output.
func (c *collector) closeStream() {
	if c.open != nil {
		c.open.Text = c.openText.String()
		c.open = nil
		c.openText = strings.Builder{}
	}
}

// finish stores what is still buffered into the cell and the result.
func (c *collector) finish() {
	c.closeStream()
	c.res.Outputs = c.cell.Outputs
	c.res.Stdout, c.res.Stderr = c.stdout.String(), c.stderr.String()
	c.res.Claims = claim.Scan(c.res.Stdout)
}

// cutAt shortens s to at most n bytes, at a line end when one is near and
// never inside a UTF-8 sequence.
func cutAt(s string, n int) string {
	if n <= 0 {
		return ""
	}
	s = s[:n]
	if i := strings.LastIndexByte(s, '\n'); i >= 0 && i >= n-256 {
		return s[:i+1]
	}
	start := len(s) - 1
	for start > 0 && start > len(s)-utf8.UTFMax && !utf8.RuneStart(s[start]) {
		start--
	}
	if start >= 0 && !utf8.FullRuneInString(s[start:]) {
		s = s[:start]
	}
	return s
}

// bundleSize is the stored size of a MIME bundle: its string values.
func bundleSize(data map[string]any) int {
	n := 0
	for _, v := range data {
		if s, ok := v.(string); ok {
			n += len(s)
		} else {
			n += 64
		}
	}
	return n
}

// bytesize formats a byte count for people.
func bytesize(n int) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}
