package e2e

import (
	"bytes"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/pybpfc/pybpfc/internal/diag"
	"github.com/pybpfc/pybpfc/internal/driver"
	"github.com/pybpfc/pybpfc/internal/golden"
	"github.com/pybpfc/pybpfc/internal/kerneltest"
	"github.com/pybpfc/pybpfc/loader"
)

const programsDir = "../../testdata/programs"

func programFiles(t *testing.T) []string {
	files, err := filepath.Glob(filepath.Join(programsDir, "*.py"))
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(files)
	if len(files) == 0 {
		t.Fatal("no test programs found")
	}
	return files
}

// TestPrograms compiles every test program and checks its expectations;
// programs that compile are loaded into the kernel and test-run.
func TestPrograms(t *testing.T) {
	for _, file := range programFiles(t) {
		name := strings.TrimSuffix(filepath.Base(file), ".py")
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			sp, err := parseSpec(string(src))
			if err != nil {
				t.Fatal(err)
			}
			out, err := driver.Build(filepath.Base(file), src, driver.Options{OptLevel: 2})
			if err != nil {
				t.Fatalf("build: %v", err)
			}
			checkDiagnostics(t, sp, out)
			if sp.wantsError() {
				if !out.Failed() {
					t.Fatalf("expected a compile error, but the program compiled")
				}
				if out.Object != nil {
					t.Errorf("an object was produced despite errors")
				}
				return
			}
			if out.Failed() {
				return // checkDiagnostics reported the unexpected errors
			}
			ssaOut, err := driver.Build(filepath.Base(file), src, driver.Options{Stop: driver.StageSSA})
			if err != nil || ssaOut.Failed() {
				t.Fatalf("--emit=ssa failed: %v", err)
			}
			golden.Check(t, filepath.Join(programsDir, name+".ssa"), ssaOut.Text)
			runInKernel(t, sp, out)
		})
	}
}

func checkDiagnostics(t *testing.T, sp *spec, out *driver.Output) {
	t.Helper()
	var unexpected []string
	for _, d := range out.Diags.Diags {
		sev := d.Severity.String()
		if d.Severity == diag.Internal {
			var b bytes.Buffer
			diag.Render(&b, out.Source, d)
			t.Errorf("internal error:\n%s", b.String())
			continue
		}
		if sev == "warning" && !sp.hasWarning {
			continue
		}
		line := 0
		if d.Span.IsValid() {
			line = d.Span.Start.Line
		}
		found := false
		for _, e := range sp.expects {
			if e.severity == sev && e.line == line && e.re.MatchString(d.Msg) {
				e.matched = true
				found = true
			}
		}
		if !found {
			var b bytes.Buffer
			diag.Render(&b, out.Source, d)
			unexpected = append(unexpected, b.String())
		}
	}
	for _, u := range unexpected {
		t.Errorf("unexpected diagnostic:\n%s", u)
	}
	for _, e := range sp.expects {
		if !e.matched {
			t.Errorf("line %d: expected %s matching %q, not reported", e.line, e.severity, e.re)
		}
	}
}

func runInKernel(t *testing.T, sp *spec, out *driver.Output) {
	t.Helper()
	kerneltest.Require(t)
	obj, err := loader.Open(out.Object)
	if err != nil {
		t.Fatalf("loader.Open: %v", err)
	}
	loaded, err := obj.Load(loader.LoadOptions{})
	if sp.refused {
		if err == nil {
			loaded.Close()
			t.Fatalf("expected the kernel to refuse the program, but it loaded")
		}
		return
	}
	if err != nil {
		t.Fatalf("the kernel rejected the program:\n%v", err)
	}
	defer loaded.Close()
	for _, r := range sp.runs {
		ret, _, err := loaded.Run(r.prog, r.packet)
		if err != nil {
			t.Errorf("line %d: run %s: %v", r.line, r.prog, err)
			continue
		}
		if r.ret != nil && int64(int32(ret)) != int64(int32(*r.ret)) {
			t.Errorf("line %d: %s returned %d, want %d", r.line, r.prog, int32(ret), int32(*r.ret))
		}
		for _, g := range r.order {
			got, err := loaded.GlobalUint(g)
			if err != nil {
				t.Errorf("line %d: global %s: %v", r.line, g, err)
				continue
			}
			want := uint64(r.globals[g])
			if size := globalSize(loaded, g); size < 8 {
				mask := uint64(1)<<(8*size) - 1
				want &= mask
				got &= mask
			}
			if got != want {
				t.Errorf("line %d: after running %s, global %s = %d (%#x), want %d (%#x)", r.line, r.prog, g, int64(got), got, int64(want), want)
			}
		}
	}
}

func globalSize(l *loader.Loaded, name string) int {
	b, err := l.Global(name)
	if err != nil {
		return 8
	}
	return len(b)
}
