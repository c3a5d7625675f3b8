// Package driver runs the compiler's stages in order — frontend, passes,
// backend, toolchain — and stops after any of them. The CLI, the tests
// and the benchmark all compile through it, so there is one definition of
// "compile this file" and the CLI keeps no compiler logic.
package driver

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/pybpfc/pybpfc/backend"
	"github.com/pybpfc/pybpfc/frontend"
	"github.com/pybpfc/pybpfc/frontend/syntax"
	"github.com/pybpfc/pybpfc/internal/diag"
	"github.com/pybpfc/pybpfc/passes"
	"github.com/pybpfc/pybpfc/ssa"
)

// Stage names a point to stop at (--emit).
type Stage string

const (
	StageTokens Stage = "tokens"
	StageAST    Stage = "ast"
	StageSSA    Stage = "ssa"
	StageSSAOpt Stage = "ssa-opt"
	StageLLVM   Stage = "llvm"
	StageAsm    Stage = "asm"
	StageObj    Stage = "obj"
)

// Options configure one build.
type Options struct {
	OptLevel int // pybpfc -O level: which pass pipeline runs
	// LLVMOpt overrides the LLVM -O level; nil means 2 at every pybpfc
	// level, since clang -O0 output spills every value and often fails the
	// verifier: pybpfc's -O chooses our own pass pipeline only.
	LLVMOpt    *int
	Stop       Stage  // default StageObj
	Toolchain  string // override for backend.FindToolchain
	BTFPath    string
	PrintAfter string
	Disabled   []string
	TimePasses bool
	NoCheck    bool
	Trace      io.Writer // where --print-after and --time-passes write
}

// Output is what a build produced.
type Output struct {
	Diags  *diag.List
	Source *diag.Source
	Text   []byte // the requested stage's text (tokens, ast, ssa, llvm, asm)
	Object []byte // StageObj: the ELF object
	Module *ssa.Module
	Tool   string // the toolchain used, e.g. "clang-19 (19.1.7)"

	FrontendTime, PassesTime, BackendTime, ToolTime time.Duration
}

// Failed reports whether the build reported an error.
func (o *Output) Failed() bool { return o.Diags.HasErrors() }

// Build compiles src. User errors are in Output.Diags; the error return is
// for failures that are not the program's fault (no toolchain, I/O).
func Build(filename string, src []byte, opts Options) (out *Output, err error) {
	out = &Output{Diags: &diag.List{}, Source: diag.NewSource(filename, src)}
	var lineNames []string
	if strings.HasSuffix(filename, ".ipynb") {
		code, names, err := frontend.Notebook(filename, src)
		if err != nil {
			out.Diags.Add(&diag.Diagnostic{Severity: diag.Error, Msg: err.Error()})
			return out, nil
		}
		src, lineNames = code, names
		out.Source = diag.NewSource(filename, src)
		out.Source.LineNames = lineNames
	}
	if opts.Stop == "" {
		opts.Stop = StageObj
	}
	switch opts.Stop {
	case StageTokens:
		toks, d := syntax.Tokens(filename, src)
		if d != nil {
			out.Diags.Add(d)
			return out, nil
		}
		out.Text = []byte(syntax.FormatTokens(toks))
		return out, nil
	case StageAST:
		m, d := syntax.Parse(filename, src)
		if d != nil {
			out.Diags.Add(d)
			return out, nil
		}
		out.Text = []byte(syntax.Dump(m))
		return out, nil
	}
	t0 := time.Now()
	res := frontend.Compile(filename, src, frontend.Options{BTFPath: opts.BTFPath})
	out.FrontendTime = time.Since(t0)
	out.Diags = res.Diags
	if res.Module == nil || out.Failed() {
		return out, nil
	}
	m := res.Module
	out.Module = m
	if opts.Stop == StageSSA {
		out.Text = []byte(m.String())
		return out, nil
	}
	disabled := map[string]bool{}
	for _, d := range opts.Disabled {
		disabled[d] = true
	}
	trace := opts.Trace
	if trace == nil {
		trace = io.Discard
	}
	pc := &passes.Context{Diags: out.Diags, PrintAfter: opts.PrintAfter, Disabled: disabled,
		TimePasses: opts.TimePasses, NoCheck: opts.NoCheck, Out: trace}
	t0 = time.Now()
	if err := passes.Run(m, opts.OptLevel, pc); err != nil {
		if errors.Is(err, passes.ErrDiagnostics) {
			return out, nil // a verifier-aware pass reported user errors in out.Diags
		}
		out.Diags.Add(&diag.Diagnostic{Severity: diag.Internal, Span: diag.At(firstPos(m)), Msg: err.Error() + " (please report this bug)"})
		return out, nil
	}
	out.PassesTime = time.Since(t0)
	if out.Failed() {
		return out, nil
	}
	if opts.Stop == StageSSAOpt {
		out.Text = []byte(m.String())
		return out, nil
	}
	t0 = time.Now()
	ir, err := backend.EmitLLVM(m)
	out.BackendTime = time.Since(t0)
	if err != nil {
		out.Diags.Add(&diag.Diagnostic{Severity: diag.Internal, Span: diag.At(firstPos(m)), Msg: "backend: " + err.Error() + " (please report this bug)"})
		return out, nil
	}
	if opts.Stop == StageLLVM {
		out.Text = []byte(ir)
		return out, nil
	}
	tc, err := backend.FindToolchain(opts.Toolchain)
	if err != nil {
		return out, err
	}
	out.Tool = tc.String()
	llvmOpt := 2
	if opts.LLVMOpt != nil {
		llvmOpt = *opts.LLVMOpt
	}
	emit := backend.EmitObj
	if opts.Stop == StageAsm {
		emit = backend.EmitAsm
	}
	t0 = time.Now()
	code, err := tc.Compile(ir, backend.Options{OptLevel: llvmOpt, Emit: emit})
	out.ToolTime = time.Since(t0)
	if err != nil {
		return out, fmt.Errorf("%s failed on the generated LLVM IR (a pybpfc bug): %w", tc.Name, err)
	}
	if emit == backend.EmitAsm {
		out.Text = code
	} else {
		out.Object = code
	}
	return out, nil
}

func firstPos(m *ssa.Module) diag.Pos {
	if len(m.Funcs) > 0 {
		return m.Funcs[0].Pos
	}
	return diag.Pos{Line: 1, Col: 1}
}

// Render writes the diagnostics in the standard format.
func (o *Output) Render(w io.Writer) {
	var b bytes.Buffer
	diag.RenderAll(&b, o.Source, o.Diags)
	w.Write(b.Bytes())
}
