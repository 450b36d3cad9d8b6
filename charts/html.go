package charts

import (
	"errors"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"runtime"
	"strings"
)

// LibraryEnv names the environment variable that points at the ECharts
// library file (echarts.min.js) when it is not in this project's npm
// install (charts/web/node_modules).
const LibraryEnv = "FEARLESS_ECHARTS_JS"

// ErrNoLibrary is returned (wrapped) by WriteHTML when the ECharts library
// cannot be found: the page is still written, with the static picture.
var ErrNoLibrary = errors.New("charts: ECharts library not found (run `npm ci` in charts/web, or set " + LibraryEnv + " to echarts.min.js)")

// WriteHTML writes the timeline of a recording as a standalone web page at
// path. It takes the same options as Show. The page embeds the pinned
// ECharts library, so it works offline and from a file.
func WriteHTML(path string, opts ...Option) error {
	out, err := Timeline(nil, opts...)
	if err != nil {
		return err
	}
	return out.WriteHTML(path)
}

// WriteHTML writes the output as a standalone web page at path, with the
// ECharts library embedded. When the library cannot be found the page is
// written anyway, showing the static picture, and the error wraps
// ErrNoLibrary.
func (o *Output) WriteHTML(path string) error {
	lib, libErr := Library()
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">\n<title>Fearless chart</title>\n")
	if libErr == nil {
		b.WriteString("<script>\n")
		b.Write(lib)
		b.WriteString("\n</script>\n")
	}
	b.WriteString("</head>\n<body style=\"margin:16px\">\n")
	b.WriteString(o.HTML)
	if libErr != nil {
		fmt.Fprintf(&b, "<p style=\"color:#888\">%s</p>", html.EscapeString(libErr.Error()))
	}
	b.WriteString("\n</body></html>\n")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		return fmt.Errorf("charts: writing %s: %w", path, err)
	}
	return libErr
}

// Library returns the pinned ECharts library (echarts.min.js from the npm
// package echarts, installed by `npm ci` in charts/web). It looks at
// $FEARLESS_ECHARTS_JS, then $FEARLESS_ROOT/charts/web, then the folders
// above the working directory, then this package's source folder.
func Library() ([]byte, error) {
	path, err := LibraryPath()
	if err != nil {
		return nil, err
	}
	return os.ReadFile(path)
}

// LibraryPath returns where Library reads the ECharts library from.
func LibraryPath() (string, error) {
	const rel = "charts/web/node_modules/echarts/dist/echarts.min.js"
	if p := os.Getenv(LibraryEnv); p != "" {
		if fileExists(p) {
			return p, nil
		}
		return "", fmt.Errorf("%w: %s=%s does not exist", ErrNoLibrary, LibraryEnv, p)
	}
	var candidates []string
	if root := os.Getenv("FEARLESS_ROOT"); root != "" {
		candidates = append(candidates, filepath.Join(root, rel))
	}
	if wd, err := os.Getwd(); err == nil {
		for d := wd; ; d = filepath.Dir(d) {
			candidates = append(candidates, filepath.Join(d, rel))
			if filepath.Dir(d) == d {
				break
			}
		}
	}
	if _, file, _, ok := runtime.Caller(0); ok {
		candidates = append(candidates, filepath.Join(filepath.Dir(file), "web/node_modules/echarts/dist/echarts.min.js"))
	}
	for _, c := range candidates {
		if fileExists(c) {
			return c, nil
		}
	}
	return "", ErrNoLibrary
}

func fileExists(p string) bool {
	st, err := os.Stat(p)
	return err == nil && !st.IsDir()
}
