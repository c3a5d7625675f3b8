package loader

import (
	"os"
	"syscall"
	"testing"

	"github.com/pybpfc/pybpfc/internal/kerneltest"
)

// requireEvents skips (or fails, under PYBPFC_REQUIRE_KERNEL=1) unless
// tracefs shows the getppid tracepoint the test fires.
func requireEvents(t *testing.T) {
	t.Helper()
	for _, d := range []string{"/sys/kernel/tracing", "/sys/kernel/debug/tracing"} {
		if _, err := os.Stat(d + "/events/syscalls/sys_enter_getppid"); err == nil {
			return
		}
	}
	if kerneltest.Required() {
		t.Fatal("tracefs with syscalls/sys_enter_getppid is not available")
	}
	t.Skip("tracefs with syscalls/sys_enter_getppid is not available")
}

// TestRunStats attaches a tracepoint and a raw tracepoint with run-time
// statistics on and checks that every triggered call is counted and
// timed: this is how the benchmark measures tracing programs.
func TestRunStats(t *testing.T) {
	l := loadC(t, "stats")
	requireEvents(t)
	stats, err := EnableRunStats()
	if err != nil {
		t.Fatal(err)
	}
	defer stats.Close()
	progs := []string{"on_getppid", "on_raw"}
	var before []RunStats
	for _, p := range progs {
		lk, err := l.AttachEvent(p)
		if err != nil {
			t.Fatal(err)
		}
		defer lk.Close()
		st, err := l.RunStats(p)
		if err != nil {
			t.Fatal(err)
		}
		before = append(before, st)
	}
	const calls = 200
	for i := 0; i < calls; i++ {
		syscall.Getppid()
	}
	for i, p := range progs {
		after, err := l.RunStats(p)
		if err != nil {
			t.Fatal(err)
		}
		d := after.Sub(before[i])
		// Other processes make system calls too: at least, not exactly.
		if d.RunCount < calls {
			t.Errorf("%s: RunCount grew by %d, want at least %d", p, d.RunCount, calls)
		}
		if d.RunTime <= 0 || d.NsPerRun() <= 0 {
			t.Errorf("%s: no run time accounted: %+v", p, d)
		}
	}
	if _, err := l.RunStats("nope"); err == nil {
		t.Error("RunStats of a missing program succeeded")
	}
	if _, err := l.AttachEvent("pass"); err == nil {
		t.Error("AttachEvent attached an XDP program")
	}
}

// TestTestable tells packet programs, which BPF_PROG_TEST_RUN can time,
// from tracing programs, which it cannot.
func TestTestable(t *testing.T) {
	l := loadC(t, "stats")
	for prog, want := range map[string]bool{"pass": true, "on_getppid": false, "on_raw": false} {
		got, err := l.Testable(prog)
		if err != nil {
			t.Fatal(err)
		}
		if got != want {
			t.Errorf("Testable(%s) = %v, want %v", prog, got, want)
		}
	}
}
