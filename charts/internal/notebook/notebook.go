// Package notebook writes minimal Jupyter notebooks (nbformat 4) whose cells
// carry chart outputs, for the browser tests: the same display_data a cell
// gets from charts.Show through GoNB.
package notebook

import (
	"encoding/json"
	"os"
)

// Cell is a code cell with its source and display outputs (MIME bundles).
type Cell struct {
	Source  string
	Outputs []map[string]string
}

// Write writes a notebook holding the cells to path. The kernelspec names
// ipykernel, which the project's venv always has, so opening the notebook
// in JupyterLab starts a kernel without asking.
func Write(path string, cells []Cell) error {
	type output struct {
		OutputType string            `json:"output_type"`
		Data       map[string]string `json:"data"`
		Metadata   map[string]any    `json:"metadata"`
	}
	type cell struct {
		CellType       string         `json:"cell_type"`
		ExecutionCount *int           `json:"execution_count"`
		ID             string         `json:"id"`
		Metadata       map[string]any `json:"metadata"`
		Outputs        []output       `json:"outputs"`
		Source         string         `json:"source"`
	}
	nb := struct {
		Cells         []cell         `json:"cells"`
		Metadata      map[string]any `json:"metadata"`
		NBFormat      int            `json:"nbformat"`
		NBFormatMinor int            `json:"nbformat_minor"`
	}{
		Metadata: map[string]any{
			"kernelspec":    map[string]string{"name": "python3", "display_name": "Python 3", "language": "python"},
			"language_info": map[string]string{"name": "go"},
		},
		NBFormat: 4, NBFormatMinor: 5,
	}
	for i, c := range cells {
		n := i + 1
		x := cell{CellType: "code", ExecutionCount: &n, ID: "cell-" + string(rune('a'+i)), Metadata: map[string]any{}, Source: c.Source}
		for _, o := range c.Outputs {
			x.Outputs = append(x.Outputs, output{OutputType: "display_data", Data: o, Metadata: map[string]any{}})
		}
		if x.Outputs == nil {
			x.Outputs = []output{}
		}
		nb.Cells = append(nb.Cells, x)
	}
	b, err := json.MarshalIndent(nb, "", " ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, b, 0o644)
}
