package proxy

import (
	"testing"

	"github.com/fearless-go/fearless/kernel/internal/testenv"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) {
	// zmq4 v0.17.0's PUB socket never stops its writer goroutine (Close does
	// not close the writer); the proxy publishes on one.
	goleak.VerifyTestMain(testenv.M(m), goleak.IgnoreAnyFunction("github.com/go-zeromq/zmq4.(*pubMWriter).run"))
}
