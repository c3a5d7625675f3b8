package e2e

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"

	"github.com/pybpfc/pybpfc/internal/driver"
	"github.com/pybpfc/pybpfc/internal/kerneltest"
	"github.com/pybpfc/pybpfc/loader"
)

// These tests check what a `# run:` line cannot: values that depend on the
// calling task (C-39, C-71); records_test.go reads records (C-59, C-60).
// A raw_tracepoint test run executes in the calling thread, so each test
// locks its goroutine to one OS thread around the run.

// loadProgram compiles and loads a program of testdata/programs.
func loadProgram(t *testing.T, name string) *loader.Loaded {
	t.Helper()
	kerneltest.Require(t)
	src, err := os.ReadFile(filepath.Join(programsDir, name+".py"))
	if err != nil {
		t.Fatal(err)
	}
	out, err := driver.Build(name+".py", src, driver.Options{OptLevel: 2})
	if err != nil || out.Failed() {
		t.Fatalf("build %s: %v %v", name, err, out.Diags.Diags)
	}
	obj, err := loader.Open(out.Object)
	if err != nil {
		t.Fatal(err)
	}
	l, err := obj.Load(loader.LoadOptions{})
	if err != nil {
		t.Fatalf("load %s: %v", name, err)
	}
	t.Cleanup(l.Close)
	return l
}

// runHere test-runs prog on this goroutine's own OS thread and returns
// that thread's id.
func runHere(t *testing.T, l *loader.Loaded, prog string) int {
	t.Helper()
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	if _, _, err := l.Run(prog, nil); err != nil {
		t.Fatal(err)
	}
	return syscall.Gettid()
}

func global(t *testing.T, l *loader.Loaded, name string) uint64 {
	t.Helper()
	v, err := l.GlobalUint(name)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// C-71: pid() is the thread id, tgid() the process id.
func TestPidTgidInRawTracepoint(t *testing.T) {
	l := loadProgram(t, "helper_pid_tgid")
	tid := runHere(t, l, "ids")
	if got := global(t, l, "the_pid"); got != uint64(tid) {
		t.Errorf("pid() = %d, want the thread id %d", got, tid)
	}
	if got := global(t, l, "the_tgid"); got != uint64(os.Getpid()) {
		t.Errorf("tgid() = %d, want the process id %d", got, os.Getpid())
	}
	if got, want := global(t, l, "both"), uint64(os.Getpid())<<32|uint64(tid); got != want {
		t.Errorf("pid_tgid() = %#x, want %#x", got, want)
	}
}

// C-39: comm(e.name) fills the field with the calling task's comm; the
// program stores the struct in map `seen` under key 0.
func TestCommInRawTracepoint(t *testing.T) {
	l := loadProgram(t, "comm_raw_tp")
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	want, err := os.ReadFile("/proc/thread-self/comm")
	if err != nil {
		t.Fatal(err)
	}
	runHere(t, l, "who")
	entries, err := l.MapEntries("seen")
	if err != nil || len(entries) != 1 {
		t.Fatalf("map seen: %d entries, %v", len(entries), err)
	}
	v := entries[0].Value // event_t: pid u32 @0, name str(16) @4, copy str(8) @20
	name := string(bytes.TrimRight(v[4:20], "\x00"))
	if name != strings.TrimSpace(string(want)) {
		t.Errorf("comm() wrote %q, want %q", name, strings.TrimSpace(string(want)))
	}
	if cp := string(bytes.TrimRight(v[20:28], "\x00")); cp != truncate(name, 7) {
		t.Errorf("e.copy = s copied %q, want %q (7 bytes and a NUL)", cp, truncate(name, 7))
	}
}

func truncate(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}

// C-47, C-48: the perf event array has key and value size 4 and no
// max_entries (the loader sizes it, one entry per CPU); the ring buffer is
// type 27 with its byte size as max_entries.
func TestStreamMapShapes(t *testing.T) {
	for _, tc := range []struct {
		prog, typ          string
		key, value, maxEnt uint32
	}{
		{"perf_output", "PERF_EVENT_ARRAY", 4, 4, 0},
		{"ringbuf_output", "RINGBUF", 0, 0, 4096},
	} {
		src, err := os.ReadFile(filepath.Join(programsDir, tc.prog+".py"))
		if err != nil {
			t.Fatal(err)
		}
		out, err := driver.Build(tc.prog+".py", src, driver.Options{OptLevel: 2})
		if err != nil || out.Failed() {
			t.Fatalf("build %s: %v %v", tc.prog, err, out.Diags.Diags)
		}
		obj, err := loader.Open(out.Object)
		if err != nil {
			t.Fatal(err)
		}
		mi, err := obj.MapSpecInfo("events")
		if err != nil {
			t.Fatal(err)
		}
		if mi.Type != tc.typ || mi.KeySize != tc.key || mi.ValueSize != tc.value || mi.MaxEntries != tc.maxEnt {
			t.Errorf("%s: map events is %+v, want type %s key %d value %d max_entries %d", tc.prog, mi, tc.typ, tc.key, tc.value, tc.maxEnt)
		}
	}
}
