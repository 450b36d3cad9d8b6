package launch

import (
	"bufio"
	"context"
	"encoding/json"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// OfflineEnv makes the go commands gonb runs for every cell resolve modules
// from the module cache first, so a cell importing a module that is already
// downloaded works without network:
//
//   - GOPROXY becomes file://$GOMODCACHE/cache/download followed by the
//     user's own proxy list (GOPROXY=off is left alone: it is offline already);
//   - the modules this checkout pins in its go.sum are added to GONOSUMDB.
//     gonb's `go get` adds them to each cell's module, and with a go.sum of
//     its own that module would ask the checksum database, which an offline
//     machine cannot reach. Their checksums are the checkout's go.sum, which
//     the go command checked them against when it downloaded them; every
//     other module is still verified by the checksum database.
//
// The user's settings are read with `go env` (so `go env -w` values count);
// when that fails, env is returned unchanged.
func OfflineEnv(env []string, goCmd, root string) []string {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, goCmd, "env", "-json", "GOPROXY", "GOMODCACHE", "GONOSUMDB", "GOSUMDB")
	cmd.Env = env
	out, err := cmd.Output()
	if err != nil {
		return env
	}
	var g struct{ GOPROXY, GOMODCACHE, GONOSUMDB, GOSUMDB string }
	if json.Unmarshal(out, &g) != nil || g.GOMODCACHE == "" {
		return env
	}
	return offlineEnv(env, g.GOPROXY, g.GOMODCACHE, g.GONOSUMDB, g.GOSUMDB, pinnedModules(filepath.Join(root, "go.sum")))
}

// offlineEnv is OfflineEnv once the go command's settings are known.
func offlineEnv(env []string, goproxy, modcache, nosumdb, sumdb string, pinned []string) []string {
	if goproxy == "off" || goproxy == "" {
		return env
	}
	cache := (&url.URL{Scheme: "file", Path: filepath.ToSlash(filepath.Join(modcache, "cache", "download"))}).String()
	if !slices.Contains(strings.FieldsFunc(goproxy, func(r rune) bool { return r == ',' || r == '|' }), cache) {
		goproxy = cache + "," + goproxy
	}
	env = setEnv(env, "GOPROXY", goproxy)
	if sumdb != "off" && len(pinned) > 0 {
		var list []string
		if nosumdb != "" {
			list = append(list, nosumdb)
		}
		env = setEnv(env, "GONOSUMDB", strings.Join(append(list, pinned...), ","))
	}
	return env
}

// pinnedModules returns the module paths listed in a go.sum file.
func pinnedModules(goSum string) []string {
	f, err := os.Open(goSum)
	if err != nil {
		return nil
	}
	defer f.Close()
	var mods []string
	s := bufio.NewScanner(f)
	for s.Scan() {
		if path, _, ok := strings.Cut(s.Text(), " "); ok && path != "" {
			mods = append(mods, path)
		}
	}
	slices.Sort(mods)
	return slices.Compact(mods)
}

// setEnv sets key to value in env, replacing any earlier value.
func setEnv(env []string, key, value string) []string {
	out := env[:0:0]
	for _, kv := range env {
		if !strings.HasPrefix(kv, key+"=") {
			out = append(out, kv)
		}
	}
	return append(out, key+"="+value)
}
