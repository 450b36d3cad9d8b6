// Package timeline turns a recording of the helper packages' events
// (helpers/trace) into a timeline: one lane per thread or goroutine (and one
// per async worker), spans coloured by what the lane was doing — running,
// waiting for a lock, holding one, blocked sending or receiving, sleeping,
// joining, running an async task, finished, panicked — point markers for
// spawns, locks, messages and problems, arrows from each send to its
// receive and from each spawn to the thread it started, and the time every
// lane spent in every state.
//
// Build makes the Model from a trace.Recording; Model.Chart turns it into a
// lanes.Chart that the echart and svg packages draw. A wait that never ended
// (a deadlock, a receive nobody answered) lasts until the recording stopped
// and is marked Stuck.
package timeline
