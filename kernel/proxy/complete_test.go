package proxy

import "testing"

func TestIsComplete(t *testing.T) {
	for _, c := range []struct{ code, status, indent string }{
		{"", "complete", ""},
		{"x := 1", "complete", ""},
		{"i++", "complete", ""},
		{"return", "complete", ""},
		{"%%\nfmt.Println(\"}\")", "complete", ""},
		{"%goflags -race", "complete", ""},
		{"!echo {", "complete", ""},
		{"func f() {\n\treturn\n}", "complete", ""},
		{"s := `multi\nline`", "complete", ""},
		{"r := '{'", "complete", ""},
		{"x := 1 // trailing +", "complete", ""},
		{"/* a { */ x := 1", "complete", ""},
		{"fmt.Println(\"a \\\" quote\")", "complete", ""},
		{"func f() {", "incomplete", "\t"},
		{"func f() {\n\tif x {", "incomplete", "\t\t"},
		{"xs := []int{1,", "incomplete", "\t"},
		{"y := 1 +", "incomplete", "\t"},
		{"ok := a &&", "incomplete", "\t"},
		{"v := obj.", "incomplete", "\t"},
		{"ch <-", "incomplete", "\t"},
		{"if x {\n} else", "incomplete", "\t"},
		{"s := `open", "incomplete", ""},
		{"/* open comment", "incomplete", ""},
		{"}", "invalid", ""},
		{"f(]", "invalid", ""},
		{"s := \"no end\nx", "invalid", ""},
		{"r := 'x", "invalid", ""},
	} {
		status, indent := IsComplete(c.code)
		if status != c.status || indent != c.indent {
			t.Errorf("IsComplete(%q) = %q, %q; want %q, %q", c.code, status, indent, c.status, c.indent)
		}
	}
}

func TestHistory(t *testing.T) {
	var h history
	h.add(1, "a := 1")
	h.add(2, "%%\nfmt.Println(a)")
	h.add(3, "a := 1")
	h.output(2, "1")
	check := func(req map[string]any, want string) {
		t.Helper()
		got := string(mustJSON(h.reply(req)["history"]))
		if got != want {
			t.Errorf("%v: %s, want %s", req, got, want)
		}
	}
	check(map[string]any{"hist_access_type": "tail", "n": 2.0}, `[[1,2,"%%\nfmt.Println(a)"],[1,3,"a := 1"]]`)
	check(map[string]any{"hist_access_type": "tail", "n": 1.0, "output": true}, `[[1,3,["a := 1",null]]]`)
	check(map[string]any{"hist_access_type": "range", "session": 0.0, "start": 2.0, "stop": 3.0, "output": true}, `[[1,2,["%%\nfmt.Println(a)","1"]]]`)
	check(map[string]any{"hist_access_type": "range", "session": 7.0, "start": 1.0}, `[]`)
	check(map[string]any{"hist_access_type": "search", "pattern": "a :=*"}, `[[1,1,"a := 1"],[1,3,"a := 1"]]`)
	check(map[string]any{"hist_access_type": "search", "pattern": "a :=*", "unique": true}, `[[1,3,"a := 1"]]`)
	check(map[string]any{"hist_access_type": "search", "pattern": "*Println*", "n": 5.0}, `[[1,2,"%%\nfmt.Println(a)"]]`)
}
