package driver

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pybpfc/pybpfc/internal/diag"
)

// FuzzCompile feeds arbitrary sources through the frontend and every pass
// (up to --emit=ssa-opt: no toolchain, no kernel). Whatever the input, the
// compiler must answer with diagnostics, never a panic and never an
// internal error. Seeds are the test programs and examples.
func FuzzCompile(f *testing.F) {
	for _, glob := range []string{"../../testdata/programs/*.py", "../../examples/*.py"} {
		files, _ := filepath.Glob(glob)
		for _, file := range files {
			if src, err := os.ReadFile(file); err == nil {
				f.Add(src)
			}
		}
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		out, err := Build("fuzz.py", src, Options{OptLevel: 2, Stop: StageSSAOpt})
		if err != nil {
			return
		}
		for _, d := range out.Diags.Diags {
			if d.Severity == diag.Internal {
				t.Fatalf("internal error: %s\nsource:\n%s", d.Msg, src)
			}
			if strings.Contains(d.Msg, "BUG") {
				t.Fatalf("bug message: %s", d.Msg)
			}
		}
	})
}
