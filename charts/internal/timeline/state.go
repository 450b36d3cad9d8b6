package timeline

// State is what a lane was doing during a span.
type State uint8

// The states, in the order the legend lists them.
const (
	Running     State = iota // not blocked in any helper operation: its own code runs, or waits for a CPU (the scheduler view tells which)
	LockWait                 // waiting to acquire a lock
	Holding                  // holding a lock (drawn as a band under the lane)
	SendBlocked              // blocked sending: the channel was full or nobody took the message yet
	RecvBlocked              // blocked receiving: the channel was empty
	Sleeping                 // in a blocking sleep
	Joining                  // waiting for another thread to finish
	Task                     // running an async task (on a worker lane)
	UserSpan                 // inside a span the user opened with trace.Span (a band over the lane)
	Panicked                 // panicked: unwinding, and dead afterwards
	Finished                 // the thread returned
	stateCount
)

// NumStates is the number of states.
const NumStates = int(stateCount)

var stateInfo = [stateCount]struct{ name, color string }{
	Running:     {"not blocked", "#43a047"},
	LockWait:    {"waiting for lock", "#e53935"},
	Holding:     {"holding lock", "#fb8c00"},
	SendBlocked: {"blocked send", "#8e24aa"},
	RecvBlocked: {"blocked receive", "#3949ab"},
	Sleeping:    {"sleeping", "#90a4ae"},
	Joining:     {"waiting for thread", "#00897b"},
	Task:        {"async task", "#1e88e5"},
	UserSpan:    {"user span", "#fdd835"},
	Panicked:    {"panicked", "#6d0000"},
	Finished:    {"finished", "#b0bec5"},
}

// String returns the state as the legend names it, such as "waiting for lock".
func (s State) String() string {
	if s < stateCount {
		return stateInfo[s].name
	}
	return "unknown"
}

// Color returns the CSS colour the charts use for the state.
func (s State) Color() string {
	if s < stateCount {
		return stateInfo[s].color
	}
	return "#000000"
}

// IsWait reports whether the lane could not make progress in this state.
func (s State) IsWait() bool {
	switch s {
	case LockWait, SendBlocked, RecvBlocked, Sleeping, Joining:
		return true
	}
	return false
}
