package guard_test

import (
	"fmt"

	"github.com/fearless-go/fearless/kernel/guard"
)

// A learner's solution cell, checked with the instructor's cells around it
// as gonb will build them: os is not on the exercise's list.
func ExampleCheck() {
	cells := []guard.Cell{
		{Source: "import \"fmt\"\n\nfunc helper() int { return 1 }"},
		{Source: "func Count() int {\n\tos.Exit(0)\n\treturn helper()\n}", Learner: true},
		{Source: "%%\nfmt.Println(Count())"},
	}
	for _, p := range guard.Check(cells) {
		fmt.Printf("cell %d: %s\n", p.Cell, p)
	}
	// Output:
	// cell 1: line 2: your code uses package os, which this exercise does not allow
}

// The instructor's declarations win: a learner's helper of the same name is
// dropped, its lines left empty.
func ExampleDropRedeclared() {
	cells := []guard.Cell{
		{Source: "func helper() int { return 1 }"},
		{Source: "func helper() int { return 99 }\n\nfunc Count() int { return helper() }", Learner: true},
	}
	out, dropped := guard.DropRedeclared(cells)
	fmt.Printf("%q\n%+v\n", out[1], dropped)
	// Output:
	// "\n\nfunc Count() int { return helper() }"
	// [{Cell:1 Line:1 Name:helper}]
}
