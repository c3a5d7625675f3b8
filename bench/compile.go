package bench

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/pybpfc/pybpfc/internal/diag"
	"github.com/pybpfc/pybpfc/internal/driver"
)

// Clang is the compiler of the C twins and the toolchain pybpfc is asked
// to use, so both sides get the same LLVM: the comparison is then between
// the IR pybpfc writes and the IR clang's C front end writes.
const Clang = "clang-19"

// CFlags are the flags of the C twins (issue #5, ARCHITECTURE.md).
var CFlags = []string{"-target", "bpf", "-O2", "-mcpu=v3", "-g"}

// pyBuild is one pybpfc compilation.
type pyBuild struct {
	Object []byte
	// Pending is the first error diagnostic when pybpfc cannot compile
	// the program yet; Object is nil then.
	Pending string
	// FrontPasses is pybpfc's own time (front end and optimization
	// passes); Total is the whole driver.Build, LLVM IR emission and
	// clang included.
	FrontPasses, Total time.Duration
	// ToolTime is clang on the generated IR alone; Total minus
	// FrontPasses and ToolTime is IR emission and toolchain discovery
	// (a `clang --version` process on every build).
	ToolTime time.Duration
	Tool     string
}

// buildPy compiles a program at the given pybpfc -O level. A user error
// in the program is "pending" (a feature not compiled yet); an internal
// compiler error or a toolchain failure is an error.
func buildPy(p *Program, opt int, toolchain string) (*pyBuild, error) {
	t0 := time.Now()
	out, err := driver.Build(p.Name+".py", p.Py, driver.Options{OptLevel: opt, Toolchain: toolchain})
	total := time.Since(t0)
	if err != nil {
		return nil, fmt.Errorf("%s -O%d: %w", p.Name, opt, err)
	}
	if out.Failed() {
		d := firstError(out.Diags)
		if d.Severity == diag.Internal {
			return nil, fmt.Errorf("%s -O%d: %s", p.Name, opt, d.Error())
		}
		return &pyBuild{Pending: d.Error()}, nil
	}
	return &pyBuild{
		Object:      out.Object,
		FrontPasses: out.FrontendTime + out.PassesTime,
		Total:       total,
		ToolTime:    out.ToolTime,
		Tool:        out.Tool,
	}, nil
}

// firstError is the error that comes first in the source, the one a user
// would fix first.
func firstError(l *diag.List) *diag.Diagnostic {
	l.Sort()
	for _, d := range l.Diags {
		if d.Severity == diag.Error || d.Severity == diag.Internal {
			return d
		}
	}
	return &diag.Diagnostic{Severity: diag.Internal, Msg: "build failed without an error diagnostic"}
}

// buildC compiles a C twin with clang and returns the object and the
// time clang took. The source is written to a fresh directory under its
// own name, so the object's BTF line info and any clang message name it.
func buildC(p *Program, clang string) ([]byte, time.Duration, error) {
	dir, err := os.MkdirTemp("", "pybpfc-bench-")
	if err != nil {
		return nil, 0, err
	}
	defer os.RemoveAll(dir)
	src := filepath.Join(dir, p.Name+".bpf.c")
	if err := os.WriteFile(src, p.C, 0o644); err != nil {
		return nil, 0, err
	}
	obj := filepath.Join(dir, p.Name+".o")
	args := append(append([]string(nil), CFlags...), "-c", src, "-o", obj)
	cmd := exec.Command(clang, args...)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	t0 := time.Now()
	err = cmd.Run()
	d := time.Since(t0)
	if err != nil {
		return nil, 0, fmt.Errorf("%s on %s.bpf.c: %v: %s", clang, p.Name, err, strings.TrimSpace(stderr.String()))
	}
	elf, err := os.ReadFile(obj)
	if err != nil {
		return nil, 0, err
	}
	return elf, d, nil
}
