#include "textflag.h"

// func framePointer() uintptr
// A NOFRAME leaf leaves R29 alone, so R29 is still Capture's frame pointer.
TEXT ·framePointer(SB),NOSPLIT|NOFRAME,$0-8
	MOVD	R29, ret+0(FP)
	RET

// func readWord(a uintptr) uintptr
TEXT ·readWord(SB),NOSPLIT|NOFRAME,$0-16
	MOVD	a+0(FP), R0
	MOVD	(R0), R0
	MOVD	R0, ret+8(FP)
	RET
