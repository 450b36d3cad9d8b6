// Package callers captures the return addresses of the calling frames cheaply,
// so that every recorded event can carry the source line that caused it.
//
// On amd64 and arm64 it follows the frame-pointer chain (a few loads, the same
// technique the Go execution tracer uses); elsewhere it falls back to
// runtime.Callers. runtime.Callers costs ~90 ns, which alone would break the
// recorder's budget of 100 ns per event.
package callers

import (
	"runtime"
	"strings"
	"sync"
)

// Depth is how many frames Capture records. The recorder and the checker call
// Capture, and helper call chains are at most five frames deep above it
// (MustLock → Lock → lockSlow → noteAcquired → engine.Acquired), so six
// frames reach the user's line.
const Depth = 6

// PCs holds the return addresses of up to Depth frames, innermost first.
type PCs [Depth]uintptr

// Site is a resolved source position.
type Site struct {
	Func string `json:"func,omitempty"`
	File string `json:"file,omitempty"`
	Line int    `json:"line,omitempty"`
}

// helperPrefix marks frames inside Fearless's helper packages, which are never
// the interesting call site. Test packages (".../mutex_test") are user code.
const helperPrefix = "github.com/fearless-go/fearless/helpers/"

var cache sync.Map // uintptr -> frameInfo

type frameInfo struct {
	site   Site
	helper bool
}

func resolve(pc uintptr) frameInfo {
	if v, ok := cache.Load(pc); ok {
		return v.(frameInfo)
	}
	frames := runtime.CallersFrames([]uintptr{pc})
	var info frameInfo
	info.helper = true
	// An inlined call expands into several frames: the innermost non-helper
	// frame is the call site we want.
	for {
		f, more := frames.Next()
		if f.Function != "" && !isHelper(f.Function) && !isHelperFile(f.File) {
			info = frameInfo{site: Site{Func: f.Function, File: f.File, Line: f.Line}}
			break
		}
		if !more {
			break
		}
	}
	cache.Store(pc, info)
	return info
}

func isHelper(fn string) bool {
	if !strings.HasPrefix(fn, helperPrefix) {
		return strings.HasPrefix(fn, "runtime.") || strings.HasPrefix(fn, "runtime/")
	}
	pkg := fn[len(helperPrefix):]
	if i := strings.IndexByte(pkg, '.'); i >= 0 {
		pkg = pkg[:i]
	}
	return !strings.HasSuffix(pkg, "_test")
}

// helpersDir is the directory of the helper packages, found from this file's
// own path (helpers/internal/callers/callers.go), so it is right wherever
// the module lives and with -trimpath too.
var helpersDir = func() string {
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		return ""
	}
	return strings.TrimSuffix(file, "internal/callers/callers.go")
}()

// isHelperFile catches what isHelper cannot: a closure created in a helper
// and inlined into user code is named after the user's function, but its
// file is still the helper's.
func isHelperFile(file string) bool {
	return helpersDir != "" && strings.HasPrefix(file, helpersDir) && !strings.HasSuffix(file, "_test.go")
}

// IsHelper reports whether a frame (its function and file) is inside the
// helper packages or the runtime: never the line a report should name.
func IsHelper(fn, file string) bool {
	return fn == "" || isHelper(fn) || isHelperFile(file)
}

// Resolve returns the first frame of pcs that lies outside the helper
// packages: the user's line that called into a helper.
func Resolve(pcs PCs) Site {
	for _, pc := range pcs {
		if pc == 0 {
			break
		}
		if info := resolve(pc); !info.helper {
			return info.site
		}
	}
	return Site{}
}
