package async

import (
	"errors"
	"fmt"
)

// Messages for misuse that Rust would refuse. Each names the Rust rule.
const (
	msgOutside = "async: %s called outside an async task (Rust rejects this at compile time: `await` is only allowed inside `async` functions and blocks); " +
		"call it inside a future run by async.BlockOn"
	msgSpawnOutside = "async: Spawn called outside an async task (tokio::spawn panics the same way: it must be called from the context of a runtime); " +
		"call it inside a future run by async.BlockOn"
	msgSpawnBlockingOutside = "async: SpawnBlocking called outside an async task (tokio's spawn_blocking panics the same way: it must be called from the context of a runtime); " +
		"call it inside a future run by async.BlockOn"
	msgNestedBlockOn = "async: BlockOn called inside an async task: it would hold this task's worker until the inner future finished " +
		"(tokio panics here too: \"Cannot start a runtime from within a runtime\"); use .Await or async.Spawn instead"
	msgAwaitedTwice = "async: future awaited twice (Rust rejects this at compile time: .await consumes the future)"
	msgHandleTwice  = "async: handle awaited twice (Rust rejects this at compile time: .await consumes the JoinHandle)"
	msgOwnHandle    = "async: a task awaits its own handle, so it would wait forever for itself to finish"
	msgNilFuture    = "async: %s of a nil *Future (a future comes from async.New)"
	msgNilHandle    = "async: Await on a nil or zero Handle (a handle comes from async.Spawn)"
)

// ErrCancelled is what Handle.Await returns for a task that never finished
// because its executor shut down first: BlockOn's root future returned while
// the task was still pending, and Rust drops such tasks too
// (tokio: JoinError::Cancelled).
var ErrCancelled = errors.New("async: task cancelled: BlockOn's root future finished while this task was still pending")

// errGoexit is the error of a task whose code called runtime.Goexit itself.
var errGoexit = errors.New("async: the task's code called runtime.Goexit (as testing's t.Fatal and t.FailNow do) before it finished")

// use is what consumed a future.
type use uint32

const (
	unused use = iota
	useAwait
	useSpawn
	useJoin
	useBlockOn
)

var useNames = [...]struct{ goName, rustName string }{
	useAwait:   {"Await", ".await"},
	useSpawn:   {"Spawn", "spawn"},
	useJoin:    {"Join", "join!"},
	useBlockOn: {"BlockOn", "block_on"},
}

// consumedMsg says that a future consumed by first was used again by again.
func consumedMsg(first, again use) string {
	if first == useAwait && again == useAwait {
		return msgAwaitedTwice
	}
	return fmt.Sprintf("async: future given to %s after %s consumed it (Rust rejects this at compile time: use of moved value; %s takes the future by value)",
		useNames[again].goName, useNames[first].goName, useNames[first].rustName)
}
