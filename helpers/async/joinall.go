package async

// JoinAll awaits every handle, in order, and returns their results in the
// same order with the first error among them, in argument order (Rust:
// futures::future::try_join_all over JoinHandles, or a tokio::task::JoinSet
// drained to the end). It is how spawned tasks run in parallel and are
// collected: Spawn each future, then JoinAll the handles. Unlike
// try_join_all it waits for every handle before it returns, even after an
// error, as errgroup.Group.Wait does, so no task is left un-awaited; the
// result of a failed handle is T's zero value.
//
// JoinAll gives up the current task's worker while it waits. It panics
// outside a task, on a nil handle and on a handle awaited before.
func JoinAll[T any](hs ...*Handle[T]) ([]T, error) {
	mustCurrent("JoinAll")
	out := make([]T, len(hs))
	var first error
	for i, h := range hs {
		v, err := h.Await()
		out[i] = v
		if err != nil && first == nil {
			first = err
		}
	}
	return out, first
}
