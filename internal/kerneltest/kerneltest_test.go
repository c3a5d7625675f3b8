package kerneltest

import (
	"fmt"
	"testing"
)

// recorder stands in for a *testing.T so that the skip/fail rule can be
// observed without ending the real test.
type recorder struct {
	testing.TB
	skipped, failed string
}

func (r *recorder) Helper() {}
func (r *recorder) Skip(args ...any) {
	r.skipped = fmt.Sprint(args...)
}
func (r *recorder) Fatalf(format string, args ...any) {
	r.failed = fmt.Sprintf(format, args...)
}

func TestSkipOrFail(t *testing.T) {
	t.Setenv(EnvRequire, "")
	r := &recorder{TB: t}
	skipOrFail(r, "no kernel")
	if r.skipped != "no kernel" || r.failed != "" {
		t.Errorf("without %s: skipped=%q failed=%q, want a skip", EnvRequire, r.skipped, r.failed)
	}

	t.Setenv(EnvRequire, "1")
	r = &recorder{TB: t}
	skipOrFail(r, "no kernel")
	if r.skipped != "" || r.failed == "" {
		t.Errorf("with %s=1: skipped=%q failed=%q, want a failure", EnvRequire, r.skipped, r.failed)
	}
}

func TestRequireToolFindsFirst(t *testing.T) {
	// "sh" is on PATH on every machine that can run go test.
	if got := RequireTool(t, "pybpfc-no-such-tool", "sh"); got == "" {
		t.Fatal("RequireTool did not find sh")
	}
}

func TestRequireToolMissing(t *testing.T) {
	t.Setenv(EnvRequire, "")
	r := &recorder{TB: t}
	if got := RequireTool(r, "pybpfc-no-such-tool-a", "pybpfc-no-such-tool-b"); got != "" {
		t.Errorf("RequireTool = %q, want empty", got)
	}
	if r.skipped == "" {
		t.Error("a missing tool did not skip")
	}
}

func TestRequire(t *testing.T) {
	// On this project's test machines (root, bpffs mounted) Require passes;
	// elsewhere it skips, which is the behaviour under test either way.
	Require(t)
	if reason := kernelMissing(); reason != "" {
		t.Fatalf("Require returned but the kernel is missing: %s", reason)
	}
}
