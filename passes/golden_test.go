package passes

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/txtar"

	"github.com/pybpfc/pybpfc/internal/golden"
	"github.com/pybpfc/pybpfc/ssa"
)

// TestPassGoldens runs each pass alone on testdata/<pass>/*.txtar: the
// `in.ssa` section through the pass (and ssa.Check, as the driver does)
// must print as the `out.ssa` section; -update rewrites that section. On
// top of the text comparison, every function without helper calls is run
// by ssa.Interp on a few inputs before and after: a golden file that
// encodes a wrong transformation fails even if someone -updated it.
func TestPassGoldens(t *testing.T) {
	dirs, err := filepath.Glob("testdata/*")
	if err != nil {
		t.Fatal(err)
	}
	for _, dir := range dirs {
		name := filepath.Base(dir)
		p, ok := registry[name]
		if !ok {
			t.Errorf("testdata/%s: no pass of that name", name)
			continue
		}
		files, _ := filepath.Glob(filepath.Join(dir, "*.txtar"))
		if len(files) < 5 {
			t.Errorf("testdata/%s: %d cases, want at least 5", name, len(files))
		}
		for _, file := range files {
			t.Run(name+"/"+strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
				runGolden(t, p, file)
			})
		}
	}
}

func section(ar *txtar.Archive, name string) (int, bool) {
	for i, f := range ar.Files {
		if f.Name == name {
			return i, true
		}
	}
	return -1, false
}

func runGolden(t *testing.T, p Pass, file string) {
	ar, err := txtar.ParseFile(file)
	if err != nil {
		t.Fatal(err)
	}
	in, ok := section(ar, "in.ssa")
	if !ok {
		t.Fatalf("%s: no in.ssa section", file)
	}
	m, err := ssa.Parse(string(ar.Files[in].Data))
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	for _, f := range m.Funcs {
		if err := ssa.Check(f); err != nil {
			t.Fatalf("%s: input does not pass Check: %v", file, err)
		}
	}
	before := interpAll(m)
	if err := runPipeline(m, []Pass{p}, &Context{Out: io.Discard}); err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	got := m.String()
	if after := interpAll(m); !cmp.Equal(before, after) {
		t.Errorf("%s: pass %s changed results (-before +after):\n%s", file, p.Name, cmp.Diff(before, after))
	}
	out, ok := section(ar, "out.ssa")
	if golden.Updating() {
		if !ok {
			ar.Files = append(ar.Files, txtar.File{Name: "out.ssa"})
			out = len(ar.Files) - 1
		}
		ar.Files[out].Data = []byte(got)
		if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if !ok {
		t.Fatalf("%s: no out.ssa section (run with -update to create it)", file)
	}
	if diff := cmp.Diff(string(ar.Files[out].Data), got); diff != "" {
		t.Errorf("%s: out.ssa differs (-want +got); run with -update if intended:\n%s", file, diff)
	}
}

// interpInputs are the argument patterns golden functions are run on: the
// edges of every width and some ordinary values.
var interpInputs = []uint64{0, 1, ^uint64(0), 7, 0x80, 0x7fffffff, 0x80000000, 1 << 63, 250, 33}

// interpAll runs every function that makes no helper call on a few argument
// vectors and records the results (errors as text, so an error that
// appears or vanishes is a difference too).
func interpAll(m *ssa.Module) map[string][]string {
	res := map[string][]string{}
	for _, f := range m.Funcs {
		if callsHelpers(f) {
			continue
		}
		for k := 0; k < 4; k++ {
			args := make([]uint64, len(f.Params))
			for i := range args {
				args[i] = interpInputs[(k*3+i*7)%len(interpInputs)]
			}
			r, err := ssa.Interp(f, args, quickEnv{})
			var s string
			if err != nil {
				s = "error"
			} else {
				s = fmt.Sprint(r)
			}
			res[f.Name] = append(res[f.Name], s)
		}
	}
	return res
}

func callsHelpers(f *ssa.Func) bool {
	for _, b := range f.Blocks {
		for _, v := range b.Values {
			if v.Op == ssa.OpCall {
				return true
			}
		}
	}
	return false
}

// quickEnv makes the goldens' deliberately endless loops fail fast. It
// has no helpers: functions that call them are not interpreted.
type quickEnv struct{}

func (quickEnv) Call(int64, string, []uint64) uint64 {
	panic("BUG: helper call in a golden interp run")
}
func (quickEnv) StepLimit() int { return 100_000 }
