package where_test

import (
	"fmt"

	"github.com/fearless-go/fearless/helpers/internal/where"
)

// Outside a notebook, a location is the file's base name and line.
func ExampleFormat() {
	fmt.Println(where.Format("/home/me/app/main.go", 34))
	// Output: main.go:34
}
