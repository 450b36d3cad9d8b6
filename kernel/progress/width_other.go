//go:build !unix

package progress

import "os"

func width(*os.File) int { return 80 }
