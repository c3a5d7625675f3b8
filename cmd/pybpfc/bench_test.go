package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pybpfc/pybpfc/internal/kerneltest"
)

// TestBenchCommand checks the flags and the files of `pybpfc bench`,
// without the kernel (-no-kernel): ELF counts and compile times only.
func TestBenchCommand(t *testing.T) {
	var out, errb bytes.Buffer
	if code := run([]string{"bench", "-count", "0"}, &out, &errb); code != 2 {
		t.Errorf("bench -count 0: exit %d, want 2", code)
	}
	if code := run([]string{"bench", "-q", "-no-kernel", "no_such_program"}, &out, &errb); code != 1 {
		t.Errorf("bench with a pattern matching nothing: exit %d, want 1", code)
	}
	kerneltest.RequireTool(t, "clang-19")
	dir := t.TempDir()
	out.Reset()
	errb.Reset()
	if code := run([]string{"bench", "-q", "-no-kernel", "-count", "1", "-o", dir, "^loop_small$"}, &out, &errb); code != 0 {
		t.Fatalf("bench: exit %d\n%s", code, errb.String())
	}
	if !strings.Contains(out.String(), "| loop_small | XDP |") {
		t.Errorf("no loop_small row in the table:\n%s", out.String())
	}
	for _, f := range []string{"bench.md", "bench.json", "bench.svg"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Error(err)
		}
	}
}
