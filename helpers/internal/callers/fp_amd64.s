#include "textflag.h"

// func framePointer() uintptr
// A NOFRAME leaf leaves BP alone, so BP is still Capture's frame pointer.
TEXT ·framePointer(SB),NOSPLIT|NOFRAME,$0-8
	MOVQ	BP, ret+0(FP)
	RET

// func readWord(a uintptr) uintptr
TEXT ·readWord(SB),NOSPLIT|NOFRAME,$0-16
	MOVQ	a+0(FP), AX
	MOVQ	(AX), AX
	MOVQ	AX, ret+8(FP)
	RET
