package proxy_test

import (
	"fmt"

	"github.com/fearless-go/fearless/kernel/proxy"
)

// What the kernel answers `jupyter console` when Enter is pressed: run the
// code, or wait for another line (indented by the open brackets).
func ExampleIsComplete() {
	for _, code := range []string{
		"%%\nfmt.Println(1)",
		"func add(a, b int) int {",
		"total := 1 +",
		"fmt.Println(1))",
	} {
		status, indent := proxy.IsComplete(code)
		fmt.Printf("%-10s %q\n", status, indent)
	}
	// Output:
	// complete   ""
	// incomplete "\t"
	// incomplete "\t"
	// invalid    ""
}
