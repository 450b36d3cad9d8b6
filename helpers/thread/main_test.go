package thread_test

import (
	"testing"

	"go.uber.org/goleak"

	"github.com/fearless-go/fearless/helpers/thread"
)

// mainThread is Current() on the main goroutine: tests run on others.
var mainThread thread.Thread

func TestMain(m *testing.M) {
	mainThread = thread.Current()
	goleak.VerifyTestMain(m)
}
