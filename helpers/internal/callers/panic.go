package callers

import (
	"runtime"
	"sync"
)

// gopanic is the address range of runtime.gopanic, which calls every deferred
// function while a goroutine panics: a return address inside it on the stack
// means the goroutine is unwinding. Found once, by panicking on purpose.
var gopanic struct {
	once   sync.Once
	lo, hi uintptr // [lo, hi)
}

func gopanicRange() (lo, hi uintptr) {
	gopanic.once.Do(func() {
		entry := probeGopanic()
		if entry == 0 {
			return
		}
		inside := func(off uintptr) bool {
			f := runtime.FuncForPC(entry + off)
			return f != nil && f.Entry() == entry
		}
		// Functions are contiguous: binary-search gopanic's end.
		lo, hi := uintptr(0), uintptr(1)
		for inside(hi) {
			lo, hi = hi, hi*2
		}
		for hi-lo > 1 {
			mid := lo + (hi-lo)/2
			if inside(mid) {
				lo = mid
			} else {
				hi = mid
			}
		}
		gopanic.lo, gopanic.hi = entry, entry+hi
	})
	return gopanic.lo, gopanic.hi
}

func probeGopanic() (entry uintptr) {
	defer func() {
		var pcs [16]uintptr
		n := runtime.Callers(1, pcs[:])
		frames := runtime.CallersFrames(pcs[:n])
		for {
			f, more := frames.Next()
			if f.Function == "runtime.gopanic" {
				entry = f.Entry
				break
			}
			if !more {
				break
			}
		}
		recover()
	}()
	panic("callers: finding runtime.gopanic")
}

// panicDepth bounds the walk of Panicking: a deferred function that unlocks
// sits a few frames above gopanic, not dozens.
const panicDepth = 16

// PanicPCs returns the frames where the panic in flight was first raised:
// those beyond the outermost runtime.gopanic on the stack (a helper that
// recovers and re-raises adds an inner one), from the first that is neither
// the runtime's nor a helper's. Call it from a deferred function while
// panicking; it returns zero PCs otherwise.
func PanicPCs() (pcs PCs) {
	var buf [64]uintptr
	n := runtime.Callers(2, buf[:])
	last := -1
	for i := range n {
		if f := runtime.FuncForPC(buf[i] - 1); f != nil && f.Name() == "runtime.gopanic" {
			last = i
		}
	}
	if last < 0 {
		return pcs
	}
	return fromUser(buf[last+1 : n])
}

// RaisePCs returns the frames where a helper raised the panic in flight:
// of the runtime.gopanic frames on the stack, innermost first, the first
// whose panicking frame is a helper's (a guard's check, inlined into the
// user's function), from the first frame that is not a helper's. A re-raise
// by a deferred function on the way out (charts.Show, or the user's own
// recover and panic) does not hide it. Without such a frame it is PanicPCs
// for the innermost panic.
func RaisePCs() (pcs PCs) {
	var buf [64]uintptr
	n := runtime.Callers(2, buf[:])
	first := -1
	for i := range n {
		f := runtime.FuncForPC(buf[i] - 1)
		if f == nil || f.Name() != "runtime.gopanic" || i+1 >= n {
			continue
		}
		if first < 0 {
			first = i
		}
		if raiser, _ := runtime.CallersFrames(buf[i+1 : i+2]).Next(); isHelper(raiser.Function) || isHelperFile(raiser.File) {
			return fromUser(buf[i+1 : n])
		}
	}
	if first < 0 {
		return pcs
	}
	return fromUser(buf[first+1 : n])
}

// fromUser returns frames from the first one that is not a helper's.
func fromUser(frames []uintptr) (pcs PCs) {
	i := 0
	for i < len(frames)-1 && resolve(frames[i]).helper {
		i++
	}
	copy(pcs[:], frames[i:])
	return pcs
}
