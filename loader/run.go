package loader

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"sort"
	"time"

	"github.com/cilium/ebpf"
)

// DefaultPacketSize is the length of the zeroed packet Run and Benchmark
// use when given no data for a packet program: longer than the 14-byte
// Ethernet header the kernel insists on, short enough to read in a test.
const DefaultPacketSize = 64

// rawTPContextSize is the largest context BPF_PROG_TEST_RUN accepts for a
// raw tracepoint (MAX_BPF_FUNC_ARGS u64 arguments); it must also be at
// least as long as the program's furthest context read.
const rawTPContextSize = 12 * 8

// Output room beyond the input, for programs that grow the packet
// (bpf_xdp_adjust_head/tail); cilium panics if the kernel writes more.
const outputRoom = 512

// Run executes the named program once with BPF_PROG_TEST_RUN and returns
// its 32-bit return value and, for packet programs, the packet as the
// program left it.
//
// Packet programs (XDP, tc, socket filters, cgroup_skb, ...) get data as the
// packet, a zeroed DefaultPacketSize-byte one when data is nil. Raw
// tracepoints get data as their context (the u64 argument array, at most
// 96 bytes; zeroed 96 bytes when nil), since the kernel refuses packet data
// for them. Other test-runnable types (syscall) get data as the context.
func (l *Loaded) Run(prog string, data []byte) (ret uint32, out []byte, err error) {
	p, err := l.program(prog)
	if err != nil {
		return 0, nil, err
	}
	opts, err := runOptions(p.Type(), data)
	if err != nil {
		return 0, nil, fmt.Errorf("run %s: %w", prog, err)
	}
	ret, err = p.Run(opts)
	if err != nil {
		return 0, nil, fmt.Errorf("run %s: %w", prog, err)
	}
	return ret, opts.DataOut, nil
}

func runOptions(t ebpf.ProgramType, data []byte) (*ebpf.RunOptions, error) {
	switch {
	case packetProgram(t):
		if data == nil {
			data = make([]byte, DefaultPacketSize)
		}
		return &ebpf.RunOptions{Data: data, DataOut: make([]byte, len(data)+outputRoom), Repeat: 1}, nil
	case t == ebpf.RawTracepoint || t == ebpf.RawTracepointWritable:
		if len(data) > rawTPContextSize {
			return nil, fmt.Errorf("a raw tracepoint context has at most %d bytes, got %d", rawTPContextSize, len(data))
		}
		ctx := make([]byte, rawTPContextSize)
		copy(ctx, data)
		// No Data and no Repeat: the kernel rejects both for raw_tp.
		return &ebpf.RunOptions{Context: ctx}, nil
	default:
		opts := &ebpf.RunOptions{}
		if data != nil {
			opts.Context = data
		}
		return opts, nil
	}
}

// Benchmark runs a packet program repeat times inside the kernel and
// returns the last return value and the kernel's average time per run.
// Other program types are refused: the kernel times test runs only for
// packet programs (raw_tp rejects repeat), and a user-space loop would
// measure the system call, not the program.
func (l *Loaded) Benchmark(prog string, data []byte, repeat int) (ret uint32, nsPerRun time.Duration, err error) {
	p, err := l.program(prog)
	if err != nil {
		return 0, 0, err
	}
	if !packetProgram(p.Type()) {
		return 0, 0, fmt.Errorf("benchmark %s: the kernel cannot time %s programs", prog, progTypeName(p.Type()))
	}
	if repeat < 1 {
		return 0, 0, fmt.Errorf("benchmark %s: repeat must be at least 1, got %d", prog, repeat)
	}
	if data == nil {
		data = make([]byte, DefaultPacketSize)
	}
	ret, nsPerRun, err = p.Benchmark(data, repeat, nil)
	if err != nil {
		return 0, 0, fmt.Errorf("benchmark %s: %w", prog, err)
	}
	return ret, nsPerRun, nil
}

// Global reads a global variable's current value straight from the
// kernel's memory-mapped data section.
func (l *Loaded) Global(name string) ([]byte, error) {
	v, err := l.variable(name)
	if err != nil {
		return nil, err
	}
	var b []byte
	if err := v.Get(&b); err != nil {
		return nil, fmt.Errorf("read global %q: %w", name, err)
	}
	return b, nil
}

// GlobalUint reads an integer global of 1, 2, 4 or 8 bytes, little-endian
// (BPF objects here are built for the little-endian target).
func (l *Loaded) GlobalUint(name string) (uint64, error) {
	b, err := l.Global(name)
	if err != nil {
		return 0, err
	}
	switch len(b) {
	case 1:
		return uint64(b[0]), nil
	case 2:
		return uint64(binary.LittleEndian.Uint16(b)), nil
	case 4:
		return uint64(binary.LittleEndian.Uint32(b)), nil
	case 8:
		return binary.LittleEndian.Uint64(b), nil
	}
	return 0, fmt.Errorf("global %q has %d bytes, not an integer size", name, len(b))
}

// SetGlobal writes a .data or .bss global of a loaded object; the programs
// see the new value on their next read. .rodata globals are frozen by the
// kernel at load: set those with Object.SetGlobal before Load.
func (l *Loaded) SetGlobal(name string, value []byte) error {
	v, err := l.variable(name)
	if err != nil {
		return err
	}
	if v.ReadOnly() {
		return fmt.Errorf("global %q is read-only after load (.rodata is frozen): use Object.SetGlobal before Load", name)
	}
	if uint32(len(value)) != v.Size() {
		return fmt.Errorf("global %q has %d bytes, got %d", name, v.Size(), len(value))
	}
	if err := v.Set(value); err != nil {
		return fmt.Errorf("write global %q: %w", name, err)
	}
	return nil
}

func (l *Loaded) variable(name string) (*ebpf.Variable, error) {
	if l.coll == nil {
		return nil, fmt.Errorf("global %q: object is closed", name)
	}
	v := l.coll.Variables[name]
	if v == nil {
		return nil, fmt.Errorf("no global named %q", name)
	}
	return v, nil
}

// MapEntry is one key and its value(s), as raw bytes in the map's layout.
type MapEntry struct {
	Key []byte
	// Value is the value of an ordinary map, nil for per-CPU maps.
	Value []byte
	// PerCPU holds, for per-CPU maps, one value per possible CPU in CPU
	// order; nil otherwise.
	PerCPU [][]byte
}

// MapEntries lists a map's entries sorted by key bytes. Array maps list
// every index, zeroed or not. Maps without lookups (ring buffers, perf
// event arrays, queues, ...) are an error: they are read by streaming.
func (l *Loaded) MapEntries(name string) ([]MapEntry, error) {
	if l.coll == nil {
		return nil, fmt.Errorf("map %q: object is closed", name)
	}
	m := l.coll.Maps[name]
	if m == nil {
		return nil, fmt.Errorf("no map named %q", name)
	}
	if !dumpable(m.Type()) {
		return nil, fmt.Errorf("map %q is a %s map, which has no entries to list", name, mapTypeName(m.Type()))
	}
	var entries []MapEntry
	it := m.Iterate()
	if perCPU(m.Type()) {
		var k []byte
		var vs [][]byte
		for it.Next(&k, &vs) {
			entries = append(entries, MapEntry{Key: k, PerCPU: vs})
			k, vs = nil, nil // fresh slices: the entry keeps these
		}
	} else {
		var k, v []byte
		for it.Next(&k, &v) {
			entries = append(entries, MapEntry{Key: k, Value: v})
			k, v = nil, nil // fresh slices: the entry keeps these
		}
	}
	if err := it.Err(); err != nil {
		return nil, fmt.Errorf("list map %q: %w", name, err)
	}
	sort.Slice(entries, func(i, j int) bool { return bytes.Compare(entries[i].Key, entries[j].Key) < 0 })
	return entries, nil
}

// dumpable reports whether a map of type t can be listed by key lookups.
func dumpable(t ebpf.MapType) bool {
	switch t {
	case ebpf.Hash, ebpf.Array, ebpf.PerCPUHash, ebpf.PerCPUArray, ebpf.LRUHash,
		ebpf.LRUCPUHash, ebpf.LPMTrie, ebpf.StackTrace:
		return true
	}
	return false
}
