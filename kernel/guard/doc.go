// Package guard checks a learner's notebook cells before they run: the
// decisive defence of `fearless grade` and the check `fearless prove` runs
// on reference solutions and wrong answers.
//
// The checks run in the same process as the learner's code, so whatever the
// learner's code can reach, it can tamper with. Go lets the grader know what
// that is before anything runs: Check type-checks the program as gonb will
// build it and resolves every identifier of a learner's cell to its package;
// a package outside the exercise's allow-list (DefaultAllow, extended by the
// instructor's MetaKey) refuses the cell, as do compiler directives, gonb's
// command lines and cgo. DropRedeclared makes the instructor's declarations
// win over a learner's of the same name.
package guard
