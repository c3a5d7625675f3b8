package bench

import (
	"encoding/json"
	"fmt"
	"os"
	"sort"

	"github.com/pybpfc/pybpfc/backend"
)

// BaselinePath is the committed baseline, relative to the bench package
// (where `go test` runs its tests).
const BaselinePath = "baseline.json"

// Baseline is the regression guard's reference: the ELF instruction count
// of every function of every benchmark at pybpfc -O2, keyed
// "program/function". Counts are deterministic for one clang version,
// which is recorded so that a diff caused by a new clang is recognisable.
type Baseline struct {
	Toolchain string         `json:"toolchain"`
	Insns     map[string]int `json:"insns"`
}

// ReadBaseline reads a baseline file.
func ReadBaseline(path string) (*Baseline, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var b Baseline
	if err := json.Unmarshal(data, &b); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if b.Insns == nil {
		b.Insns = map[string]int{}
	}
	return &b, nil
}

// Write stores the baseline with sorted keys (encoding/json sorts map
// keys), one entry per line, so that its diffs are readable.
func (b *Baseline) Write(path string) error {
	data, err := json.MarshalIndent(b, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, append(data, '\n'), 0o644)
}

// Keys returns the baseline's keys, sorted.
func (b *Baseline) Keys() []string {
	keys := make([]string, 0, len(b.Insns))
	for k := range b.Insns {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// FunctionInsns compiles a program with pybpfc -O2 and returns the ELF
// instruction count of each of its functions (programs and subprograms),
// keyed "program/function", and the toolchain used. A program pybpfc
// cannot compile yet gives its first diagnostic as pending. No kernel is
// needed: the counts come from backend.InspectELF.
func FunctionInsns(p *Program) (counts map[string]int, tool, pending string, err error) {
	b, err := buildPy(p, 2, Clang)
	if err != nil {
		return nil, "", "", err
	}
	if b.Pending != "" {
		return nil, "", b.Pending, nil
	}
	info, err := backend.InspectELF(b.Object)
	if err != nil {
		return nil, "", "", fmt.Errorf("%s: %w", p.Name, err)
	}
	counts = map[string]int{}
	for _, f := range info.Programs {
		counts[p.Name+"/"+f.Name] = f.Insns
	}
	return counts, b.Tool, "", nil
}
