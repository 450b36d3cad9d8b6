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
// Before anything runs, the learner's cells are checked (package guard):
// every identifier resolved to its package, any package outside the
// exercise's allow-list refused, as are compiler directives and gonb's
// command lines; a refused exercise scores 0 and does not run. A learner's
// redeclaration of an instructor's name is dropped.
//
// Only the instructor's check cells score, and only through a result signed
// in this run: the grader hands the kernel a fresh key in its environment
// (check.KeyEnv, never in a program's source), helpers/check takes it out of
// the environment before the learner's code runs and signs each result
// Done sends, and the grader accepts a check cell's result only with that
// key's HMAC. A learner's cell that prints a pass, or code under test that
// sends a result of its own, scores nothing.
//
// The guard knows what code can reach only while the program has no data
// race: racing on an interface or slice variable, code of allowed packages
// can read and write any memory. So every graded cell is built with the race
// detector and stops at its first data race, before such an attack succeeds
// (Options.AllowRaces turns this off, for a class you trust).
//
// Grade writes, per submission, feedback.ipynb and feedback.html (each check,
// its points, why it failed; the compiler's message at the learner's line when
// a solution does not build), Gradescope's results.json and grade.json, and
// for the class gradebook.csv; a re-run grades only submissions that changed.
// WriteAutograder writes Gradescope's autograder bundle.
package grade
