package loader

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pybpfc/pybpfc/internal/kerneltest"
)

// compileC builds testdata/<name>.c with clang into the test's temp dir and
// returns the object's bytes. The flags are the backend's (ARCHITECTURE.md):
// -O2 -mcpu=v3 -g, so BTF and line info are present.
func compileC(t *testing.T, name string) []byte {
	t.Helper()
	clang := kerneltest.RequireTool(t, "clang-19", "clang")
	out := filepath.Join(t.TempDir(), name+".o")
	cmd := exec.Command(clang, "-target", "bpf", "-O2", "-mcpu=v3", "-g",
		"-c", filepath.Join("testdata", name+".c"), "-o", out)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%s: %v\n%s", cmd, err, msg)
	}
	elf, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	return elf
}

// markedLine returns the 1-based line of testdata/<name>.c that holds marker.
func markedLine(t *testing.T, name, marker string) int {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("testdata", name+".c"))
	if err != nil {
		t.Fatal(err)
	}
	for i, l := range strings.Split(string(src), "\n") {
		if strings.Contains(l, marker) {
			return i + 1
		}
	}
	t.Fatalf("testdata/%s.c has no line with %q", name, marker)
	return 0
}

// openC compiles and opens testdata/<name>.c.
func openC(t *testing.T, name string) *Object {
	t.Helper()
	obj, err := Open(compileC(t, name))
	if err != nil {
		t.Fatal(err)
	}
	return obj
}

// loadC compiles, opens and loads testdata/<name>.c, closing it at the end
// of the test.
func loadC(t *testing.T, name string) *Loaded {
	t.Helper()
	kerneltest.Require(t)
	l, err := openC(t, name).Load(LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(l.Close)
	return l
}
