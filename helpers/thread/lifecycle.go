package thread

import (
	"github.com/fearless-go/fearless/helpers/internal/where"
	"github.com/petermattis/goid"

	"github.com/fearless-go/fearless/helpers/internal/callers"
	"github.com/fearless-go/fearless/helpers/internal/engine"
	"github.com/fearless-go/fearless/helpers/internal/hook"
	"github.com/fearless-go/fearless/helpers/internal/rec"
)

// prepare sets up a thread about to be spawned, on the spawning goroutine:
// its id and name, the values moved into it, its scope, the Spawn event.
func (c *core) prepare(opts []Option, scope *Scoped) {
	cfg := config{scope: scope}
	for _, o := range opts {
		if o != nil {
			o(&cfg)
		}
	}
	c.id = rec.NewID(rec.ThreadObject)
	c.name = cfg.name
	c.done.Add(1)
	if c.name != "" {
		rec.LabelID(c.id, c.name)
	}
	if hook.Active() {
		c.site = callers.Capture()
	}
	// Refuse before anything moves, so a refused spawn loses nothing.
	for _, m := range cfg.moves {
		if m == nil {
			panic(where.Refuse("thread: Move called with nil: nothing to move"))
		}
		if !m.Owned() {
			m.MoveInto(c.id) // panics with the reason
		}
	}
	if cfg.scope != nil {
		cfg.scope.add(c)
	}
	for _, m := range cfg.moves {
		c.claims = append(c.claims, m.MoveInto(c.id))
	}
	if rec.Enabled() {
		rec.EmitFrom(c.site, rec.Spawn, rec.Instant, c.id, 0, 0)
	}
	if hook.Flags.Load()&hook.Explore != 0 {
		engine.Spawned(c.id, c.name) // the schedule explorer (helpers/explore) will run it
	}
}

// begin runs first in the new thread.
func (c *core) begin() {
	g := goid.Get()
	c.goid.Store(g)
	if hook.Checking() {
		c.checked = true
		engine.ThreadStarted(c.id)
	}
	addLive(g, c)
	if c.name != "" {
		rec.NameGoroutine(c.name)
	}
	for _, claim := range c.claims {
		claim()
	}
	if rec.Enabled() {
		rec.EmitFrom(c.site, rec.ThreadRun, rec.Begin, c.id, 0, 0)
	}
}

// finish runs last in the thread, deferred: it turns a panic or a Goexit
// into the thread's error, releases what a dying thread still holds, and
// lets joiners go on.
func (c *core) finish(returned *bool) {
	panicked := false
	if !*returned {
		if r := recover(); r != nil {
			panicked = true
			err := Recovered(c.name, r)
			c.err = err
			reportPanic(err)
			engine.Panicked(c.id, r)
			if rec.Enabled() {
				rec.EmitFrom(callers.PanicPCs(), rec.Panic, rec.Instant, c.id, 0, 0)
			}
		} else {
			c.err = ErrGoexit // runtime.Goexit cannot be stopped; it ends the goroutine after this
		}
	}
	if c.checked || hook.Checking() {
		engine.ThreadExited(c.id, panicked) // releases the locks it still holds, poisoned if it panicked
	}
	if rec.Enabled() {
		rec.EmitFrom(c.site, rec.ThreadRun, rec.End, c.id, 0, 0)
	}
	removeLive(c.goid.Load())
	c.finished.Store(true)
	c.done.Done()
	engine.ThreadGone(c.id)
}
