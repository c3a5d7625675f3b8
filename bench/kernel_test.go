package bench

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pybpfc/pybpfc/internal/kerneltest"
	"github.com/pybpfc/pybpfc/loader"
)

// objects builds the C twin and, unless pending, pybpfc -O0 and -O2 of a
// program, keyed "C", "O0", "O2".
func objects(t *testing.T, p *Program, clang string) map[string][]byte {
	t.Helper()
	objs := map[string][]byte{}
	c, _, err := buildC(p, clang)
	if err != nil {
		t.Fatal(err)
	}
	objs["C"] = c
	for _, opt := range []int{0, 2} {
		b, err := buildPy(p, opt, Clang)
		if err != nil {
			t.Fatal(err)
		}
		if b.Pending != "" {
			t.Logf("pybpfc: pending: %s", b.Pending)
			break
		}
		objs[fmt.Sprintf("O%d", opt)] = b.Object
	}
	return objs
}

// TestProgramsLoad loads every C twin and every pybpfc object that
// compiles, once, into the kernel verifier: the benchmark's table is only
// meaningful when both sides load.
func TestProgramsLoad(t *testing.T) {
	kerneltest.Require(t)
	clang := kerneltest.RequireTool(t, Clang)
	progs, err := Programs()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range progs {
		t.Run(p.Name, func(t *testing.T) {
			for label, elf := range objects(t, p, clang) {
				reports, err := loader.Check(elf, loader.CheckOptions{})
				if err != nil {
					t.Errorf("%s: %v", label, err)
					continue
				}
				if len(reports) == 0 {
					t.Errorf("%s: no program in the object", label)
				}
			}
		})
	}
}

// TestTwinsAgree runs each packet program three times on fresh loads of
// its three variants and compares the return values and the sums of the
// counter maps: a C twin that does other work than its Python program
// would make the comparison dishonest. Programs whose verdict depends on
// random() or the clock are skipped.
func TestTwinsAgree(t *testing.T) {
	kerneltest.Require(t)
	clang := kerneltest.RequireTool(t, Clang)
	progs, err := Programs()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range progs {
		if p.Trigger != "" || p.Nondeterministic {
			continue
		}
		t.Run(p.Name, func(t *testing.T) {
			var data []byte
			if p.Packet != "" {
				data = packets[p.Packet]()
			}
			verdicts := map[string]string{}
			for label, elf := range objects(t, p, clang) {
				obj, err := loader.Open(elf)
				if err != nil {
					t.Fatal(err)
				}
				l, err := obj.Load(loader.LoadOptions{})
				if err != nil {
					t.Fatalf("%s: %v", label, err)
				}
				var rets []string
				for _, name := range l.Programs() {
					for i := 0; i < 3; i++ {
						ret, _, err := l.Run(name, data)
						if err != nil {
							t.Fatalf("%s: %v", label, err)
						}
						rets = append(rets, fmt.Sprintf("%s=%d", name, int32(ret)))
					}
				}
				rets = append(rets, counterSums(t, l)...)
				l.Close()
				verdicts[label] = strings.Join(rets, " ")
			}
			t.Logf("C twin: %s", verdicts["C"])
			for label, v := range verdicts {
				if v != verdicts["C"] {
					t.Errorf("%s returned %s, the C twin %s", label, v, verdicts["C"])
				}
			}
		})
	}
}

// TestRunnerSmoke runs the whole runner on a few programs of each timing
// method with tiny repeat counts and checks the report files.
func TestRunnerSmoke(t *testing.T) {
	kerneltest.Require(t)
	kerneltest.RequireTool(t, Clang)
	rep, err := Run(Options{Pattern: "^(counter_array|socket_sample|latency_pair)$", Count: 1, Repeat: 200})
	if err != nil {
		t.Fatal(err)
	}
	if failed := rep.Failed(); len(failed) > 0 {
		for _, p := range rep.Programs {
			t.Logf("%s: %s", p.Name, p.Error)
		}
		t.Fatalf("failed: %v", failed)
	}
	for _, p := range rep.Programs {
		if p.Pending != "" {
			continue
		}
		for label, f := range map[string]*Figures{"O0": p.O0, "O2": p.O2, "C": p.C} {
			if f == nil || f.NsPerRun <= 0 || f.VerifiedInsns <= 0 || f.ELFInsns <= 0 {
				t.Errorf("%s %s: incomplete figures %+v", p.Name, label, f)
			}
		}
	}
	dir := t.TempDir()
	if err := rep.WriteFiles(dir); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(dir, "bench.json"))
	if err != nil {
		t.Fatal(err)
	}
	var back Report
	if err := json.Unmarshal(data, &back); err != nil || len(back.Programs) != 3 {
		t.Fatalf("bench.json does not read back: %v, %d programs", err, len(back.Programs))
	}
}

// counterSums adds up the values of every map whose values are 8 bytes
// (the counters), over all keys and CPUs: the keys may depend on the CPU
// or the clock, but the total counts the same events in both twins.
func counterSums(t *testing.T, l *loader.Loaded) []string {
	t.Helper()
	var out []string
	for _, name := range l.Object().Maps() {
		info, err := l.Object().MapSpecInfo(name)
		if err != nil {
			t.Fatal(err)
		}
		if info.ValueSize != 8 || strings.HasPrefix(name, ".") {
			continue
		}
		entries, err := l.MapEntries(name)
		if err != nil {
			continue // ring buffers and perf arrays have no entries to list
		}
		var sum uint64
		for _, e := range entries {
			for _, v := range append([][]byte{e.Value}, e.PerCPU...) {
				if len(v) == 8 {
					sum += binary.LittleEndian.Uint64(v)
				}
			}
		}
		out = append(out, fmt.Sprintf("sum(%s)=%d", name, sum))
	}
	return out
}
