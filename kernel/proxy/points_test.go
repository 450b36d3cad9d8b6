package proxy

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/fearless-go/fearless/helpers/check"
	"github.com/fearless-go/fearless/kernel/jupyter"
)

// resultOutput is the display_data helpers/check sends for a result with
// the given checks' earned and possible points.
func resultOutput(t *testing.T, id string, points ...[2]float64) fakeOutput {
	t.Helper()
	r := check.Result{Version: check.ResultVersion, GradeID: id}
	for i, p := range points {
		k := check.Check{Name: "check " + string(rune('a'+i)), Points: p[0], MaxPoints: p[1], Passed: p[0] == p[1], Status: check.StatusPassed}
		if !k.Passed {
			k.Status, k.Message = check.StatusFailed, "wrong"
		}
		r.Checks = append(r.Checks, k)
		r.Score += p[0]
		r.MaxScore += p[1]
	}
	raw, err := json.Marshal(&r)
	if err != nil {
		t.Fatal(err)
	}
	return fakeOutput{"display_data", map[string]any{"data": map[string]any{"text/plain": check.Text(&r), check.ResultMIME: string(raw)},
		"metadata": map[string]any{}, "transient": map[string]any{}}}
}

// stubOutput is the result of a check cell run against the handed-out
// stub: one check hit panic("not implemented"), one passed anyway.
func stubOutput(t *testing.T) fakeOutput {
	t.Helper()
	r := check.Result{Version: check.ResultVersion, GradeID: "stub", Score: 1, MaxScore: 2, Checks: []check.Check{
		{Name: "calls it", Status: check.StatusNotImplemented, Message: "not implemented yet", MaxPoints: 1},
		{Name: "nothing left running", Status: check.StatusPassed, Passed: true, Points: 1, MaxPoints: 1},
	}}
	raw, _ := json.Marshal(&r)
	return fakeOutput{"display_data", map[string]any{"data": map[string]any{check.ResultMIME: string(raw)}, "metadata": map[string]any{}}}
}

func stderr(text string) fakeOutput {
	return fakeOutput{"stream", jupyter.Stream{Name: "stderr", Text: text}}
}

var cellError = fakeOutput{"error", map[string]any{"ename": "ERROR", "evalue": "exit status 1", "traceback": []string{"exit status 1"}}}

// A cell's check results become one execute_result carrying the points
// earned: right after a result with a failed check (before the failure's
// stderr line and error, where nbgrader reads it as partial credit), at the
// end of the cell when every check passed (after anything that failed the
// cell later, so nbgrader scores that 0).
func TestCheckPointsExecuteResult(t *testing.T) {
	f := startFake(t)
	f.outputs = map[string][]fakeOutput{
		"partial": {resultOutput(t, "count", [2]float64{1, 1}, [2]float64{0, 2}, [2]float64{1, 1}),
			stderr("check: count: 1 check failed (2 of 4 points)\n"), cellError},
		"passed": {resultOutput(t, "count", [2]float64{1, 1}, [2]float64{2, 2})},
		"passed, then failed": {resultOutput(t, "count", [2]float64{1, 1}, [2]float64{2, 2}),
			stderr("WARNING: DATA RACE\n"), cellError},
		// Two exercises add up; a second report of one counts with its lower
		// score; nothing after the execute_result changes it.
		"several": {resultOutput(t, "a", [2]float64{1, 1}), resultOutput(t, "b", [2]float64{1.5, 1.5}, [2]float64{0, 0.5}),
			resultOutput(t, "a", [2]float64{0, 1}), stderr("x\n"), cellError},
		// A check that ran the stub makes the result count 0, whatever
		// else passed.
		"stub": {stubOutput(t), stderr("check: stub: 1 check failed (1 of 2 points)\n"), cellError},
		"forged version": {{"display_data", map[string]any{"data": map[string]any{check.ResultMIME: `{"version":99,"score":1,"max_score":1}`},
			"metadata": map[string]any{}}}},
	}
	_, front := startProxy(t, f, "")
	c := dial(t, front)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if _, err := c.WaitReady(ctx); err != nil {
		t.Fatal(err)
	}
	for n, tc := range []struct {
		code, types, text, html string
	}{
		{"partial", "display_data execute_result stream error", "2", "2 of 4 points"},
		{"passed", "display_data", "", ""},                           // all passed: no number
		{"passed, then failed", "display_data stream error", "", ""}, // nbgrader sees the error: 0
		{"several", "display_data display_data execute_result display_data stream error", "2.5", "2.5 of 3 points"},
		{"stub", "display_data execute_result stream error", "0", "0 of 2 points (not implemented yet: a check ran the stub)"},
		{"forged version", "display_data", "", ""},
		{"plain", "", "", ""},
	} {
		res, err := c.Execute(ctx, jupyter.ExecuteRequest{Code: tc.code}, jupyter.ExecuteOptions{})
		if err != nil || !res.Idle {
			t.Fatalf("%s: %v %+v", tc.code, err, res)
		}
		var types []string
		for _, m := range res.Messages {
			types = append(types, m.Type())
		}
		want := strings.Join(strings.Fields("status execute_input stream "+tc.types+" status"), " ")
		if got := strings.Join(types, " "); got != want {
			t.Errorf("%s: iopub %s, want %s", tc.code, got, want)
		}
		for _, m := range res.Messages {
			if m.Type() != "execute_result" {
				continue
			}
			var d jupyter.DisplayData
			if err := m.Decode(&d); err != nil || d.ExecutionCount == nil || *d.ExecutionCount != n+1 ||
				d.Data["text/plain"] != tc.text || !strings.Contains(d.Data["text/html"].(string), ">"+tc.html+"<") {
				t.Errorf("%s: execute_result %s", tc.code, m.Content)
			}
			pts, _ := d.Metadata[CheckPointsKey].(map[string]any)
			if pts == nil || pts["score"] == nil || pts["max_score"] == nil {
				t.Errorf("%s: no %s metadata: %s", tc.code, CheckPointsKey, m.Content)
			}
			if m.ParentID() != res.MsgID {
				t.Errorf("%s: execute_result parent %q, want %q", tc.code, m.ParentID(), res.MsgID)
			}
		}
	}
	r, err := c.Request(ctx, jupyter.Shell, "history_request", map[string]any{"hist_access_type": "range", "session": 0, "start": 1, "stop": 2, "output": true, "raw": true})
	if err != nil || string(r.Content) != `{"history":[[1,1,["partial","2"]]],"status":"ok"}` {
		t.Fatalf("history_reply %s %v", r.Content, err)
	}
}
