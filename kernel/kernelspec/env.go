package kernelspec

import (
	"regexp"
	"strings"
)

// templateRef matches $$, $name and ${name} the way Python's string.Template
// does (identifiers are ASCII letters, digits and underscores).
var templateRef = regexp.MustCompile(`\$(\$|[_A-Za-z][_A-Za-z0-9]*|\{[_A-Za-z][_A-Za-z0-9]*\})`)

// Environ returns the environment a kernel starts with: base (usually
// os.Environ()) overridden by the kernelspec's env. As in jupyter_client,
// $VAR and ${VAR} in env values are replaced by base's values and unknown
// references are left as they are.
func (s *Spec) Environ(base []string) []string {
	vals := map[string]string{}
	var order []string
	for _, kv := range base {
		k, v, _ := strings.Cut(kv, "=")
		if _, dup := vals[k]; !dup {
			order = append(order, k)
		}
		vals[k] = v
	}
	lookup := func(name string) (string, bool) {
		v, ok := vals[name]
		return v, ok
	}
	subst := map[string]string{}
	for k, v := range s.Env {
		subst[k] = SafeSubstitute(v, lookup)
	}
	for k, v := range subst {
		if _, ok := vals[k]; !ok {
			order = append(order, k)
		}
		vals[k] = v
	}
	env := make([]string, 0, len(order))
	for _, k := range order {
		env = append(env, k+"="+vals[k])
	}
	return env
}

// SafeSubstitute expands $name and ${name} in s with lookup, leaving unknown
// names untouched and turning $$ into $ (Python's Template.safe_substitute).
func SafeSubstitute(s string, lookup func(string) (string, bool)) string {
	return templateRef.ReplaceAllStringFunc(s, func(ref string) string {
		name := strings.Trim(ref[1:], "{}")
		if name == "$" {
			return "$"
		}
		if v, ok := lookup(name); ok {
			return v
		}
		return ref
	})
}
