package runner

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"os"

	"github.com/fearless-go/fearless/helpers/claim"
	"github.com/fearless-go/fearless/kernel/kernelspec"
)

func sampleSummary() *Summary {
	three := 3
	return &Summary{Duration: 12340 * time.Millisecond, Notebooks: []*NotebookResult{
		{Path: "nb/01.ipynb", Output: "out/nb/01.ipynb", Kernel: "fearless", Duration: 2 * time.Second, Cells: []*CellResult{
			{Index: 1, Number: 1, Status: OK, ExecutionCount: &three},
			{Index: 2, Number: 2, Status: Failed, Allowed: true, Stderr: "panic: on purpose\n\ngoroutine 1", Error: &ErrorInfo{Name: "ERROR", Value: "exit status 2"}},
			{Index: 4, Number: 3, Status: TimedOut, Note: "timed out after 1m0s; the cell was interrupted"},
		}},
		{Path: "nb/02.ipynb", Err: errors.New("nb/02.ipynb:3:4: invalid JSON: unexpected end")},
		{Path: "nb/03.ipynb", Output: "out/nb/03.ipynb", Kernel: "fearless", Cells: []*CellResult{
			{Index: 0, Number: 1, Status: Failed, Error: &ErrorInfo{Name: "ERROR", Value: "# gonb_1\n./main.go:10:1: undefined: x\n"},
				Diagnostics: []Diagnostic{{Cell: 1, Line: 2, Message: "undefined: x"}}},
			{Index: 1, Number: 2, Status: NotRun},
		}},
	}}
}

func TestTotalsAndProblems(t *testing.T) {
	s := sampleSummary()
	tot := s.Totals()
	want := Totals{Notebooks: 3, FailedNotebooks: 3, Cells: 5, Passed: 1, Failed: 2, ExpectedErrors: 1, NotRun: 1}
	if tot != want {
		t.Fatalf("totals %+v, want %+v", tot, want)
	}
	if s.OK() {
		t.Fatal("a failing run is OK")
	}
	p := s.Problems()
	if len(p) != 3 || p[0] != "nb/01.ipynb cell [3]: timeout: timed out after 1m0s; the cell was interrupted" ||
		p[2] != "nb/03.ipynb cell [1]: error: cell [1] line 2: undefined: x" {
		t.Fatalf("problems %q", p)
	}
}

func TestMessagePicksTheTellingLine(t *testing.T) {
	for _, tc := range []struct {
		c    CellResult
		want string
	}{
		{CellResult{Status: Failed, Stderr: "started\npanic: boom\n\ngoroutine 1 [running]:", Error: &ErrorInfo{Name: "ERROR", Value: "exit status 2"}}, "panic: boom (exit status 2)"},
		{CellResult{Status: Failed, Stderr: "fatal error: all goroutines are asleep - deadlock!\n", Error: &ErrorInfo{Name: "ERROR", Value: "exit status 2"}}, "fatal error: all goroutines are asleep - deadlock! (exit status 2)"},
		{CellResult{Status: Failed, Error: &ErrorInfo{Name: "ZeroDivisionError", Value: "division by zero"}}, "ZeroDivisionError: division by zero"},
		{CellResult{Status: Failed, Error: &ErrorInfo{Name: "ERROR", Value: "failed to run \"go get\": exit status 1\n\ngo: module x: not found\n"}}, "go: module x: not found"},
		{CellResult{Status: OutputLimit, Note: "output limit exceeded"}, "output limit exceeded"},
		{CellResult{Status: OK}, ""},
	} {
		if got := tc.c.Message(); got != tc.want {
			t.Errorf("Message() = %q, want %q", got, tc.want)
		}
	}
}

func TestSummaryJSON(t *testing.T) {
	b, err := json.Marshal(sampleSummary())
	if err != nil {
		t.Fatal(err)
	}
	var back struct {
		OK        bool    `json:"ok"`
		Totals    Totals  `json:"totals"`
		Seconds   float64 `json:"duration_seconds"`
		Notebooks []struct {
			Path   string `json:"path"`
			Failed bool   `json:"failed"`
			Error  string `json:"error"`
			Cells  []struct {
				Index   int    `json:"index"`
				Status  Status `json:"status"`
				Failed  bool   `json:"failed"`
				Message string `json:"message"`
			} `json:"cells"`
		} `json:"notebooks"`
	}
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if back.OK || back.Totals.Cells != 5 || back.Seconds != 12.34 || len(back.Notebooks) != 3 ||
		back.Notebooks[1].Error == "" || back.Notebooks[0].Cells[1].Failed || !back.Notebooks[0].Cells[2].Failed ||
		back.Notebooks[0].Cells[1].Message != "panic: on purpose (exit status 2)" {
		t.Fatalf("JSON summary: %s", b)
	}
}

func TestWriteTextFitsOneScreen(t *testing.T) {
	s := sampleSummary()
	for range 30 {
		s.Notebooks = append(s.Notebooks, &NotebookResult{Path: "nb/x.ipynb", Err: errors.New(strings.Repeat("long ", 100))})
	}
	var b strings.Builder
	if err := s.WriteText(&b, 12); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(b.String()), "\n")
	if len(lines) > 24 || !strings.Contains(b.String(), "… and 21 more") {
		t.Fatalf("%d lines:\n%s", len(lines), b.String())
	}
	for _, l := range lines {
		if len([]rune(l)) > 210 {
			t.Fatalf("line too long (%d): %s", len(l), l)
		}
	}
}

func TestPreflightNamesTheFix(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	touch(t, "a.ipynb")
	os.WriteFile("a.ipynb", []byte(`{"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": []}`), 0o644)
	r := New(Options{FindSpec: func(name string) (*kernelspec.Spec, error) {
		return nil, &kernelspec.NotFoundError{Name: name, Searched: []string{"/nowhere"}}
	}})
	err := r.Preflight([]Job{{Path: "a.ipynb"}, {Path: "missing-is-reported-later.ipynb"}})
	if err == nil || !strings.Contains(err.Error(), "run `fearless install`") {
		t.Fatalf("Preflight: %v", err)
	}
}

// A ✗ claim fails its notebook even in a cell that may fail; ✓ claims are
// counted and reported.
func TestClaimsAreCountedAndAFailedOneFails(t *testing.T) {
	s := &Summary{Notebooks: []*NotebookResult{
		{Path: "ok.ipynb", Cells: []*CellResult{
			{Number: 1, Status: OK, Claims: claim.Scan("✓ one\n✓ two\n")},
		}},
		{Path: "allowed.ipynb", Cells: []*CellResult{
			{Number: 1, Status: Failed, Allowed: true, Claims: claim.Scan("✗ the count is exact — got 3, want 4\n"), Error: &ErrorInfo{Name: "ERROR", Value: "exit status 2"}},
		}},
		{Path: "exit0.ipynb", Cells: []*CellResult{
			{Number: 1, Status: OK, Claims: claim.Scan("✓ a\n✗ b\n")},
		}},
	}}
	tot := s.Totals()
	if tot.Claims != 5 || tot.ClaimsFailed != 2 || tot.FailedNotebooks != 2 {
		t.Fatalf("totals %+v", tot)
	}
	p := s.Problems()
	if len(p) != 2 || p[0] != "allowed.ipynb cell [1]: error: claim failed: the count is exact — got 3, want 4" ||
		p[1] != "exit0.ipynb cell [1]: ok: claim failed: b" {
		t.Fatalf("problems %q", p)
	}
	var b strings.Builder
	s.WriteText(&b, 10)
	if !strings.Contains(b.String(), "claims     5: 3 held, 2 failed") {
		t.Fatalf("summary:\n%s", b.String())
	}
	raw, _ := json.Marshal(s)
	if !strings.Contains(string(raw), `"claims":[{"statement":"one","ok":true},{"statement":"two","ok":true}]`) ||
		!strings.Contains(string(raw), `"claims_failed":2`) {
		t.Fatalf("json %s", raw)
	}
}
