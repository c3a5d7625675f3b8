package loader

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/cilium/ebpf"
	"github.com/cilium/ebpf/link"
)

// bpfStatsRunTime is BPF_STATS_RUN_TIME from the kernel's uapi (enum
// bpf_stats_type); spelled out because loader imports no syscall package
// beyond cilium/ebpf.
const bpfStatsRunTime = 0

// RunStats is what the kernel counted for one program while run-time
// statistics were enabled: how often it ran and for how long in total.
// It is the only timing available for programs that BPF_PROG_TEST_RUN
// cannot time (tracepoints, raw tracepoints, kprobes): the program runs
// attached, on real events, and the kernel measures each run.
type RunStats struct {
	RunCount uint64
	RunTime  time.Duration
	// RecursionMisses counts runs the kernel skipped because a BPF program
	// was already running on that CPU; a non-zero value means RunCount is
	// lower than the number of events.
	RecursionMisses uint64
}

// NsPerRun is the mean run time, 0 when the program never ran.
func (s RunStats) NsPerRun() float64 {
	if s.RunCount == 0 {
		return 0
	}
	return float64(s.RunTime.Nanoseconds()) / float64(s.RunCount)
}

// Sub returns the counts accumulated since an earlier reading.
func (s RunStats) Sub(earlier RunStats) RunStats {
	return RunStats{
		RunCount:        s.RunCount - earlier.RunCount,
		RunTime:         s.RunTime - earlier.RunTime,
		RecursionMisses: s.RecursionMisses - earlier.RecursionMisses,
	}
}

// EnableRunStats turns on the kernel's per-program run-time accounting
// (bpf(BPF_ENABLE_STATS, BPF_STATS_RUN_TIME)) until the returned Closer is
// closed. The kernel keeps it on while any such descriptor is open, so
// concurrent users do not disturb each other. Accounting adds two clock
// reads to every run of every program, so it is off by default and should
// be closed as soon as the measurement ends.
func EnableRunStats() (io.Closer, error) {
	c, err := ebpf.EnableStats(bpfStatsRunTime)
	if err != nil {
		return nil, fmt.Errorf("enable BPF run-time statistics: %w", err)
	}
	return c, nil
}

// RunStats reads the named program's run counters. They only grow while
// EnableRunStats is in effect; take one reading before and one after the
// events and subtract (RunStats.Sub).
func (l *Loaded) RunStats(prog string) (RunStats, error) {
	p, err := l.program(prog)
	if err != nil {
		return RunStats{}, err
	}
	st, err := p.Stats()
	if err != nil {
		return RunStats{}, fmt.Errorf("run statistics of %s: %w", prog, err)
	}
	return RunStats{RunCount: st.RunCount, RunTime: st.Runtime, RecursionMisses: st.RecursionMisses}, nil
}

// Testable reports whether BPF_PROG_TEST_RUN can time the named program
// (Benchmark): packet programs only.
func (l *Loaded) Testable(prog string) (bool, error) {
	p, err := l.program(prog)
	if err != nil {
		return false, err
	}
	return packetProgram(p.Type()), nil
}

// AttachEvent attaches one tracepoint or raw tracepoint program to the
// event its section names, for timing it on real events; Close detaches
// it. Unlike attaching a whole object, it needs no interface or cgroup and
// touches no other program of the object.
func (l *Loaded) AttachEvent(prog string) (io.Closer, error) {
	p, err := l.program(prog)
	if err != nil {
		return nil, err
	}
	sec := l.obj.spec.Programs[prog].SectionName
	kind, rest, _ := strings.Cut(sec, "/")
	var lk link.Link
	switch kind {
	case "tracepoint", "tp":
		group, event, ok := strings.Cut(rest, "/")
		if !ok {
			return nil, fmt.Errorf("program %s: section %s names no tracepoint/<category>/<event>", prog, sec)
		}
		lk, err = link.Tracepoint(group, event, p, nil)
	case "raw_tracepoint", "raw_tp":
		lk, err = link.AttachRawTracepoint(link.RawTracepointOptions{Name: rest, Program: p})
	default:
		return nil, fmt.Errorf("program %s: section %s is not a tracepoint or raw tracepoint", prog, sec)
	}
	if err != nil {
		return nil, fmt.Errorf("attach %s to %s: %w", prog, sec, err)
	}
	return lk, nil
}
