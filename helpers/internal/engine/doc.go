// Package engine is the deadlock checker's machinery, shared by the helper
// packages (mutex, rwlock, thread, async) and kept out of the learner's view
// as the standard library keeps sync's internals in internal/sync. The public
// face is helpers/deadlock: Enable, Violations, SetOutput and the report types.
//
// Helpers call the hooks (BeforeWait, AfterWait, BeforeJoin, Acquired,
// Released, ThreadStarted, ThreadExited) only while Enabled reports true.
// A schedule explorer can hook in at the same points.
package engine
