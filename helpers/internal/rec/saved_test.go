package rec_test

import (
	"fmt"
	"testing"

	"github.com/fearless-go/fearless/helpers/internal/rec"
)

func TestSaveNamesRestore(t *testing.T) {
	kept := rec.NewID(rec.MutexObject)
	rec.LabelID(kept, "kept")
	saved := rec.SaveNames()
	gone := rec.NewID(rec.MutexObject)
	rec.LabelID(gone, "gone")
	markName := fmt.Sprintf("a mark named during exploration %d", gone) // new on every run (-count)
	mark := rec.Intern(markName)
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
	if got := rec.ObjectName(mark); got != markName {
		t.Errorf("an interned name was forgotten: %q", got)
	}
}
