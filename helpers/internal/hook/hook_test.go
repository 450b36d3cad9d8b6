package hook

import "testing"

func TestSetReportsPreviousAndKeepsOtherBits(t *testing.T) {
	defer Flags.Store(Flags.Load())
	Flags.Store(0)
	if was := Set(Record, true); was {
		t.Fatal("Record reported on before it was set")
	}
	if !Recording() || Checking() || !Active() {
		t.Fatalf("after Set(Record): flags = %b", Flags.Load())
	}
	Set(Check, true)
	if was := Set(Record, false); !was {
		t.Fatal("Record reported off while it was on")
	}
	if Recording() || !Checking() || !Active() {
		t.Fatalf("after clearing Record: flags = %b", Flags.Load())
	}
	Set(Check, false)
	if Active() {
		t.Fatal("still active with no bits set")
	}
}
