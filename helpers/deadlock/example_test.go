package deadlock_test

import (
	"errors"
	"fmt"

	"github.com/fearless-go/fearless/helpers/deadlock"
	"github.com/fearless-go/fearless/helpers/mutex"
)

// Taking two locks in both orders is reported even when the run happens not
// to hang.
func Example() {
	defer deadlock.Enable(deadlock.Enable(true))
	deadlock.SetOutput(nil) // print it ourselves below
	accounts, audit := mutex.New(0, mutex.Name("accounts")), mutex.New(0, mutex.Name("audit"))

	g1, _ := accounts.Lock()
	g2, _ := audit.Lock()
	g2.Unlock()
	g1.Unlock()

	g2, _ = audit.Lock()
	g1, _ = accounts.Lock() // the other order
	g1.Unlock()
	g2.Unlock()

	for _, v := range deadlock.Violations() {
		fmt.Println("inversion between", v.Locks[0], "and", v.Locks[1])
	}
	// Output: inversion between audit and accounts
}

// Locking a mutex the goroutine already holds would hang forever; with the
// checks on it panics with a *deadlock.Error instead.
func ExampleError() {
	defer deadlock.Enable(deadlock.Enable(true))
	m := mutex.New(0, mutex.Name("settings"))
	g, _ := m.Lock()
	defer g.Unlock()
	defer func() {
		var derr *deadlock.Error
		if err, _ := recover().(error); errors.As(err, &derr) {
			fmt.Println(derr.Cycle[0].Waits)
		}
	}()
	m.Lock()
	// Output: for mutex "settings", which it already holds (locks are not reentrant)
}
