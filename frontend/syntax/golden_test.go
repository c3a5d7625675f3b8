package syntax

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pybpfc/pybpfc/internal/golden"
)

// TestGolden compares the Dump of every testdata/*.py with its .ast file;
// `go test -update` rewrites them.
func TestGolden(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.py")
	if len(files) == 0 {
		t.Fatal("no testdata")
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			m, d := Parse(f, src)
			if d != nil {
				t.Fatal(d)
			}
			golden.Check(t, strings.TrimSuffix(f, ".py")+".ast", []byte(Dump(m)))
		})
	}
}
