package notebook

import (
	"encoding/json"
	"fmt"
)

// Notebook is an nbformat 4 notebook.
type Notebook struct {
	NBFormat      int                        // always 4
	NBFormatMinor int                        // 0 to 5; 5 and later need cell ids
	Metadata      map[string]any             // notebook metadata, kept as read
	Cells         []*Cell                    // the cells, in order
	Extra         map[string]json.RawMessage // unknown top-level fields, kept as read
}

// New returns an empty nbformat 4.5 notebook for a kernelspec.
func New(kernelName, displayName, language string) *Notebook {
	return &Notebook{
		NBFormat:      4,
		NBFormatMinor: 5,
		Metadata: map[string]any{
			"kernelspec":    map[string]any{"name": kernelName, "display_name": displayName, "language": language},
			"language_info": map[string]any{"name": language},
		},
	}
}

// KernelName returns metadata.kernelspec.name, or "" when there is none.
func (nb *Notebook) KernelName() string {
	ks, _ := nb.Metadata["kernelspec"].(map[string]any)
	name, _ := ks["name"].(string)
	return name
}

// Add appends a cell (giving it an id when the format needs one) and
// returns it.
func (nb *Notebook) Add(c *Cell) *Cell {
	if c.ID == "" && nb.needsIDs() {
		c.ID = newCellID()
	}
	nb.Cells = append(nb.Cells, c)
	return c
}

// ClearOutputs removes every output and execution count, as a fresh run
// starts.
func (nb *Notebook) ClearOutputs() {
	for _, c := range nb.Cells {
		if c.CellType == Code {
			c.Outputs = []*Output{}
			c.ExecutionCount = nil
		}
	}
}

func (nb *Notebook) needsIDs() bool {
	return nb.NBFormat > 4 || nb.NBFormat == 4 && nb.NBFormatMinor >= 5
}

// Validate checks the structure a notebook reader relies on: nbformat 4,
// known cell types, well-formed outputs.
func (nb *Notebook) Validate() error {
	if nb.NBFormat != 4 {
		return fmt.Errorf("nbformat %d is not supported (only nbformat 4)", nb.NBFormat)
	}
	for i, c := range nb.Cells {
		switch c.CellType {
		case Code, Markdown, Raw:
		default:
			return fmt.Errorf("cell %d: unknown cell_type %q", i, c.CellType)
		}
		for j, o := range c.Outputs {
			switch o.OutputType {
			case Stream:
				if o.Name != "stdout" && o.Name != "stderr" {
					return fmt.Errorf("cell %d output %d: stream name %q is not stdout or stderr", i, j, o.Name)
				}
			case DisplayData, ExecuteResult, Error:
			default:
				return fmt.Errorf("cell %d output %d: unknown output_type %q", i, j, o.OutputType)
			}
		}
	}
	return nil
}
