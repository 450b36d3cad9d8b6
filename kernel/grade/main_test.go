package grade

import (
	"testing"

	"github.com/fearless-go/fearless/kernel/internal/testenv"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(testenv.M(m)) }
