package rec_test

import (
	"fmt"

	"github.com/fearless-go/fearless/helpers/internal/rec"
)

// A helper gives its object an id and records an event while recording is on.
func Example() {
	rec.Start()
	id := rec.NewID(rec.MutexObject)
	rec.LabelID(id, "A")
	if rec.Enabled() {
		rec.Emit(rec.Lock, rec.Instant, id, 0, 0)
	}
	c := rec.Stop()
	fmt.Println(c.Events[0].Kind, rec.ObjectName(id), rec.KindOf(id))
	// Output: lock A mutex
}
