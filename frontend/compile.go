package frontend

import (
	"fmt"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/pybpfc/pybpfc/frontend/syntax"
	"github.com/pybpfc/pybpfc/internal/diag"
	"github.com/pybpfc/pybpfc/ssa"
)

// Options tune a compilation.
type Options struct {
	// BTFPath names a BTF file for `from vmlinux import ...` (default: the
	// running kernel's /sys/kernel/btf/vmlinux).
	BTFPath string
}

// Result is what the frontend produces: the SSA module (nil when an error
// was reported), the diagnostics and the source they refer to.
type Result struct {
	Module *ssa.Module
	Diags  *diag.List
	Source *diag.Source
}

// Compile parses, checks and lowers one source file. It never panics: an
// internal failure becomes an "internal error" diagnostic.
func Compile(filename string, src []byte, opts Options) (res *Result) {
	res = &Result{Diags: &diag.List{}, Source: diag.NewSource(filename, src)}
	defer func() {
		if r := recover(); r != nil {
			res.Module = nil
			res.Diags.Add(&diag.Diagnostic{Severity: diag.Internal,
				Msg: fmt.Sprintf("%v (please report this bug with the program that caused it)", r)})
		}
	}()
	mod, d := syntax.Parse(filename, src)
	if d != nil {
		res.Diags.Add(d)
		return res
	}
	c := newCompiler(filename, res.Diags, opts)
	c.collect(mod)
	// Lowering runs even after declaration errors: the failed definitions
	// are remembered (c.failed) so their uses stay quiet, and every
	// independent error of this stage is reported at once.
	c.lowerAll()
	if c.poisoned && !res.Diags.HasErrors() {
		// An expression was dropped without a diagnostic: refuse to write a
		// silently wrong object.
		res.Diags.Add(&diag.Diagnostic{Severity: diag.Internal,
			Msg: "an expression was dropped without a diagnostic (please report this bug with the program)"})
	}
	if res.Diags.HasErrors() {
		return res
	}
	res.Module = c.mod
	return res
}

// Parse exposes the parser for --emit=ast.
func Parse(filename string, src []byte) (*syntax.Module, *diag.Diagnostic) {
	return syntax.Parse(filename, src)
}

// compiler holds the module-level state of one compilation.
type compiler struct {
	file  string
	diags *diag.List
	opts  Options
	mod   *ssa.Module

	defs       map[string]diag.Span // every BPF definition name, for duplicates
	progs      []*funcDecl
	subprogs   []*funcDecl
	subs       *subState // subprogram signatures and call edges (subprog.go)
	maps       map[string]*mapDecl
	globals    map[string]*globalDecl
	structs    map[string]*structDecl
	license    *syntax.FunctionDef
	userNames  map[string]bool   // module-level Python names (hint for undefined names)
	aliases    map[string]string // `from pythonbpf... import x as y`, ctypes aliases: y -> x
	pbfModules map[string]bool   // names bound to pythonbpf modules (`import pythonbpf as pb`)
	ctypesMods map[string]bool   // names bound to the ctypes module
	vmlinux    map[string]diag.Span
	failed     map[string]bool // definitions whose declaration had an error
	// poisoned is set when lowering used an operand that stands for an
	// earlier error; it must then have reported one.
	poisoned bool
	kern     *kernelState // kernel BTF, loaded on first need (kernel.go)
}

func newCompiler(file string, diags *diag.List, opts Options) *compiler {
	return &compiler{
		file: file, diags: diags, opts: opts,
		mod:        &ssa.Module{File: file},
		defs:       map[string]diag.Span{},
		maps:       map[string]*mapDecl{},
		globals:    map[string]*globalDecl{},
		structs:    map[string]*structDecl{},
		userNames:  map[string]bool{},
		aliases:    map[string]string{},
		pbfModules: map[string]bool{},
		ctypesMods: map[string]bool{"ctypes": true},
		vmlinux:    map[string]diag.Span{},
		failed:     map[string]bool{},
	}
}

func (c *compiler) errorf(sp diag.Span, format string, args ...any) *diag.Diagnostic {
	return c.diags.Errorf(sp, format, args...)
}

func (c *compiler) warnf(sp diag.Span, format string, args ...any) *diag.Diagnostic {
	return c.diags.Warningf(sp, format, args...)
}

// baseName is the source file's base name, used in debug info.
func baseName(p string) string { return filepath.Base(p) }

// resolveAlias maps a name imported with `as` back to the original.
func (c *compiler) resolveAlias(name string) string {
	if o, ok := c.aliases[name]; ok {
		return o
	}
	return name
}

// plainName returns the name an expression spells for decorators, types
// and helpers: `x`, or `M.x` when M is a pythonbpf or ctypes module.
func (c *compiler) plainName(e syntax.Expr) (string, bool) {
	switch e := e.(type) {
	case *syntax.Name:
		return c.resolveAlias(e.Id), true
	case *syntax.Attribute:
		if m, ok := e.X.(*syntax.Name); ok && (c.pbfModules[m.Id] || c.ctypesMods[m.Id]) {
			return e.Name, true
		}
	}
	return "", false
}

func isIdent(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		if !(r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || i > 0 && r >= '0' && r <= '9' || r >= utf8.RuneSelf) {
			return false
		}
	}
	return true
}

func isPythonbpfModule(m string) bool {
	return m == "pythonbpf" || strings.HasPrefix(m, "pythonbpf.")
}
