package loader

import (
	"encoding/binary"
	"errors"
	"os"
	"reflect"
	"runtime"
	"syscall"
	"testing"

	"github.com/pybpfc/pybpfc/internal/kerneltest"
)

// TestOpen needs clang but not the kernel: everything comes from the ELF.
func TestOpen(t *testing.T) {
	obj := openC(t, "globals")
	if got, want := obj.Programs(), []string{"bump"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Programs() = %q, want %q", got, want)
	}
	p, ok := obj.Program("bump")
	if !ok || p.Section != "xdp" || p.Type != "XDP" || p.Insns <= 0 {
		t.Errorf("Program(bump) = %+v, %v; want section xdp, type XDP, instructions > 0", p, ok)
	}
	if got, want := obj.Maps(), []string{".bss", ".data", ".rodata", "counts", "percpu"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Maps() = %q, want %q", got, want)
	}
	mi, err := obj.MapSpecInfo("counts")
	if want := (MapInfo{Name: "counts", Type: "HASH", KeySize: 4, ValueSize: 8, MaxEntries: 16}); err != nil || mi != want {
		t.Errorf("MapSpecInfo(counts) = %+v, %v; want %+v", mi, err, want)
	}
	mi, err = obj.MapSpecInfo("percpu")
	if want := (MapInfo{Name: "percpu", Type: "PERCPU_ARRAY", KeySize: 4, ValueSize: 8, MaxEntries: 2}); err != nil || mi != want {
		t.Errorf("MapSpecInfo(percpu) = %+v, %v; want %+v", mi, err, want)
	}
	if _, err := obj.MapSpecInfo("nope"); err == nil {
		t.Error("MapSpecInfo(nope) succeeded")
	}
	if got, want := obj.Globals(), []string{"runs", "seed", "step"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Globals() = %q, want %q", got, want)
	}
	for name, want := range map[string][]byte{"runs": make([]byte, 8), "seed": le64(40), "step": le32(1)} {
		if got, err := obj.Global(name); err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("Global(%s) = %v, %v; want %v", name, got, err, want)
		}
	}
	if err := obj.SetGlobal("step", []byte{1}); err == nil {
		t.Error("SetGlobal with the wrong size succeeded")
	}

	sk := openC(t, "skb")
	if got, want := sk.Programs(), []string{"classify", "sock_len"}; !reflect.DeepEqual(got, want) {
		t.Errorf("skb Programs() = %q, want %q", got, want)
	}
	for name, want := range map[string]string{"classify": "SCHED_CLS", "sock_len": "SOCKET_FILTER"} {
		if p, _ := sk.Program(name); p.Type != want {
			t.Errorf("%s: type %q, want %q", name, p.Type, want)
		}
	}
}

func TestOpenGarbage(t *testing.T) {
	if _, err := Open([]byte("not an ELF")); err == nil {
		t.Fatal("Open accepted garbage")
	}
}

func TestXDPPass(t *testing.T) {
	l := loadC(t, "xdp_pass")
	if got := l.Programs(); !reflect.DeepEqual(got, []string{"xdp_pass"}) {
		t.Errorf("loaded programs %q", got)
	}
	ret, out, err := l.Run("xdp_pass", nil)
	if err != nil {
		t.Fatal(err)
	}
	if ret != 2 { // XDP_PASS
		t.Errorf("xdp_pass returned %d, want 2", ret)
	}
	if len(out) != DefaultPacketSize {
		t.Errorf("output packet has %d bytes, want %d", len(out), DefaultPacketSize)
	}
	if _, _, err := l.Run("nope", nil); err == nil {
		t.Error("running an unknown program succeeded")
	}
}

func TestGlobalsAndMaps(t *testing.T) {
	kerneltest.Require(t)
	obj := openC(t, "globals")
	// .rodata can only be set before load; the program adds step to runs.
	if err := obj.SetGlobal("step", le32(3)); err != nil {
		t.Fatal(err)
	}
	l, err := obj.Load(LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()

	for range 2 {
		if ret, _, err := l.Run("bump", nil); err != nil || ret != 2 {
			t.Fatalf("bump: ret %d, err %v", ret, err)
		}
	}
	for name, want := range map[string]uint64{"runs": 6, "seed": 44, "step": 3} {
		if got, err := l.GlobalUint(name); err != nil || got != want {
			t.Errorf("GlobalUint(%s) = %d, %v; want %d", name, got, err, want)
		}
	}

	entries, err := l.MapEntries("counts")
	if err != nil {
		t.Fatal(err)
	}
	if want := []MapEntry{{Key: le32(7), Value: le64(2)}}; !reflect.DeepEqual(entries, want) {
		t.Errorf("counts = %v, want %v", entries, want)
	}

	entries, err = l.MapEntries("percpu")
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 2 || !reflect.DeepEqual(entries[0].Key, le32(0)) || !reflect.DeepEqual(entries[1].Key, le32(1)) {
		t.Fatalf("percpu keys: %v", entries)
	}
	// The test runs may land on any CPU; the per-CPU values must add up.
	var sum [2]uint64
	for i, e := range entries {
		if e.Value != nil || len(e.PerCPU) == 0 {
			t.Fatalf("percpu entry %d: Value %v, %d per-CPU values", i, e.Value, len(e.PerCPU))
		}
		for _, v := range e.PerCPU {
			sum[i] += binary.LittleEndian.Uint64(v)
		}
	}
	if sum != [2]uint64{0, 10} {
		t.Errorf("percpu sums = %v, want [0 10]", sum)
	}

	// .data and .bss can be written after load; the program sees it.
	if err := l.SetGlobal("seed", le64(100)); err != nil {
		t.Fatal(err)
	}
	if _, _, err := l.Run("bump", nil); err != nil {
		t.Fatal(err)
	}
	if got, _ := l.GlobalUint("seed"); got != 102 {
		t.Errorf("seed after SetGlobal(100) and a run = %d, want 102", got)
	}
	if err := l.SetGlobal("step", le32(9)); err == nil {
		t.Error("SetGlobal on .rodata after load succeeded")
	}
	if _, err := l.MapEntries("nope"); err == nil {
		t.Error("MapEntries(nope) succeeded")
	}

	l.Close()
	if _, err := l.Global("runs"); err == nil {
		t.Error("Global after Close succeeded")
	}
}

func TestRawTracepoint(t *testing.T) {
	l := loadC(t, "rawtp")
	if p, _ := l.Object().Program("on_sys_enter"); p.Type != "RAW_TRACEPOINT" || p.Section != "raw_tracepoint/sys_enter" {
		t.Errorf("program: %+v", p)
	}
	// A test run executes on the calling thread, so the helper sees this
	// process and this OS thread.
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	ret, out, err := l.Run("on_sys_enter", nil)
	if err != nil {
		t.Fatal(err)
	}
	if ret != 0 || out != nil {
		t.Errorf("ret %d, out %v; want 0, nil", ret, out)
	}
	want := uint64(os.Getpid())<<32 | uint64(syscall.Gettid())
	if got, err := l.GlobalUint("last_pid_tgid"); err != nil || got != want {
		t.Errorf("last_pid_tgid = %#x, %v; want %#x", got, err, want)
	}
	if _, _, err := l.Benchmark("on_sys_enter", nil, 10); err == nil {
		t.Error("Benchmark of a raw tracepoint succeeded; the kernel cannot time it")
	}
}

func TestFentryRefused(t *testing.T) {
	kerneltest.Require(t)
	obj := openC(t, "fentry")
	if p, _ := obj.Program("trace_unlink"); p.Type != "TRACING" || p.Section != "fentry/do_unlinkat" {
		t.Errorf("trace_unlink: %+v", p)
	}

	l, err := obj.Load(LoadOptions{})
	if err == nil {
		// A kernel that allows fentry: nothing to check about refusals.
		l.Close()
		t.Skip("this kernel loads fentry programs")
	}
	var rerrs RejectErrors
	if !errors.As(err, &rerrs) || len(rerrs) != 1 {
		t.Fatalf("Load error %v (%T), want RejectErrors with one entry", err, err)
	}
	r := rerrs[0]
	if r.Program != "trace_unlink" || r.Section != "fentry/do_unlinkat" {
		t.Errorf("rejected %q in %q", r.Program, r.Section)
	}
	if !errors.Is(err, syscall.EPERM) || r.Message != "operation not permitted" || r.Line != 0 || r.InsnIndex != -1 {
		t.Errorf("rejection %+v, want EPERM, \"operation not permitted\", no line", r)
	}

	l, err = obj.Load(LoadOptions{Partial: true})
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	if got := l.Programs(); !reflect.DeepEqual(got, []string{"still_fine"}) {
		t.Errorf("partial load kept %q", got)
	}
	if len(l.Rejected) != 1 || l.Rejected[0].Program != "trace_unlink" {
		t.Errorf("Rejected = %v", l.Rejected)
	}
	if ret, _, err := l.Run("still_fine", nil); err != nil || ret != 2 {
		t.Errorf("still_fine: %d, %v", ret, err)
	}
	if _, _, err := l.Run("trace_unlink", nil); !errors.Is(err, syscall.EPERM) {
		t.Errorf("running the rejected program: %v, want its EPERM rejection", err)
	}
}

func le32(v uint32) []byte { return binary.LittleEndian.AppendUint32(nil, v) }
func le64(v uint64) []byte { return binary.LittleEndian.AppendUint64(nil, v) }
