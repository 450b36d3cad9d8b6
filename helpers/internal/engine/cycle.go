package engine

// blockers returns the goroutines that goroutine w's wait depends on.
func blockers(w wait) []int64 {
	if w.lock == 0 {
		if g, ok := state.threads[w.thread]; ok {
			return []int64{g}
		}
		return nil
	}
	var out []int64
	if ls := state.locks[w.lock]; ls != nil {
		for h := range ls.holders {
			// A shared waiter is only blocked by an exclusive holder.
			if w.mode == Exclusive || ls.mode == Exclusive {
				out = append(out, h)
			}
		}
	}
	if w.mode == Shared {
		// RwLocks prefer writers: a new reader also waits for every writer
		// already waiting, which is how a nested read lock can deadlock.
		for g, other := range state.waits {
			if other.lock == w.lock && other.mode == Exclusive {
				out = append(out, g)
			}
		}
	}
	return out
}

// findCycle looks for a chain of waits from goroutine start back to itself.
// It returns the goroutines in the cycle, start first, or nil.
func findCycle(start int64) []int64 {
	visited := map[int64]bool{}
	var path []int64
	var dfs func(g int64) bool
	dfs = func(g int64) bool {
		w, waiting := state.waits[g]
		if !waiting {
			return false
		}
		path = append(path, g)
		for _, next := range blockers(w) {
			if next == start {
				return true
			}
			if !visited[next] {
				visited[next] = true
				if dfs(next) {
					return true
				}
			}
		}
		path = path[:len(path)-1]
		return false
	}
	if dfs(start) {
		return path
	}
	return nil
}
