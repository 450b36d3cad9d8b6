package async

import (
	"sync"

	"github.com/fearless-go/fearless/helpers/internal/rec"
)

// group is the inside of one Join: its branches are polled within the
// calling task, so they share that task's one worker. The task lends its
// worker to the group; one branch at a time holds it, and an await point in
// a branch passes it to the next ready branch (Rust: join! polling its
// futures in turn). When no branch is ready, the worker goes back to where
// the task got it from; when a branch becomes ready again, the group asks
// for a worker there, as a task that was woken. Once every branch has
// finished, the worker goes straight back to the task, which goes on.
//
// So a blocking call in a branch holds the task's worker and stalls every
// other branch, however many workers the executor has.
type group struct {
	owner  *task
	parent slots // where the owner gets workers from
	mu     sync.Mutex
	held   bool // the group holds a worker of parent: w
	busy   bool // a branch holds it
	w      int
	asked  bool     // the group waits in parent's queue
	ready  []waiter // branches waiting for the worker, in the order they asked
	left   int      // branches not finished
	lock   uint64   // the deadlock checker's name for the worker the branches share, once asked
}

// lockID returns the id under which the deadlock checker sees the worker
// the branches share, as a lock: made when first asked, by a branch.
func (g *group) lockID() uint64 {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.lock == 0 {
		g.lock = rec.NewID(rec.ExecutorObject)
		rec.LabelID(g.lock, "the worker shared by the Join in "+rec.ObjectName(g.owner.id))
	}
	return g.lock
}

// newGroup makes the group of a Join with n branches, holding the worker w
// that the owner lends it, busy until the owner has scheduled every branch
// and calls handOff(w): then the first branch runs.
func newGroup(owner *task, w, n int) *group {
	return &group{owner: owner, parent: owner.sched, held: true, busy: true, w: w, left: n}
}

// schedule gives branch x the worker if the group holds it and no branch
// does, or queues x, asking parent for a worker if the group holds none.
func (g *group) schedule(x waiter) {
	g.mu.Lock()
	if g.held && !g.busy {
		g.busy = true
		w := g.w
		g.mu.Unlock()
		x.give(w)
		g.owner.ex.changed()
		return
	}
	g.ready = append(g.ready, x)
	ask := !g.held && !g.asked
	g.asked = g.asked || ask
	g.mu.Unlock()
	if ask {
		g.parent.schedule(g)
	}
}

// give receives the worker parent handed to the group.
func (g *group) give(w int) {
	g.mu.Lock()
	g.asked = false
	g.held, g.w = true, w
	g.next()
}

// handOff takes back the worker from the branch that held it.
func (g *group) handOff(w int) {
	g.mu.Lock()
	g.busy = false
	g.next()
}

// next passes the held worker on, with g.mu locked, and unlocks: to the
// branch that has waited longest; to the owner once every branch has
// finished; else back to parent.
func (g *group) next() {
	w := g.w
	if len(g.ready) > 0 {
		x := g.ready[0]
		g.ready[0] = nil
		g.ready = g.ready[1:]
		g.busy = true
		g.mu.Unlock()
		x.give(w)
		g.owner.ex.changed()
		return
	}
	g.held = false
	done := g.left == 0
	g.mu.Unlock()
	if done {
		g.owner.give(w)
		g.owner.ex.changed()
		return
	}
	g.parent.handOff(w)
}

// unqueue takes branch x out of the queue, and the group out of parent's
// queue if no other branch waits.
func (g *group) unqueue(x waiter) bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	found := remove(&g.ready, x)
	if found && len(g.ready) == 0 && g.asked && g.parent.unqueue(g) {
		g.asked = false // else parent hands the group a worker, and next passes it on
	}
	return found
}

// finished counts a branch that has ended; it is called before the branch
// gives back the worker, if it holds it, so that the last one hands it to
// the owner. If the last branch ends holding none (it panicked or was
// cancelled while waiting), the owner asks parent for one, as a woken task.
func (g *group) finished() {
	g.mu.Lock()
	g.left--
	last := g.left == 0 && !g.held
	g.mu.Unlock()
	if last {
		g.parent.schedule(g.owner)
	}
}
