package e2e

import (
	"encoding/binary"
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
