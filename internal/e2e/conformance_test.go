package e2e

import (
	"bytes"
	"encoding/binary"
	"strings"
	"testing"

	"github.com/pybpfc/pybpfc/backend"
	"github.com/pybpfc/pybpfc/internal/driver"
	"github.com/pybpfc/pybpfc/internal/kerneltest"
	"github.com/pybpfc/pybpfc/loader"
)

// Checklist items that are about the object file rather than a run: they
// compile small programs and inspect the ELF and its BTF.

const prelude = `from ctypes import c_void_p, c_int64, c_uint64, c_uint32, c_uint16, c_uint8, c_bool
from pythonbpf import bpf, map, section, bpfglobal, bpfconst, struct
from pythonbpf.maps import HashMap
`

const license = `
@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"
`

func build(t *testing.T, src string) *driver.Output {
	t.Helper()
	out, err := driver.Build("t.py", []byte(src), driver.Options{OptLevel: 2})
	if err != nil {
		t.Fatal(err)
	}
	if out.Failed() {
		var b bytes.Buffer
		out.Render(&b)
		t.Fatalf("compile failed:\n%s", b.String())
	}
	return out
}

func open(t *testing.T, out *driver.Output) *loader.Object {
	t.Helper()
	obj, err := loader.Open(out.Object)
	if err != nil {
		t.Fatal(err)
	}
	return obj
}

// TestStructLayoutBTF is C-35 (BTF offsets) and C-36.
func TestStructLayoutBTF(t *testing.T) {
	src := prelude + `
@bpf
@struct
class s3:
    a: c_uint8
    b: c_uint32
    c: c_uint16


@bpf
@struct
class event_t:
    pid: c_uint32
    flags: c_uint8
    delay_ns: c_uint64
    name: str(16)


@bpf
@map
def m3() -> HashMap:
    return HashMap(key=c_uint32, value=s3, max_entries=1)


@bpf
@map
def ev() -> HashMap:
    return HashMap(key=c_uint32, value=event_t, max_entries=1)


@bpf
@section("xdp")
def p(ctx: c_void_p) -> c_int64:
    return XDP_PASS
` + license
	obj := open(t, build(t, src))
	size, ms, err := obj.StructBTF("s3")
	if err != nil {
		t.Fatal(err)
	}
	if size != 12 || len(ms) != 3 || ms[0].BitOffset != 0 || ms[1].BitOffset != 32 || ms[2].BitOffset != 64 {
		t.Errorf("s3: size %d members %+v", size, ms)
	}
	size, ms, err = obj.StructBTF("event_t")
	if err != nil {
		t.Fatal(err)
	}
	if size != 32 || ms[3].Name != "name" || ms[3].BitOffset != 128 || ms[3].Type != "char[16]" {
		t.Errorf("event_t: size %d members %+v", size, ms)
	}
	if info, _ := obj.MapSpecInfo("ev"); info.ValueSize != 32 {
		t.Errorf("event_t map value size %d, want 32", info.ValueSize)
	}
}

// TestMapEncoding is C-44, C-45 and C-46.
func TestMapEncoding(t *testing.T) {
	src := prelude + `
@bpf
@map
def kw() -> HashMap:
    return HashMap(key=c_uint32, value=c_uint64, max_entries=16)


@bpf
@map
def pos() -> HashMap:
    return HashMap(c_uint32, c_uint64, 16)


@bpf
@map
def small() -> HashMap:
    return HashMap(key=c_uint32, value=c_uint8, max_entries=4)


@bpf
@map
def flags() -> HashMap:
    return HashMap(key=c_uint32, value=c_bool, max_entries=4)


@bpf
@section("xdp")
def p(ctx: c_void_p) -> c_int64:
    return XDP_PASS
` + license
	obj := open(t, build(t, src))
	a, _ := obj.MapSpecInfo("kw")
	b, _ := obj.MapSpecInfo("pos")
	if a.Type != "Hash" && a.Type != "HASH" || a.KeySize != 4 || a.ValueSize != 8 || a.MaxEntries != 16 {
		t.Errorf("kw: %+v", a)
	}
	a.Name, b.Name = "", ""
	if a != b {
		t.Errorf("keyword and positional forms differ: %+v vs %+v", a, b)
	}
	ms, err := obj.MapBTF("kw")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, m := range ms {
		got = append(got, m.Name+":"+m.Type)
	}
	want := "type:int[1]* key:unsigned int* value:unsigned long long* max_entries:int[16]*"
	if strings.Join(got, " ") != want {
		t.Errorf("map BTF members\n got %s\nwant %s", strings.Join(got, " "), want)
	}
	if s, _ := obj.MapSpecInfo("small"); s.ValueSize != 1 {
		t.Errorf("c_uint8 value size %d", s.ValueSize)
	}
	if s, _ := obj.MapSpecInfo("flags"); s.ValueSize != 1 {
		t.Errorf("c_bool value size %d", s.ValueSize)
	}
	ms, _ = obj.MapBTF("flags")
	if len(ms) < 3 || ms[2].Type != "_Bool*" {
		t.Errorf("c_bool value BTF: %+v", ms)
	}
}

// TestEquivalentSpellingsGiveIdenticalObjects is C-3, C-4 and C-57.
func TestEquivalentSpellingsGiveIdenticalObjects(t *testing.T) {
	base := prelude + `
@bpf
@map
def count() -> HashMap:
    return HashMap(key=c_uint32, value=c_uint64, max_entries=16)


@bpf
@section("xdp")
def p(ctx: c_void_p) -> c_int64:
    v = count.lookup(1)
    count.update(1, (v or 0) + 1)
    return XDP_PASS
` + license
	variants := map[string]string{
		"C-57 count().method": strings.ReplaceAll(strings.ReplaceAll(base, "count.lookup", "count().lookup"), "count.update", "count().update"),
		"C-4 decorator order": strings.Replace(base, "@bpf\n@section(\"xdp\")", "@section(\"xdp\")\n@bpf", 1),
		"C-3 userspace code": base + `
import numpy
import logging
from lib import helper

if __name__ == "__main__":
    b = BPF()
    b.load()
    b.attach_all()
    trace_pipe()
    compile()
`,
	}
	want := build(t, base).Object
	for name, src := range variants {
		if got := build(t, src).Object; !bytes.Equal(got, want) {
			t.Errorf("%s: object differs from the plain spelling", name)
		}
	}
}

// TestDefaultLicense is C-104.
func TestDefaultLicense(t *testing.T) {
	out := build(t, prelude+`
@bpf
@section("xdp")
def p(ctx: c_void_p) -> c_int64:
    return XDP_PASS
`)
	if len(out.Diags.Diags) != 1 || out.Diags.Diags[0].Msg != `no LICENSE defined; defaulting to "GPL"` {
		t.Errorf("diagnostics: %v", out.Diags.Diags)
	}
	info, err := backend.InspectELF(out.Object)
	if err != nil {
		t.Fatal(err)
	}
	if info.License != "GPL" {
		t.Errorf("license %q", info.License)
	}
}

// TestStructKeyFromUserspace is C-37: a key built with S() and two fields
// set finds the entry userspace wrote with the same fields and zero
// padding.
func TestStructKeyFromUserspace(t *testing.T) {
	kerneltest.Require(t)
	src := prelude + `
@bpf
@struct
class key_t:
    proto: c_uint8
    port: c_uint32


@bpf
@map
def flows() -> HashMap:
    return HashMap(key=key_t, value=c_uint64, max_entries=4)


@bpf
@section("xdp")
def find(ctx: c_void_p) -> c_int64:
    k = key_t()
    k.proto = 17
    k.port = 53
    return flows.lookup(k) or 0
` + license
	l, err := open(t, build(t, src)).Load(loader.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	key := make([]byte, 8) // proto at 0, three bytes of zero padding, port at 4
	key[0] = 17
	binary.LittleEndian.PutUint32(key[4:], 53)
	val := make([]byte, 8)
	binary.LittleEndian.PutUint64(val, 42)
	if err := l.MapUpdate("flows", key, val); err != nil {
		t.Fatal(err)
	}
	ret, _, err := l.Run("find", nil)
	if err != nil {
		t.Fatal(err)
	}
	if ret != 42 {
		t.Errorf("lookup with an S() key returned %d, want 42", ret)
	}
}

// TestBpfconstReplacedBeforeLoad is C-108.
func TestBpfconstReplacedBeforeLoad(t *testing.T) {
	kerneltest.Require(t)
	src := prelude + `
@bpf
@bpfconst
def limit() -> c_uint32:
    return c_uint32(10)


@bpf
@section("xdp")
def p(ctx: c_void_p) -> c_int64:
    return limit
` + license
	obj := open(t, build(t, src))
	v := make([]byte, 4)
	binary.LittleEndian.PutUint32(v, 77)
	if err := obj.SetGlobal("limit", v); err != nil {
		t.Fatal(err)
	}
	l, err := obj.Load(loader.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	if ret, _, err := l.Run("p", nil); err != nil || ret != 77 {
		t.Errorf("returned %d (%v), want 77", ret, err)
	}
}

// TestSectionNamesAreVerbatim is C-1 (object shape) and C-10: the section
// string is the ELF section name, and programs may share one.
func TestSectionNamesAreVerbatim(t *testing.T) {
	src := prelude + `
@bpf
@section("tracepoint/syscalls/sys_enter_openat")
def on_open(ctx: c_void_p) -> c_int64:
    return 0
`
	for _, n := range []string{"a", "b", "c", "d"} {
		src += `
@bpf
@section("cgroup/getsockopt")
def get_` + n + `(ctx: c_void_p) -> c_int64:
    return 1
`
	}
	info, err := backend.InspectELF(build(t, src+license).Object)
	if err != nil {
		t.Fatal(err)
	}
	if p, ok := info.Program("on_open"); !ok || p.Section != "tracepoint/syscalls/sys_enter_openat" {
		t.Errorf("on_open: %+v %v", p, ok)
	}
	for _, n := range []string{"a", "b", "c", "d"} {
		if p, ok := info.Program("get_" + n); !ok || p.Section != "cgroup/getsockopt" {
			t.Errorf("get_%s: %+v %v", n, p, ok)
		}
	}
}
