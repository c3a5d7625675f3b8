package loader

import (
	"syscall"
	"testing"
)

// TestRunStats attaches the getppid tracepoint of testdata/attach.c with
// run-time statistics on and checks that every triggered call is counted
// and timed: this is how the benchmark measures tracing programs.
func TestRunStats(t *testing.T) {
	requireTracefs(t)
	l := loadC(t, "attach")
	stats, err := EnableRunStats()
	if err != nil {
		t.Fatal(err)
	}
	defer stats.Close()
	links, err := l.AttachAll(AttachOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer links.Close()
	before, err := l.RunStats("on_getppid")
	if err != nil {
		t.Fatal(err)
	}
	const calls = 200
	for i := 0; i < calls; i++ {
		syscall.Getppid()
	}
	after, err := l.RunStats("on_getppid")
	if err != nil {
		t.Fatal(err)
	}
	d := after.Sub(before)
	// Other processes may call getppid too, so at least, not exactly.
	if d.RunCount < calls {
		t.Errorf("RunCount grew by %d, want at least %d", d.RunCount, calls)
	}
	if d.RunTime <= 0 || d.NsPerRun() <= 0 {
		t.Errorf("no run time accounted: %+v", d)
	}
	if _, err := l.RunStats("nope"); err == nil {
		t.Error("RunStats of a missing program succeeded")
	}
}

// TestTestable tells packet programs, which BPF_PROG_TEST_RUN can time,
// from tracing programs, which it cannot.
func TestTestable(t *testing.T) {
	l := loadC(t, "attach")
	for prog, want := range map[string]bool{"sock": true, "on_getppid": false, "on_raw": false} {
		got, err := l.Testable(prog)
		if err != nil {
			t.Fatal(err)
		}
		if got != want {
			t.Errorf("Testable(%s) = %v, want %v", prog, got, want)
		}
	}
}
