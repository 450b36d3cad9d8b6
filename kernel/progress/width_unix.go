//go:build unix

package progress

import (
	"os"

	"golang.org/x/sys/unix"
)

// width returns the terminal's width in columns (80 when unknown).
func width(f *os.File) int {
	ws, err := unix.IoctlGetWinsize(int(f.Fd()), unix.TIOCGWINSZ)
	if err != nil || ws.Col == 0 {
		return 80
	}
	return int(ws.Col)
}
