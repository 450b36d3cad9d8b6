package exercise

import (
	"crypto/md5"
	"encoding/hex"
	"math"
	"strconv"
	"strings"

	"github.com/fearless-go/fearless/kernel/notebook"
)

// Checksum is nbgrader's compute_checksum (nbgrader/utils.py, 0.9.6) for a
// cell with nbgrader metadata m: the MD5 of the source, the cell type, the
// grade, solution and locked flags as Python prints booleans (locked as
// nbgrader's is_locked sees it), the grade_id and, for a graded cell, the
// points as Python's str(float(points)).
func Checksum(c *notebook.Cell, m *Meta) string {
	h := md5.New()
	h.Write([]byte(c.Source))
	h.Write([]byte(c.CellType))
	h.Write([]byte(pyBool(m.Grade)))
	h.Write([]byte(pyBool(m.Solution)))
	h.Write([]byte(pyBool(isLocked(m))))
	h.Write([]byte(m.GradeID))
	if m.Grade {
		h.Write([]byte(pyFloat(m.Points)))
	}
	return hex.EncodeToString(h.Sum(nil))
}

// isLocked is nbgrader's utils.is_locked.
func isLocked(m *Meta) bool {
	switch {
	case m.Solution:
		return false
	case m.Grade:
		return true
	}
	return m.Locked
}

func pyBool(b bool) string {
	if b {
		return "True"
	}
	return "False"
}

// pyFloat formats f as Python's str(float): the shortest repr, with ".0"
// for whole numbers, exponent form below 1e-4 and from 1e16 on.
func pyFloat(f float64) string {
	switch {
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	case math.IsNaN(f):
		return "nan"
	}
	if a := math.Abs(f); a != 0 && (a < 1e-4 || a >= 1e16) {
		s := strconv.FormatFloat(f, 'e', -1, 64)
		mant, exp, _ := strings.Cut(s, "e")
		// Go writes e+16 and e-05 as Python does.
		return mant + "e" + exp
	}
	s := strconv.FormatFloat(f, 'f', -1, 64)
	if !strings.ContainsAny(s, ".") {
		s += ".0"
	}
	return s
}
