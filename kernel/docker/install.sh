#!/usr/bin/env bash
# Installs Fearless into a Jupyter image: the one script behind kernel/Dockerfile,
# also run by `go test ./kernel/docker/` on a plain machine in a fresh directory.
#
# It needs Go (GOROOT's go on PATH), a Python with pip (PYTHON), and npm; gcc is
# installed with apt-get when missing (cgo, %goflags -race). Everything goes
# outside $HOME, so a user's home volume (compose, JupyterHub) hides nothing:
#
#   FEARLESS_SRC      the fearless checkout (default: this script's repository)
#   FEARLESS_PREFIX   /opt/fearless: bin/fearless, course/, the Go caches below
#   GOPATH, GOMODCACHE, GOCACHE  default under FEARLESS_PREFIX; GOCACHE is the
#                     build cache cells use, shipped warm for the helpers and charts
#   FEARLESS_BUILD_GOCACHE  build cache for the tools (gonb, gopls, ...); default a
#                     temporary one, removed afterwards (it is large and not needed)
#   PYTHON            python3; the kernelspec goes into its sys.prefix
#   FEARLESS_HOOKS_DIR  where the start hook goes (default: docker-stacks'
#                     /usr/local/bin/before-notebook.d when it exists)
#   FEARLESS_OWNER    uid:gid that will use the caches (default: NB_UID:NB_GID when root)
#   FEARLESS_WARM_RACE=1  also warm the cache for %goflags -race cells
#   FEARLESS_PIP_ARGS  extra pip install flags (the test: --no-index --no-build-isolation)
set -euo pipefail

say() { printf 'fearless install [%4ss]: %s\n' "$SECONDS" "$*" >&2; }
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
src="$(cd "${FEARLESS_SRC:-$here/../..}" && pwd)"
prefix="${FEARLESS_PREFIX:-/opt/fearless}"
python="${PYTHON:-python3}"
export GOPATH="${GOPATH:-$prefix/go}"
export GOMODCACHE="${GOMODCACHE:-$GOPATH/pkg/mod}"
export GOCACHE="${GOCACHE:-$prefix/go-build}"
export GOTOOLCHAIN=local GOFLAGS="${GOFLAGS:--modcacherw}"
mkdir -p "$prefix/bin" "$GOPATH" "$GOMODCACHE" "$GOCACHE"

# 1. A C compiler for cgo and the race detector.
if ! command -v gcc >/dev/null; then
  say "installing gcc"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends gcc libc6-dev >/dev/null
  rm -rf /var/lib/apt/lists/*
fi
go version >/dev/null

# 2. Go modules, at the versions go.mod and go.sum pin.
say "downloading Go modules into $GOMODCACHE"
(cd "$src" && go mod download)

# 3. Python side: JupyterHub's single-user server, JupyterLab, nbgitpuller, and
#    the charts server extension (serves the pinned ECharts library offline).
say "installing Python packages with $python"
"$python" -m pip install --quiet --no-cache-dir --disable-pip-version-check ${FEARLESS_PIP_ARGS:-} -r "$here/requirements.txt"
# The extension is importable from the checkout (a .pth file, what an editable
# install makes), so it finds the checkout's charts/web/node_modules.
site="$("$python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')"
echo "$src/charts/jupyter" >"$site/fearless_charts.pth"
"$python" -m fearless_charts enable
(cd "$src/charts/web" && npm ci --omit=dev --no-audit --no-fund --loglevel=error)
"$python" -m fearless_charts where >/dev/null

# 4. The fearless command and the kernel: gonb, goimports and gopls built as
#    `fearless install` builds them, registered in the Python prefix.
build_cache="${FEARLESS_BUILD_GOCACHE:-}"
if [ -z "$build_cache" ]; then
  build_cache="$(mktemp -d)"
  trap 'rm -rf "$build_cache"' EXIT
fi
jupyter_prefix="$("$python" -c 'import sys; print(sys.prefix)')"
say "building the kernel into $jupyter_prefix/share/jupyter/kernels/fearless"
(cd "$src" && GOCACHE="$build_cache" go build -o "$prefix/bin/fearless" ./kernel/cmd/fearless)
(cd "$src" && GOCACHE="$build_cache" "$prefix/bin/fearless" install --prefix "$jupyter_prefix" --root "$src")

# 5. A warm build cache: every public package of the helpers and the charts,
#    built exactly as the kernel builds a cell that imports them (a module of
#    its own in the kernel's cells workspace, with the kernel's build flags:
#    launch.WarmCache), so a learner's first cells compile only themselves.
#    (A warm-up through gonb itself would not do: gonb keeps one blank import.)
say "warming the build cache $GOCACHE"
race=""
if [ "${FEARLESS_WARM_RACE:-0}" = 1 ]; then race="--race"; fi
GOPROXY=off "$prefix/bin/fearless" __warm-cache --root "$src" $race

# 6. The course, copied into each learner's home at start (never overwriting).
mkdir -p "$prefix/course"
if compgen -G "$src/notebooks/*.ipynb" >/dev/null; then
  cp -R "$src/notebooks/." "$prefix/course/"
  rm -rf "$prefix/course/testdata"
  find "$prefix/course" -name '*.go' -delete
fi
hooks="${FEARLESS_HOOKS_DIR:-}"
if [ -z "$hooks" ] && [ -d /usr/local/bin/before-notebook.d ]; then hooks=/usr/local/bin/before-notebook.d; fi
if [ -n "$hooks" ]; then
  mkdir -p "$hooks"
  # An executable without .sh: docker-stacks runs it (a .sh hook would be sourced).
  install -m 0755 "$here/course" "$hooks/10-fearless-course"
fi

# 7. The learner (not root) builds cells and may `go get`: hand the caches over.
owner="${FEARLESS_OWNER:-}"
if [ -z "$owner" ] && [ "$(id -u)" = 0 ] && [ -n "${NB_UID:-}" ]; then owner="$NB_UID:${NB_GID:-100}"; fi
if [ -n "$owner" ]; then
  chown -R "$owner" "$GOPATH" "$GOCACHE" "$prefix/course"
fi
say "done"
