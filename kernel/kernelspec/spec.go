package kernelspec

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"github.com/fearless-go/fearless/kernel/internal/atomicfile"
)

// FileName is the name of the file that makes a directory a kernelspec.
const FileName = "kernel.json"

// Spec is a kernelspec: how to start a kernel and what to call it.
type Spec struct {
	// Name is the kernel's name, the name of its directory (not stored).
	Name string `json:"-"`
	// Dir is the kernelspec's directory, {resource_dir} in Argv (not stored).
	Dir string `json:"-"`

	Argv          []string          `json:"argv"`
	DisplayName   string            `json:"display_name"`
	Language      string            `json:"language"`
	InterruptMode string            `json:"interrupt_mode,omitempty"` // "signal" (default) or "message"
	Env           map[string]string `json:"env,omitempty"`
	Metadata      map[string]any    `json:"metadata,omitempty"`
}

// Load reads the kernelspec in dir; its name is the directory's name.
func Load(dir string) (*Spec, error) {
	data, err := os.ReadFile(filepath.Join(dir, FileName))
	if err != nil {
		return nil, fmt.Errorf("kernelspec: %w", err)
	}
	var s Spec
	if err := json.Unmarshal(data, &s); err != nil {
		return nil, fmt.Errorf("kernelspec: %s: %w", filepath.Join(dir, FileName), err)
	}
	if len(s.Argv) == 0 {
		return nil, fmt.Errorf("kernelspec: %s: argv is empty", filepath.Join(dir, FileName))
	}
	s.Dir = dir
	s.Name = filepath.Base(dir)
	return &s, nil
}

// Write writes the kernelspec as dir/kernel.json, replacing any previous
// one atomically so a reader never sees half a file.
func (s *Spec) Write(dir string) error {
	data, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return err
	}
	data = append(data, '\n')
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("kernelspec: %w", err)
	}
	if err := atomicfile.Write(filepath.Join(dir, FileName), data, 0o644); err != nil {
		return fmt.Errorf("kernelspec: %w", err)
	}
	return nil
}

// InterruptsByMessage reports whether the kernel wants interrupt_request
// messages rather than SIGINT.
func (s *Spec) InterruptsByMessage() bool { return s.InterruptMode == "message" }
