package guard

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
)

// GivenKey is the key, in the metadata of a code cell `fearless assign`
// hands out as the instructor's, of its source's digest (GivenDigest).
//
// fearless grade tells the instructor's cells from the ones a learner added
// by comparing a submission with the source notebook. The kernel, which
// has no source notebook, reads this mark instead: in a handout, a code cell
// whose source still has its mark's digest is the instructor's, and one
// without a mark, or edited since, is the learner's. A learner can forge
// the mark; it decides only the warnings shown in JupyterLab, never a grade.
const GivenKey = "fearless_given"

// GivenDigest is the digest GivenKey holds for a cell's source: the first
// 16 bytes of its SHA-256, in hex, with the source trimmed of surrounding
// white space (as fearless grade compares cells).
func GivenDigest(source string) string {
	sum := sha256.Sum256([]byte(strings.TrimSpace(source)))
	return hex.EncodeToString(sum[:16])
}
