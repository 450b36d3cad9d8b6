// Wrong: shares a plain int between the threads because "each bump is tiny", so updates get lost.
package main

func SafeCount(threads, perThread int) int {
	counter := 0
	handles := make([]*thread.JoinHandle[struct{}], 0, threads)
	for range threads {
		handles = append(handles, thread.Go(func() {
			for range perThread {
				bump(&counter)
			}
		}))
	}
	for _, h := range handles {
		h.Join()
	}
	return counter
}
