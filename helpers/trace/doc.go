// Package trace is Fearless's recorder: it writes down what every goroutine
// does with the helper packages — spawning and joining threads, waiting for
// and holding locks, sending and receiving messages, sleeping, running async
// tasks — so that a chart can show it as a timeline afterwards.
//
// Recording is off by default in tests and programs, and on by default in a
// notebook cell (GoNB sets GONB_PIPE; FEARLESS_TRACE=0 or 1 overrides both).
// When it is off, a helper pays one atomic load per operation. When it is on,
// an event costs well under 100 ns (see the benchmarks) and goes into a
// bounded buffer: exactly the first Capacity events are kept, from whichever
// goroutines record them; later ones are counted in Recording.Dropped (and
// per goroutine in Recording.DroppedBy) instead of growing memory.
//
// Each event carries a monotonic time since the recording started, the
// goroutine that caused it, what happened (Kind and Phase), the helper object
// involved, a message id that links a send to its receive, and the user's
// source line. Waits (for a lock, a blocked send or receive, a join, a sleep)
// are recorded as a Begin and an End event, so they can be drawn as spans.
//
// User code adds its own spans with Span and points with Mark, names the
// current goroutine's lane with NameGoroutine and a helper object with Label.
// A source line is named as the learner sees it (Site.Where: "cell [5] line
// 12" in a notebook). Code outside the helpers that records a primitive of
// its own uses helpers/trace/primitive; the recorder's machinery lives in
// helpers/internal/rec.
package trace
