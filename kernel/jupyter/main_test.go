package jupyter

import (
	"testing"

	"github.com/fearless-go/fearless/kernel/internal/testenv"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) {
	// zmq4 v0.17.0's PUB socket never stops its writer goroutine (Close does
	// not close the writer). Only the fake kernel of these tests has a PUB
	// socket; the client itself uses none.
	goleak.VerifyTestMain(testenv.M(m), goleak.IgnoreAnyFunction("github.com/go-zeromq/zmq4.(*pubMWriter).run"))
}
