package check_test

import (
	"fmt"
	"sync"
	"time"

	"github.com/fearless-go/fearless/helpers/check"
)

// Count is a learner's answer: n goroutines each add to a shared counter.
func Count(goroutines, each int) int {
	var mu sync.Mutex
	var wg sync.WaitGroup
	total := 0
	for range goroutines {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range each {
				mu.Lock()
				total++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	return total
}

// A check cell. Outside a notebook Done prints the block; in a notebook it
// shows it as HTML and sends the result for the grader. A failed check would
// end the program with exit status 1.
func ExampleExercise() {
	ex := check.Exercise("counter-exact")
	defer ex.Done()
	ex.Equal("one goroutine counts to 1000", 1000, func() any { return Count(1, 1000) })
	ex.Repeat("four goroutines count to 4000, every time", 20, func() error {
		if got := Count(4, 1000); got != 4000 {
			return fmt.Errorf("got %d, want 4000", got)
		}
		return nil
	}, check.Procs(1, 4), check.Points(2))
	ex.Within("it does not deadlock", time.Second, func() { Count(8, 10) })
	// Output:
	// ✓ counter-exact: 4/4 points, all 3 checks passed
	//   ✓ one goroutine counts to 1000  [1/1]
	//   ✓ four goroutines count to 4000, every time  [2/2]
	//   ✓ it does not deadlock  [1/1]
}

// What a learner's stub gives: a calm "not implemented yet", no stack trace.
func ExampleChecks_Result() {
	stub := func() int { panic("not implemented") }
	ex := check.Exercise("stub")
	ex.Equal("counts", 3, func() any { return stub() })
	fmt.Print(check.Text(ex.Result()))
	// Output:
	// ✗ stub: 0/1 points, 1 of 1 check failed
	//   ✗ counts  [0/1]
	//       not implemented yet
}

// A grader reads the result from an output's MIME bundle.
func ExampleDecodeResult() {
	data := map[string]any{
		check.ResultMIME: `{"version":1,"grade_id":"counter-exact","score":1,"max_score":3,"checks":[]}`,
	}
	r, err := check.DecodeResult(data[check.ResultMIME])
	fmt.Println(r.GradeID, r.Score, r.MaxScore, err)
	// Output: counter-exact 1 3 <nil>
}
