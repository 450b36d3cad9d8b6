package main

import (
	"fmt"
	"testing"
	"time"
)

const sampleLog = `I1129 17:50:01.000000   12345 execcode.go:83] ExecuteCell(): CellIsTest=false, CellIsWasm=false
I1129 17:50:01.010000   12345 execcode.go:101] ExecuteCell: after s.parseLinesAndComposeMain()
I1129 17:50:01.110000   12345 execcode.go:107] ExecuteCell: after s.GoImports()
I1129 17:50:01.410000   12345 execcode.go:120] ExecuteCell: after s.Compile()
I1129 17:50:01.460000   12345 execcode.go:132] PostExecuteCell(): CellIsTest=false
`

func TestParseCell(t *testing.T) {
	s := ParseCell(sampleLog, 500*time.Millisecond)
	want := Split{Cells: 1, Prepare: 10 * time.Millisecond, Imports: 100 * time.Millisecond,
		Build: 300 * time.Millisecond, Run: 50 * time.Millisecond, Other: 40 * time.Millisecond, Wall: 500 * time.Millisecond}
	if s != want {
		t.Errorf("ParseCell = %+v, want %+v", s, want)
	}
}

func TestParseCellThatDidNotBuild(t *testing.T) {
	log := `I1129 17:50:01.000000 1 execcode.go:83] ExecuteCell(): CellIsTest=false, CellIsWasm=false
I1129 17:50:01.010000 1 execcode.go:101] ExecuteCell: after s.parseLinesAndComposeMain()
I1129 17:50:01.110000 1 execcode.go:107] ExecuteCell: after s.GoImports()
I1129 17:50:01.310000 1 execcode.go:132] PostExecuteCell(): CellIsTest=false
`
	s := ParseCell(log, 400*time.Millisecond)
	if s.Build != 200*time.Millisecond || s.Run != 0 || s.Other != 90*time.Millisecond {
		t.Errorf("ParseCell = %+v: want 200ms of build, no run, 90ms other", s)
	}
}

func TestParseCellWithoutLog(t *testing.T) {
	s := ParseCell("not a klog line\n", time.Second)
	if s.Other != time.Second || s.Build != 0 {
		t.Errorf("ParseCell = %+v: want everything in Other", s)
	}
}

func ExampleSplit_Shares() {
	var all Split
	all.Add(ParseCell(sampleLog, 500*time.Millisecond))
	fmt.Println(all.Shares())
	// Output: 0.5 s in all: prepare 2%, goimports 20%, build 60%, run 10%, other 8%; 0.50 s a cell
}
