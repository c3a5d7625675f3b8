package bench

import (
	"testing"

	"github.com/pybpfc/pybpfc/internal/golden"
	"github.com/pybpfc/pybpfc/internal/kerneltest"
)

// TestInstructionBaseline is the benchmark's regression guard: every
// program pybpfc compiles is built at -O2 and each function's ELF
// instruction count must not rise above bench/baseline.json. Fewer
// instructions are logged (run with -update to lock the gain in); so are
// programs not in the baseline yet (a feature just landed). A program that
// was in the baseline but no longer compiles fails. Timings are never
// asserted: they depend on the machine.
//
//	go test ./bench -run Baseline -update   # accept the current counts
func TestInstructionBaseline(t *testing.T) {
	kerneltest.RequireTool(t, Clang)
	progs, err := Programs()
	if err != nil {
		t.Fatal(err)
	}
	got := &Baseline{Insns: map[string]int{}}
	pending := map[string]string{}
	for _, p := range progs {
		counts, tool, pend, err := FunctionInsns(p)
		if err != nil {
			t.Fatal(err)
		}
		if pend != "" {
			pending[p.Name] = pend
			t.Logf("%s: pending: %s", p.Name, pend)
			continue
		}
		got.Toolchain = tool
		for k, n := range counts {
			got.Insns[k] = n
		}
	}
	if golden.Updating() {
		if err := got.Write(BaselinePath); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %s with %d functions", BaselinePath, len(got.Insns))
		return
	}
	base, err := ReadBaseline(BaselinePath)
	if err != nil {
		t.Fatalf("%v (run go test ./bench -run Baseline -update to create it)", err)
	}
	if base.Toolchain != got.Toolchain {
		t.Logf("baseline was made with %s, this run uses %s: counts may differ for that reason alone",
			base.Toolchain, got.Toolchain)
	}
	for _, k := range got.Keys() {
		n := got.Insns[k]
		b, ok := base.Insns[k]
		switch {
		case !ok:
			t.Logf("%s: %d instructions, not in the baseline yet (go test ./bench -run Baseline -update)", k, n)
		case n > b:
			t.Errorf("%s: %d ELF instructions at -O2, baseline %d (+%d); fix the regression, or accept it with go test ./bench -run Baseline -update",
				k, n, b, n-b)
		case n < b:
			t.Logf("%s: %d instructions, %d fewer than the baseline; lock the gain in with -update", k, n, b-n)
		}
	}
	for _, k := range base.Keys() {
		if _, ok := got.Insns[k]; ok {
			continue
		}
		prog := k[:len(k)-len(funcOf(k))-1]
		if why, ok := pending[prog]; ok {
			t.Errorf("%s was in the baseline but pybpfc cannot compile %s any more: %s", k, prog, why)
		} else {
			t.Logf("%s is in the baseline but no longer in the object (renamed or removed?)", k)
		}
	}
}

// funcOf returns the function part of a "program/function" key.
func funcOf(key string) string {
	for i := len(key) - 1; i >= 0; i-- {
		if key[i] == '/' {
			return key[i+1:]
		}
	}
	return key
}
