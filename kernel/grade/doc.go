// Package grade grades a class: every learner's notebook against the
// instructor's, with feedback a learner can read and scores an instructor can
// trust. It is `fearless grade`.
//
// For each submission, Grade restores what the learner may not change from
// the source notebook — check cells with their hidden checks, read-only and
// declaration cells, in the source's order, whatever was deleted, edited,
// split or moved — keeps what the learner may change (solution cells, by
// nbgrader grade_id, and declaration cells of their own), and runs the cells
// a grade depends on in a fresh kernel of its own, in a sandbox (a working
// directory, HOME and TMPDIR of its own; every process it started killed at
// the end), with a timeout and an output limit per cell.
//
// Only the instructor's check cells score, and only through a result they
// signed in this run: the grader puts check.SignNext(key) before each check
// cell's check.Exercise line, with a fresh key, and accepts a result from
// that cell only with that key's HMAC (helpers/check). A learner's cell that
// prints a pass, or code under test that sends a result of its own, scores
// nothing.
//
// Grade writes, per submission, feedback.ipynb and feedback.html (each check,
// its points, why it failed; the compiler's message at the learner's line when
// a solution does not build), Gradescope's results.json and grade.json, and
// for the class gradebook.csv; a re-run grades only submissions that changed.
// WriteAutograder writes Gradescope's autograder bundle.
package grade
