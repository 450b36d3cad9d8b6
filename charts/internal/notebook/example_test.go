package notebook_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"github.com/fearless-go/fearless/charts/internal/notebook"
)

// Write a one-cell notebook whose cell shows a picture and a text.
func ExampleWrite() {
	path := filepath.Join(os.TempDir(), "fearless-example.ipynb")
	defer os.Remove(path)
	err := notebook.Write(path, []notebook.Cell{{
		Source:  "%%\ncharts.Show()",
		Outputs: []map[string]string{{"text/plain": "a chart", "image/svg+xml": "<svg/>"}},
	}})
	if err != nil {
		panic(err)
	}
	b, _ := os.ReadFile(path)
	var nb struct {
		NBFormat int `json:"nbformat"`
		Cells    []struct {
			Outputs []struct {
				OutputType string `json:"output_type"`
			} `json:"outputs"`
		} `json:"cells"`
	}
	_ = json.Unmarshal(b, &nb)
	fmt.Println(nb.NBFormat, nb.Cells[0].Outputs[0].OutputType)
	// Output: 4 display_data
}
