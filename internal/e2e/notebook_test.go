package e2e

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/pybpfc/pybpfc/internal/driver"
	"github.com/pybpfc/pybpfc/loader"
)

// TestNotebooks is LANGUAGE.md 1.1.6: the code cells of a notebook are
// one module, magics and shell escapes are skipped, and diagnostics name
// the cell and the line in it.
func TestNotebooks(t *testing.T) {
	src, err := os.ReadFile("../../testdata/notebooks/broken.ipynb")
	if err != nil {
		t.Fatal(err)
	}
	out, err := driver.Build("broken.ipynb", src, driver.Options{OptLevel: 2})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	out.Render(&b)
	want := "broken.ipynb:cell2:4:12: error: undefined name 'nosuch'\n    return nosuch\n           ^~~~~~\n"
	if !strings.HasPrefix(b.String(), want) {
		t.Errorf("diagnostic:\n%s\nwant prefix:\n%s", b.String(), want)
	}
	src, err = os.ReadFile("../../testdata/notebooks/tracer.ipynb")
	if err != nil {
		t.Fatal(err)
	}
	out, err = driver.Build("tracer.ipynb", src, driver.Options{OptLevel: 2})
	if err != nil || out.Failed() {
		t.Fatalf("tracer notebook did not compile: %v", err)
	}
	if _, err := loader.Open(out.Object); err != nil {
		t.Fatal(err)
	}
}
