package e2e

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/pybpfc/pybpfc/internal/driver"
	"github.com/pybpfc/pybpfc/internal/kerneltest"
	"github.com/pybpfc/pybpfc/loader"
)

// TestExamplesLoad compiles every program in examples/ without a single
// diagnostic and loads it into the verifier: the examples are what new
// users copy, so they must always work.
func TestExamplesLoad(t *testing.T) {
	files, err := filepath.Glob("../../examples/*.py")
	if err != nil || len(files) == 0 {
		t.Fatalf("no examples found: %v", err)
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			out, err := driver.Build(filepath.Base(file), src, driver.Options{OptLevel: 2})
			if err != nil {
				t.Fatal(err)
			}
			if len(out.Diags.Diags) > 0 {
				var b []byte
				for _, d := range out.Diags.Diags {
					b = append(b, d.Error()...)
					b = append(b, '\n')
				}
				t.Fatalf("diagnostics:\n%s", b)
			}
			kerneltest.Require(t)
			reports, err := loader.Check(out.Object, loader.CheckOptions{})
			if err != nil {
				t.Fatalf("load: %v", err)
			}
			for _, r := range reports {
				if r.Err != nil {
					t.Errorf("program %s rejected: %v", r.Name, r.Err)
				}
			}
		})
	}
}
