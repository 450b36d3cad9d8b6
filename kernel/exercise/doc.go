// Package exercise reads, checks, hands out and proves the exercises of
// Fearless notebooks.
//
// An exercise is two cells in nbgrader's format (cell metadata "nbgrader",
// schema_version 3):
//
//   - the solution cell (solution: true, grade: false, locked: false) with
//     grade_id X: what the learner writes, the reference solution between
//     "// BEGIN SOLUTION" and "// END SOLUTION" lines;
//   - the check cell (grade: true, solution: false, locked: true, points)
//     with grade_id "X-check" (a second one "X-check-2", ...; nbgrader wants
//     every grade_id once): it calls check.Exercise("X") from
//     helpers/check; hidden checks sit between "// BEGIN HIDDEN TESTS" and
//     "// END HIDDEN TESTS".
//
// Read finds a notebook's exercises; Validate reports what is malformed,
// with the notebook, cell and line. Assign makes the student version (what
// `fearless assign` writes): solutions replaced by Stub, hidden checks
// removed, outputs cleared, exercise cells carrying nbgrader's checksum, as
// nbgrader's own generate_assignment does.
//
// Wrong answers are kept beside the notebook, in
// testdata/wrong/<notebook stem>/<X>/<name>.go: each file is the whole
// source of solution cell X as a learner might get it wrong, starting with a
// "// Wrong: <why>" line. Prove runs, for every exercise, the reference
// solution (it must score full marks), each wrong answer (each must fail at
// least one check) and the student version (it must fail calmly: "not
// implemented yet", no stack trace), running only the cells the exercise
// needs; that is `fearless prove`. With ProveOptions.Mutants (`fearless
// prove --mutants`), every applicable mutant of each reference solution
// (see Mutants) must fail a check too; a solution cell declares the ones
// that do not apply, with the reason, in its metadata (MutantsKey).
package exercise
