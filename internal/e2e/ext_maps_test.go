package e2e

import (
	"encoding/binary"
	"strings"
	"testing"
)

// Extension maps (LANGUAGE.md 5.7) whose effects only userspace can see:
// per-CPU copies, tries written from userspace, stack traces.

// TestPerCPUArrayOneCopy is C-63: one test run increments the counter of
// the CPU it ran on and no other; userspace reads one value per CPU.
func TestPerCPUArrayOneCopy(t *testing.T) {
	l := loadProgram(t, "ext_percpu_counter")
	if ret, _, err := l.Run("count", make([]byte, 64)); err != nil || ret != 1 {
		t.Fatalf("run: ret %d, %v", ret, err)
	}
	entries, err := l.MapEntries("hits")
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 || len(entries[0].PerCPU) == 0 {
		t.Fatalf("want one entry with per-CPU values, got %+v", entries)
	}
	ones := 0
	for cpu, v := range entries[0].PerCPU {
		switch n := binary.LittleEndian.Uint64(v); n {
		case 0:
		case 1:
			ones++
		default:
			t.Errorf("CPU %d holds %d", cpu, n)
		}
	}
	if ones != 1 {
		t.Errorf("%d of %d CPUs hold 1, want exactly one", ones, len(entries[0].PerCPU))
	}
}

// TestLPMTrieFromUserspace is C-65: userspace stores 10.1.0.0/16 and the
// program's lookup of 10.1.2.3/32 finds it.
func TestLPMTrieFromUserspace(t *testing.T) {
	l := loadProgram(t, "ext_lpm_trie")
	info, err := l.Object().MapSpecInfo("routes")
	if err != nil {
		t.Fatal(err)
	}
	if info.Type != "LPM_TRIE" || info.Flags&1 == 0 || info.KeySize != 8 {
		t.Errorf("routes: %+v, want an lpm_trie with BPF_F_NO_PREALLOC and 8-byte keys", info)
	}
	key := []byte{16, 0, 0, 0, 10, 1, 0, 0} // prefixlen 16, then the address in network order
	val := binary.LittleEndian.AppendUint64(nil, 77)
	if err := l.MapUpdate("routes", key, val); err != nil {
		t.Fatal(err)
	}
	if ret, _, err := l.Run("match", make([]byte, 64)); err != nil || ret != 77 {
		t.Errorf("lookup of 10.1.2.3/32: ret %d, %v; want 77", ret, err)
	}
}

// TestStackIDIsAKey is C-68: get_stackid() in a raw_tracepoint test run
// gives an id >= 0 that is a key of the StackTrace map, whose entries hold
// depth frames of 8 bytes.
func TestStackIDIsAKey(t *testing.T) {
	l := loadProgram(t, "ext_stackid")
	for name, depth := range map[string]uint32{"stacks": 32, "deep": 127} {
		info, err := l.Object().MapSpecInfo(name)
		if err != nil || info.KeySize != 4 || info.ValueSize != 8*depth {
			t.Errorf("%s: %+v %v, want key size 4 and value size %d", name, info, err, 8*depth)
		}
	}
	ret, _, err := l.Run("trace", nil)
	if err != nil {
		t.Fatal(err)
	}
	id := int32(ret)
	if id < 0 {
		t.Fatalf("get_stackid() = %d", id)
	}
	entries, err := l.MapEntries("stacks")
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, e := range entries {
		found = found || binary.LittleEndian.Uint32(e.Key) == uint32(id)
	}
	if !found {
		t.Errorf("stack id %d is not among the %d keys of stacks", id, len(entries))
	}
	if second := int64(global(t, l, "second")); second < 0 {
		t.Errorf("get_stackid(deep, 0) = %d", second)
	}
}

// TestExtMapEncoding checks the BTF map structs of 5.3.2 for the kinds of
// 5.7: sized encodings for Queue and ProgArray, map_flags on an LPMTrie,
// and `values` last in a statically filled ProgArray (C-67).
func TestExtMapEncoding(t *testing.T) {
	obj := open(t, build(t, extMapsSrc))
	want := map[string][]string{
		"q":     {"type", "value_size", "max_entries"},
		"st":    {"type", "key_size", "value_size", "max_entries"},
		"trie":  {"type", "key", "value", "max_entries", "map_flags"},
		"progs": {"type", "key_size", "value_size", "max_entries", "values"},
		"empty": {"type", "key_size", "value_size", "max_entries"},
	}
	for name, names := range want {
		ms, err := obj.MapBTF(name)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, m := range ms {
			got = append(got, m.Name)
		}
		if strings.Join(got, " ") != strings.Join(names, " ") {
			t.Errorf("%s: members %v, want %v", name, got, names)
		}
	}
	if info, _ := obj.MapSpecInfo("q"); info.KeySize != 0 || info.ValueSize != 2 || info.MaxEntries != 3 {
		t.Errorf("queue: %+v", info)
	}
	if info, _ := obj.MapSpecInfo("progs"); info.KeySize != 4 || info.ValueSize != 4 || info.Type != "PROG_ARRAY" {
		t.Errorf("prog array: %+v", info)
	}
}

const extMapsSrc = prelude + `from pythonbpf.maps import Queue, StackTrace, LPMTrie, ProgArray


@bpf
@struct
class k_t:
    prefixlen: c_uint32
    addr: c_uint8 * 16


@bpf
@map
def q() -> Queue:
    return Queue(c_uint16, 3)


@bpf
@map
def st() -> StackTrace:
    return StackTrace(8, depth=4)


@bpf
@map
def trie() -> LPMTrie:
    return LPMTrie(k_t, c_uint8, 4)


@bpf
@map
def progs() -> ProgArray:
    return ProgArray(max_entries=2, programs=[p])


@bpf
@map
def empty() -> ProgArray:
    return ProgArray(2)


@bpf
@section("xdp")
def p(ctx: c_void_p) -> c_int64:
    return XDP_PASS
` + license
