package main

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/pybpfc/pybpfc/internal/diag"
	"github.com/pybpfc/pybpfc/internal/driver"
	"github.com/pybpfc/pybpfc/loader"
)

// cmdCheck compiles, loads every program into the verifier without
// attaching, and reports per program; a rejection is rendered at the
// Python line the verifier's failing instruction came from.
func cmdCheck(args []string, stdout, stderr io.Writer) int {
	cf, ok := parseCompileFlags("check", args, stderr, false)
	if !ok {
		return 2
	}
	out, ok := compileFile(cf, driver.StageObj, stderr)
	if !ok {
		return 1
	}
	reports, err := loader.Check(out.Object, loader.CheckOptions{KeepLog: cf.verbose})
	if err != nil && len(reports) == 0 {
		fmt.Fprintf(stderr, "pybpfc: error: %s\n", explainLoadError(err))
		return 1
	}
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "program\tsection\ttype\tinsns\txlated\tverified\tstack")
	failed := false
	for _, r := range reports {
		if r.Err != nil {
			failed = true
			fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t-\trejected\t-\n", r.Name, r.Section, r.Type, r.ELFInsns)
			continue
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%d\t%d\t%d\n", r.Name, r.Section, r.Type, r.ELFInsns, r.XlatedInsns, r.VerifiedInsns, r.StackDepth)
	}
	tw.Flush()
	for _, r := range reports {
		if r.Err == nil {
			continue
		}
		d := rejectionDiagnostic(out, r.Err)
		diag.Render(stderr, out.Source, d)
		if cf.verbose && r.Err.Log != "" {
			fmt.Fprintf(stderr, "verifier log for %s:\n%s\n", r.Name, r.Err.Log)
		}
	}
	if failed {
		return 1
	}
	return 0
}

// rejectionDiagnostic turns a verifier rejection into a diagnostic at the
// Python line (LANGUAGE.md 10.7), with a hint for the common causes.
func rejectionDiagnostic(out *driver.Output, e *loader.RejectError) *diag.Diagnostic {
	msg := e.Message
	if msg == "" && e.Errno != nil {
		msg = e.Errno.Error()
	}
	var sp diag.Span
	if e.Line > 0 {
		sp = lineSpan(out.Source, e.Line, e.Col)
	} else if out.Module != nil {
		if f := out.Module.Func(e.Program); f != nil {
			sp = diag.At(f.Pos)
		}
	}
	d := diag.Errorf(sp, "the kernel rejected program '%s': %s", e.Program, msg)
	switch {
	case strings.Contains(msg, "map_value_or_null"), strings.Contains(msg, "_or_null"):
		d.Hint("a map lookup can return NULL: test the reference (`if p:`) before using it")
	case strings.Contains(msg, "invalid access to packet"):
		d.Hint("compare data + N with ctx.data_end before reading N bytes of the packet")
	case strings.Contains(msg, "stack") && strings.Contains(msg, "512"):
		d.Hint("the BPF stack is 512 bytes: use fewer or smaller locals, or a per-CPU array map as scratch space")
	case strings.Contains(msg, "unknown func"), strings.Contains(msg, "program of this type cannot use helper"):
		d.Hint("this helper is not available to this program type")
	case errors.Is(e.Errno, errPerm()):
		d.Hint("this kernel refuses to load this program type (for example fentry/fexit/lsm), or pybpfc is not running as root")
	}
	return d
}

func explainLoadError(err error) string {
	if errors.Is(err, errPerm()) {
		return err.Error() + " (loading BPF programs needs root or CAP_BPF)"
	}
	return err.Error()
}

// lineSpan covers a source line from its first token to its end when the
// object's line info has no column (the backend records lines only).
func lineSpan(src *diag.Source, line, col int) diag.Span {
	if col > 0 {
		return diag.At(diag.Pos{Line: line, Col: col})
	}
	text := []rune(src.Line(line))
	start := 0
	for start < len(text) && (text[start] == ' ' || text[start] == '\t') {
		start++
	}
	end := len(text)
	for end > start && (text[end-1] == ' ' || text[end-1] == '\t') {
		end--
	}
	if end <= start {
		return diag.At(diag.Pos{Line: line, Col: 1})
	}
	return diag.Span{Start: diag.Pos{Line: line, Col: start + 1}, End: diag.Pos{Line: line, Col: end + 1}}
}
