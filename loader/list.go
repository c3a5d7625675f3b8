package loader

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/cilium/ebpf"
	"github.com/cilium/ebpf/btf"
)

// Probe is one attach point `pybpfc list` prints.
type Probe struct {
	Kind string // "tracepoint" or "rawtracepoint"
	Name string // "syscalls:sys_enter_openat", "sched_switch"
}

func (p Probe) String() string { return p.Kind + ":" + p.Name }

// ListProbes returns the tracepoints (from tracefs available_events) and
// the raw tracepoints (the kernel BTF's btf_trace_<name> typedefs, the
// names raw_tp and tp_btf sections take) whose name matches the glob
// pattern, sorted, as `bpftrace -l` prints them. A pattern without a kind
// ("syscalls:sys_enter_open*") matches the name of either kind; one with a
// kind ("tracepoint:sched:*") matches the whole string. An empty pattern
// matches everything. Without BTF only tracepoints are listed.
func ListProbes(pattern string) ([]Probe, error) {
	if pattern != "" {
		if _, err := path.Match(pattern, ""); err != nil {
			return nil, fmt.Errorf("bad pattern %q: %v", pattern, err)
		}
	}
	dir, err := TracefsDir()
	if err != nil {
		return nil, err
	}
	f, err := os.Open(filepath.Join(dir, "available_events"))
	if err != nil {
		return nil, fmt.Errorf("list tracepoints: %w", err)
	}
	defer f.Close()
	var all []Probe
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if ev := strings.TrimSpace(sc.Text()); ev != "" {
			all = append(all, Probe{Kind: "tracepoint", Name: ev})
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("list tracepoints: %w", err)
	}
	if spec, err := btf.LoadKernelSpec(); err == nil {
		for t, err := range spec.All() {
			if err != nil {
				break
			}
			if td, ok := t.(*btf.Typedef); ok && strings.HasPrefix(td.Name, "btf_trace_") {
				all = append(all, Probe{Kind: "rawtracepoint", Name: strings.TrimPrefix(td.Name, "btf_trace_")})
			}
		}
	}
	var out []Probe
	for _, p := range all {
		if pattern == "" || globMatch(pattern, p.Name) || globMatch(pattern, p.String()) {
			out = append(out, p)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Kind != out[j].Kind {
			return out[i].Kind > out[j].Kind // tracepoints first, as bpftrace
		}
		return out[i].Name < out[j].Name
	})
	return out, nil
}

func globMatch(pattern, s string) bool {
	ok, _ := path.Match(pattern, s)
	return ok
}

// KernelProgram is a program loaded in the kernel, by anyone.
type KernelProgram struct {
	ID   uint32
	Name string // as the kernel keeps it: at most 15 bytes
	Type string
}

// KernelPrograms lists every program loaded in the kernel, by ID. Tests
// use it to check that a run left nothing behind.
func KernelPrograms() ([]KernelProgram, error) {
	var out []KernelProgram
	var id ebpf.ProgramID
	for {
		next, err := ebpf.ProgramGetNextID(id)
		if errors.Is(err, os.ErrNotExist) {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("list kernel programs: %w", err)
		}
		id = next
		p, err := ebpf.NewProgramFromID(id)
		if err != nil {
			continue // unloaded between the two calls
		}
		kp := KernelProgram{ID: uint32(id), Type: progTypeName(p.Type())}
		if info, err := p.Info(); err == nil {
			kp.Name = info.Name
		}
		p.Close()
		out = append(out, kp)
	}
}
