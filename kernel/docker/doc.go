// Package docker holds the Fearless image's install steps (install.sh, run by
// kernel/Dockerfile) and what checks them without a Docker engine: the
// compose file against the Compose specification's JSON schema, the
// Dockerfile with hadolint, the install script in a fresh directory of this
// machine (with the first helper cell timed on its warm build cache), and
// JupyterHub running the course (test/hub.test.js).
package docker

import (
	"os"
	"os/exec"
	"path/filepath"
)

// Script is the install script's path relative to the repository root.
const Script = "kernel/docker/install.sh"

// Options are the install script's settings (its environment variables;
// empty ones keep the script's defaults).
type Options struct {
	Src        string // FEARLESS_SRC: the checkout to install
	Prefix     string // FEARLESS_PREFIX: /opt/fearless in the image
	Python     string // PYTHON: its sys.prefix receives the kernelspec
	GoCache    string // GOCACHE: the build cache shipped warm for cells
	BuildCache string // FEARLESS_BUILD_GOCACHE: the tools' build cache
	HooksDir   string // FEARLESS_HOOKS_DIR: where the course start hook goes
	PipArgs    string // FEARLESS_PIP_ARGS
	WarmRace   bool   // FEARLESS_WARM_RACE=1
	ExtraEnv   []string
}

// Command returns the command that runs the install script of the
// repository at root with opts, on top of the current environment.
func Command(root string, opts Options) *exec.Cmd {
	cmd := exec.Command("bash", filepath.Join(root, Script))
	env := os.Environ()
	set := func(k, v string) {
		if v != "" {
			env = append(env, k+"="+v)
		}
	}
	set("FEARLESS_SRC", opts.Src)
	set("FEARLESS_PREFIX", opts.Prefix)
	set("PYTHON", opts.Python)
	set("GOCACHE", opts.GoCache)
	set("FEARLESS_BUILD_GOCACHE", opts.BuildCache)
	set("FEARLESS_HOOKS_DIR", opts.HooksDir)
	set("FEARLESS_PIP_ARGS", opts.PipArgs)
	if opts.WarmRace {
		set("FEARLESS_WARM_RACE", "1")
	}
	cmd.Env = append(env, opts.ExtraEnv...)
	return cmd
}
