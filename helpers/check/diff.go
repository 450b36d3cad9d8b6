package check

import (
	"fmt"
	"reflect"
	"sort"
	"strings"
)

// maxShown is how many characters of a value a message shows.
const maxShown = 200

// same reports whether got equals want, as reflect.DeepEqual does, except
// that two numbers of different types are equal when their values are (a
// learner's int64 1000 equals the check's 1000).
func same(want, got any) bool {
	if wn, ok := number(want); ok {
		if gn, ok := number(got); ok {
			return wn.equal(gn)
		}
	}
	return reflect.DeepEqual(want, got)
}

// describe says how got differs from want, in one or a few lines: the first
// place where they differ, then both values when they are short.
func describe(want, got any) string {
	if want == nil || got == nil {
		return fmt.Sprintf("got %s, want %s", show(got), show(want))
	}
	wv, gv := reflect.ValueOf(want), reflect.ValueOf(got)
	if wv.Type() != gv.Type() {
		if _, ok := number(want); !ok {
			return fmt.Sprintf("got %s of type %s, want %s of type %s", show(got), gv.Type(), show(want), wv.Type())
		}
		if _, ok := number(got); !ok {
			return fmt.Sprintf("got %s of type %s, want %s of type %s", show(got), gv.Type(), show(want), wv.Type())
		}
	}
	if wv.Kind() == reflect.String && gv.Kind() == reflect.String {
		return describeString(wv.String(), gv.String())
	}
	path, w, g := firstDiff(wv, gv, "")
	if w == g { // the same when printed: show Go syntax (nil against empty, types)
		w, g = fmt.Sprintf("%#v", want), fmt.Sprintf("%#v", got)
		path = ""
	}
	if path == "" {
		return fmt.Sprintf("got %s, want %s", g, w)
	}
	msg := fmt.Sprintf("at %s: got %s, want %s", path, g, w)
	if gs, ws := show(got), show(want); len(gs)+len(ws) < 120 {
		msg += fmt.Sprintf("\n(got %s, want %s)", gs, ws)
	}
	return msg
}

// describeString shows the first differing line of two multi-line strings,
// or both strings when they are one line.
func describeString(want, got string) string {
	if !strings.Contains(want, "\n") && !strings.Contains(got, "\n") {
		return fmt.Sprintf("got %s, want %s", show(got), show(want))
	}
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(wl) || i < len(gl); i++ {
		switch {
		case i >= len(gl):
			return fmt.Sprintf("line %d: missing, want %s (got %d lines, want %d)", i+1, show(wl[i]), len(gl), len(wl))
		case i >= len(wl):
			return fmt.Sprintf("line %d: got %s, want no more lines (got %d lines, want %d)", i+1, show(gl[i]), len(gl), len(wl))
		case wl[i] != gl[i]:
			return fmt.Sprintf("line %d: got %s, want %s", i+1, show(gl[i]), show(wl[i]))
		}
	}
	return "the strings differ"
}

// firstDiff walks two values of the same type to their first difference and
// returns where it is ("" at the top) and both values there.
func firstDiff(w, g reflect.Value, path string) (string, string, string) {
	if !w.IsValid() || !g.IsValid() || w.Type() != g.Type() {
		return path, showValue(w), showValue(g)
	}
	switch w.Kind() {
	case reflect.Slice, reflect.Array:
		if w.Kind() == reflect.Slice && w.IsNil() != g.IsNil() {
			return path, showValue(w), showValue(g)
		}
		n := min(w.Len(), g.Len())
		for i := range n {
			if !reflect.DeepEqual(w.Index(i).Interface(), g.Index(i).Interface()) {
				return firstDiff(w.Index(i), g.Index(i), fmt.Sprintf("%s[%d]", path, i))
			}
		}
		if w.Len() != g.Len() {
			return orTop(path) + " (length)", fmt.Sprintf("%d elements", w.Len()), fmt.Sprintf("%d elements", g.Len())
		}
	case reflect.Map:
		keys := w.MapKeys()
		sort.Slice(keys, func(i, j int) bool { return fmt.Sprint(keys[i]) < fmt.Sprint(keys[j]) })
		for _, k := range keys {
			gvk := g.MapIndex(k)
			at := fmt.Sprintf("%s[%s]", path, showValue(k))
			if !gvk.IsValid() {
				return at, showValue(w.MapIndex(k)), "nothing (the key is missing)"
			}
			if !reflect.DeepEqual(w.MapIndex(k).Interface(), gvk.Interface()) {
				return firstDiff(w.MapIndex(k), gvk, at)
			}
		}
		gkeys := g.MapKeys()
		sort.Slice(gkeys, func(i, j int) bool { return fmt.Sprint(gkeys[i]) < fmt.Sprint(gkeys[j]) })
		for _, k := range gkeys {
			if !w.MapIndex(k).IsValid() {
				return fmt.Sprintf("%s[%s]", path, showValue(k)), "nothing (no such key)", showValue(g.MapIndex(k))
			}
		}
	case reflect.Struct:
		for i := range w.NumField() {
			if !w.Type().Field(i).IsExported() {
				continue
			}
			if !reflect.DeepEqual(w.Field(i).Interface(), g.Field(i).Interface()) {
				return firstDiff(w.Field(i), g.Field(i), path+"."+w.Type().Field(i).Name)
			}
		}
	case reflect.Pointer, reflect.Interface:
		if !w.IsNil() && !g.IsNil() {
			return firstDiff(w.Elem(), g.Elem(), path)
		}
	}
	return path, showValue(w), showValue(g)
}

func orTop(path string) string {
	if path == "" {
		return "the top"
	}
	return path
}

func showValue(v reflect.Value) string {
	if !v.IsValid() {
		return "nil"
	}
	if v.CanInterface() {
		return show(v.Interface())
	}
	return v.String()
}

// show formats a value for a message: strings quoted, long values cut.
func show(v any) string {
	var s string
	switch v := v.(type) {
	case nil:
		s = "nil"
	case string:
		s = fmt.Sprintf("%q", v)
	case error:
		s = fmt.Sprintf("error %q", v.Error())
	default:
		s = fmt.Sprintf("%v", v)
	}
	if r := []rune(s); len(r) > maxShown {
		s = string(r[:maxShown]) + " …"
	}
	return s
}

// num is a number of any Go numeric type.
type num struct {
	kind byte // 'i', 'u' or 'f'
	i    int64
	u    uint64
	f    float64
}

func number(v any) (num, bool) {
	if v == nil {
		return num{}, false
	}
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return num{kind: 'i', i: rv.Int()}, true
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return num{kind: 'u', u: rv.Uint()}, true
	case reflect.Float32, reflect.Float64:
		return num{kind: 'f', f: rv.Float()}, true
	}
	return num{}, false
}

func (a num) equal(b num) bool {
	if a.kind == 'f' || b.kind == 'f' {
		return a.float() == b.float()
	}
	if a.kind == b.kind {
		return a.i == b.i && a.u == b.u
	}
	if a.kind == 'u' {
		a, b = b, a
	}
	return a.i >= 0 && uint64(a.i) == b.u
}

func (a num) float() float64 {
	switch a.kind {
	case 'i':
		return float64(a.i)
	case 'u':
		return float64(a.u)
	}
	return a.f
}
