package exercise

import (
	"encoding/json"
	"fmt"

	"github.com/fearless-go/fearless/kernel/notebook"
)

// SchemaVersion is the nbgrader cell metadata version this package reads
// and writes.
const SchemaVersion = 3

// Meta is a cell's nbgrader metadata.
type Meta struct {
	Grade, Solution, Locked, Task bool
	GradeID                       string
	Points                        float64 // meaningful when HasPoints
	HasPoints                     bool
	SchemaVersion                 int
	Checksum                      string // set in a student version
	CellType                      string // set in a student version
}

// Role is what a cell is in an exercise.
type Role int

// Roles.
const (
	Plain    Role = iota // no nbgrader metadata, or none of grade/solution/locked
	Solution             // the learner writes it
	Check                // checks the solution, graded
	ReadOnly             // locked, not graded
	Invalid              // a combination of flags Fearless does not use
)

// String names the role ("solution", "check", ...).
func (r Role) String() string {
	return [...]string{"plain", "solution", "check", "read-only", "invalid"}[r]
}

// Role returns what the flags make of the cell.
func (m *Meta) Role() Role {
	switch {
	case m == nil || !m.Grade && !m.Solution && !m.Locked:
		return Plain
	case m.Solution && !m.Grade && !m.Locked:
		return Solution
	case m.Grade && !m.Solution && m.Locked:
		return Check
	case m.Locked && !m.Grade && !m.Solution:
		return ReadOnly
	}
	return Invalid
}

// MetaOf reads a cell's nbgrader metadata: nil when it has none, an error
// when it is there but malformed (wrong types, missing required flags).
func MetaOf(c *notebook.Cell) (*Meta, error) {
	raw, ok := c.Metadata["nbgrader"]
	if !ok {
		return nil, nil
	}
	obj, ok := raw.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("nbgrader metadata is a %s, want an object", jsonType(raw))
	}
	m := &Meta{}
	flag := func(key string, dst *bool, required bool) error {
		v, ok := obj[key]
		if !ok {
			if required {
				return fmt.Errorf("nbgrader metadata has no %q", key)
			}
			return nil
		}
		b, ok := v.(bool)
		if !ok {
			return fmt.Errorf("nbgrader %q is %v, want true or false", key, v)
		}
		*dst = b
		return nil
	}
	for _, f := range []struct {
		key      string
		dst      *bool
		required bool
	}{{"grade", &m.Grade, true}, {"solution", &m.Solution, true}, {"locked", &m.Locked, true}, {"task", &m.Task, false}} {
		if err := flag(f.key, f.dst, f.required); err != nil {
			return nil, err
		}
	}
	v, ok := obj["schema_version"]
	if !ok {
		return nil, fmt.Errorf("nbgrader metadata has no \"schema_version\"")
	}
	sv, ok := toFloat(v)
	if !ok || sv != float64(int(sv)) {
		return nil, fmt.Errorf("nbgrader schema_version is %v, want 3", v)
	}
	m.SchemaVersion = int(sv)
	if v, ok := obj["grade_id"]; ok {
		if m.GradeID, ok = v.(string); !ok {
			return nil, fmt.Errorf("nbgrader grade_id is %v, want a string", v)
		}
	}
	if v, ok := obj["points"]; ok {
		if m.Points, m.HasPoints = toFloat(v); !m.HasPoints {
			return nil, fmt.Errorf("nbgrader points is %v, want a number", v)
		}
	}
	m.Checksum, _ = obj["checksum"].(string)
	m.CellType, _ = obj["cell_type"].(string)
	return m, nil
}

func toFloat(v any) (float64, bool) {
	switch v := v.(type) {
	case json.Number:
		f, err := v.Float64()
		return f, err == nil
	case float64:
		return v, true
	case int:
		return float64(v), true
	}
	return 0, false
}

func jsonType(v any) string {
	switch v.(type) {
	case string:
		return "string"
	case []any:
		return "list"
	case nil:
		return "null"
	case bool:
		return "boolean"
	}
	if _, ok := toFloat(v); ok {
		return "number"
	}
	return fmt.Sprintf("%T", v)
}

// Allowed returns the packages an exercise allows its learner's code to use
// on top of guard.DefaultAllow: the list under guard.MetaKey
// ("fearless_allow") in the nbgrader metadata of the instructor's solution
// cell. Read it from the instructor's notebook only.
func Allowed(c *notebook.Cell) []string {
	obj, _ := c.Metadata["nbgrader"].(map[string]any)
	list, _ := obj["fearless_allow"].([]any)
	var out []string
	for _, v := range list {
		if s, ok := v.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

// allowProblem says what is wrong with a cell's "fearless_allow" list: it
// must be a list of import paths, on a solution cell.
func allowProblem(c *notebook.Cell, role Role) string {
	obj, _ := c.Metadata["nbgrader"].(map[string]any)
	v, ok := obj["fearless_allow"]
	if !ok {
		return ""
	}
	if role != Solution {
		return "nbgrader fearless_allow is read on a solution cell only"
	}
	list, ok := v.([]any)
	if !ok {
		return fmt.Sprintf("nbgrader fearless_allow is a %s, want a list of import paths", jsonType(v))
	}
	for _, x := range list {
		if s, ok := x.(string); !ok || s == "" {
			return fmt.Sprintf("nbgrader fearless_allow holds %v, want import paths", x)
		}
	}
	return ""
}
