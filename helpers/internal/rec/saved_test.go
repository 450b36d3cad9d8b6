package rec_test

import (
	"testing"

	"github.com/fearless-go/fearless/helpers/internal/rec"
)

func TestSaveNamesRestore(t *testing.T) {
	kept := rec.NewID(rec.MutexObject)
	rec.LabelID(kept, "kept")
	saved := rec.SaveNames()
	gone := rec.NewID(rec.MutexObject)
	rec.LabelID(gone, "gone")
	mark := rec.Intern("a mark named during the exploration")
	if saved.Grown() < 2 {
		t.Fatalf("Grown %d after two names", saved.Grown())
	}
	saved.Restore()
	if got := rec.ObjectName(kept); got != "kept" {
		t.Errorf("a name given before the save: %q", got)
	}
	if got := rec.ObjectName(gone); got == "gone" {
		t.Errorf("a name given after the save survived Restore")
	}
	if got := rec.ObjectName(mark); got != "a mark named during the exploration" {
		t.Errorf("an interned name was forgotten: %q", got)
	}
}
