package main

import (
	"bytes"
	"math/rand"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/pybpfc/pybpfc/internal/kerneltest"
)

const example = "../../examples/hello_openat.py"

func runCLI(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestUsageErrorsExitTwo(t *testing.T) {
	for _, args := range [][]string{
		{},
		{"frobnicate"},
		{"build"},
		{"build", "--emit=nonsense", example},
		{"build", "-O7", example},
		{"build", "--no-such-flag", example},
		{"build", example, example},
	} {
		if code, _, stderr := runCLI(t, args...); code != 2 {
			t.Errorf("pybpfc %v: exit %d, want 2 (stderr %q)", args, code, stderr)
		}
	}
}

func TestMissingFileExitsOne(t *testing.T) {
	code, _, stderr := runCLI(t, "build", filepath.Join(t.TempDir(), "nope.py"))
	if code != 1 || !strings.HasPrefix(stderr, "pybpfc: error: ") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
}

// TestEmitStages stops after every stage and checks each prints what it
// should; the text stages never need a toolchain.
func TestEmitStages(t *testing.T) {
	want := map[string]string{
		"tokens":  `NAME "on_openat"`,
		"ast":     "FunctionDef on_openat",
		"ssa":     "map_lookup_elem",
		"ssa-opt": "map_update_elem",
		"llvm":    `section "tracepoint/syscalls/sys_enter_openat"`,
	}
	for stage, needle := range want {
		code, out, stderr := runCLI(t, "build", "--emit="+stage, example)
		if code != 0 {
			t.Errorf("--emit=%s: exit %d: %s", stage, code, stderr)
			continue
		}
		if !strings.Contains(out, needle) {
			t.Errorf("--emit=%s output lacks %q:\n%.400s", stage, needle, out)
		}
	}
	kerneltest.RequireTool(t, "clang-19", "clang", "llc-19", "llc")
	code, out, stderr := runCLI(t, "build", "--emit=asm", example)
	if code != 0 || !strings.Contains(out, "call 1") && !strings.Contains(out, "call bpf_map_lookup_elem") {
		t.Errorf("--emit=asm: exit %d, %s\n%.600s", code, stderr, out)
	}
}

// TestBuildIsDeterministic: same input and flags give byte-identical
// objects, at every -O level.
func TestBuildIsDeterministic(t *testing.T) {
	kerneltest.RequireTool(t, "clang-19", "clang", "llc-19", "llc")
	dir := t.TempDir()
	for _, lvl := range []string{"-O0", "-O1", "-O2"} {
		var objs [][]byte
		for i := 0; i < 2; i++ {
			out := filepath.Join(dir, lvl+string(rune('a'+i))+".o")
			if code, _, stderr := runCLI(t, "build", lvl, "-o", out, example); code != 0 {
				t.Fatalf("build %s: exit %d: %s", lvl, code, stderr)
			}
			b, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			objs = append(objs, b)
		}
		if !bytes.Equal(objs[0], objs[1]) {
			t.Errorf("%s: two builds of the same file differ", lvl)
		}
		if len(objs[0]) < 4 || string(objs[0][1:4]) != "ELF" {
			t.Errorf("%s: output is not an ELF object", lvl)
		}
	}
}

var diagLine = regexp.MustCompile(`^[^:]+:[0-9]+:[0-9]+: (error|warning): `)

// TestDiagnosticShape is C-109: position line, source line, caret under
// the reported column.
func TestDiagnosticShape(t *testing.T) {
	src := "from pythonbpf import bpf, section\n\n@bpf\n@section(\"xdp\")\ndef p(ctx):\n    return\tnosuch + 1\n"
	file := filepath.Join(t.TempDir(), "bad.py")
	os.WriteFile(file, []byte(src), 0o644)
	code, _, stderr := runCLI(t, "build", file)
	if code != 1 {
		t.Fatalf("exit %d, want 1", code)
	}
	lines := strings.Split(stderr, "\n")
	var i int
	for i = range lines {
		if strings.Contains(lines[i], "undefined name 'nosuch'") {
			break
		}
	}
	if i+2 >= len(lines) || !diagLine.MatchString(lines[i]) {
		t.Fatalf("no well-formed diagnostic in:\n%s", stderr)
	}
	if !strings.Contains(lines[i], ":6:12: error:") {
		t.Errorf("position: %q", lines[i])
	}
	if lines[i+1] != "    return\tnosuch + 1" || lines[i+2] != "          \t^~~~~~" {
		t.Errorf("source/caret lines:\n%q\n%q", lines[i+1], lines[i+2])
	}
	if _, err := os.Stat(strings.TrimSuffix(file, ".py") + ".o"); err == nil {
		t.Errorf("an object was written despite the error")
	}
}

// TestNoPanicOnBrokenInput is C-111: every prefix of real programs and
// random garbage gives exit 0 or 1, never a Go panic.
func TestNoPanicOnBrokenInput(t *testing.T) {
	var inputs [][]byte
	files, _ := filepath.Glob("../../testdata/programs/*.py")
	files = append(files, example)
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for i := 0; i <= len(src); i++ {
			if i == len(src) || src[i] == '\n' {
				inputs = append(inputs, src[:i])
			}
		}
	}
	rng := rand.New(rand.NewSource(1))
	for i := 0; i < 200; i++ {
		b := make([]byte, rng.Intn(300))
		rng.Read(b)
		inputs = append(inputs, b)
	}
	dir := t.TempDir()
	file := filepath.Join(dir, "in.py")
	for _, in := range inputs {
		os.WriteFile(file, in, 0o644)
		code, _, stderr := runCLI(t, "build", "--emit=ssa-opt", file)
		if code != 0 && code != 1 || strings.Contains(stderr, "panic:") || strings.Contains(stderr, "goroutine ") {
			t.Fatalf("exit %d on input %q:\n%s", code, in, stderr)
		}
	}
}

// TestCheckReportsPrograms loads the example into the verifier.
func TestCheckReportsPrograms(t *testing.T) {
	kerneltest.Require(t)
	kerneltest.RequireTool(t, "clang-19", "clang", "llc-19", "llc")
	code, out, stderr := runCLI(t, "check", example)
	if code != 0 {
		t.Fatalf("check: exit %d\n%s%s", code, out, stderr)
	}
	if !regexp.MustCompile(`on_openat\s+tracepoint/syscalls/sys_enter_openat\s+TRACEPOINT\s+\d+\s+\d+\s+\d+\s+\d+`).MatchString(out) {
		t.Errorf("unexpected report:\n%s", out)
	}
}
