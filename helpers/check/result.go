package check

import (
	"encoding/json"
	"errors"
	"fmt"
)

// ResultMIME is the MIME type of the machine-readable result Done sends, one
// per check cell run. Its value is a Result encoded as JSON. In a notebook
// file the value is stored as a JSON string holding that encoding (gonb can
// only send strings); DecodeResult reads either form.
const ResultMIME = "application/vnd.fearless.check+json"

// ResultVersion is the version of the Result format.
const ResultVersion = 1

// Status values of a Check.
const (
	StatusPassed         = "passed"
	StatusFailed         = "failed"          // the check ran and the answer was wrong
	StatusNotImplemented = "not-implemented" // the learner's stub panicked with "not implemented"
	StatusPanicked       = "panicked"        // the learner's code panicked
	StatusTimedOut       = "timed-out"       // the learner's code did not return in time
)

// Result is one check cell's outcome: what Done sends under ResultMIME.
//
// A grader should score a cell by Score, and score 0 a cell whose execution
// ended in error even when its Result says otherwise (a data race reported
// after the last check makes a -race program exit with status 66).
type Result struct {
	Version  int     `json:"version"`
	GradeID  string  `json:"grade_id"`
	Score    float64 `json:"score"`
	MaxScore float64 `json:"max_score"`
	Checks   []Check `json:"checks"`
	// Signature is set when the grader gave the program a key (see KeyEnv).
	Signature string `json:"signature,omitempty"`
}

// Check is the outcome of one check.
type Check struct {
	Name      string  `json:"name"`
	Passed    bool    `json:"passed"`
	Status    string  `json:"status"`  // one of the Status constants
	Message   string  `json:"message"` // why it failed (expected vs got), or a note
	Points    float64 `json:"points"`  // points earned: MaxPoints when passed, else 0
	MaxPoints float64 `json:"max_points"`
}

// Passed reports whether every check passed.
func (r *Result) Passed() bool {
	for _, c := range r.Checks {
		if !c.Passed {
			return false
		}
	}
	return true
}

// Failed returns the checks that did not pass.
func (r *Result) Failed() []Check {
	var out []Check
	for _, c := range r.Checks {
		if !c.Passed {
			out = append(out, c)
		}
	}
	return out
}

// DecodeResult reads a Result from an output's ResultMIME value as found in a
// notebook or a display_data message: a JSON string holding the encoding, the
// encoding as bytes, or an already decoded JSON object (map[string]any).
func DecodeResult(v any) (*Result, error) {
	var raw []byte
	switch v := v.(type) {
	case string:
		raw = []byte(v)
	case []byte:
		raw = v
	case json.RawMessage:
		var s string
		if json.Unmarshal(v, &s) == nil {
			raw = []byte(s)
		} else {
			raw = v
		}
	case map[string]any:
		var err error
		if raw, err = json.Marshal(v); err != nil {
			return nil, err
		}
	case nil:
		return nil, errors.New("check: no result")
	default:
		return nil, fmt.Errorf("check: a result cannot be a %T", v)
	}
	var r Result
	if err := json.Unmarshal(raw, &r); err != nil {
		return nil, fmt.Errorf("check: malformed result: %w", err)
	}
	if r.Version != ResultVersion {
		return nil, fmt.Errorf("check: result version %d, want %d", r.Version, ResultVersion)
	}
	return &r, nil
}
