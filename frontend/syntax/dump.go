package syntax

import (
	"fmt"
	"strings"

	"github.com/pybpfc/pybpfc/internal/diag"
)

// Dump prints the AST one node per line, children indented two spaces and
// introduced by the field they sit in, each with its span as
// @LINE:COL-LINE:COL. The format is deterministic; `--emit=ast` and the
// golden tests use it.
func Dump(m *Module) string {
	d := &dumper{}
	d.line(0, "", "Module")
	d.stmts(1, "body", m.Body)
	return d.b.String()
}

type dumper struct{ b strings.Builder }

func pos(sp diag.Span) string {
	return fmt.Sprintf("@%d:%d-%d:%d", sp.Start.Line, sp.Start.Col, sp.End.Line, sp.End.Col)
}

func (d *dumper) line(ind int, label, text string) {
	d.b.WriteString(strings.Repeat("  ", ind))
	switch {
	case label != "" && text != "":
		d.b.WriteString(label + ": " + text)
	case label != "":
		d.b.WriteString(label + ":")
	default:
		d.b.WriteString(text)
	}
	d.b.WriteByte('\n')
}

func (d *dumper) stmts(ind int, label string, ss []Stmt) {
	if len(ss) == 0 {
		return
	}
	d.line(ind, label, "")
	for _, s := range ss {
		d.stmt(ind+1, "", s)
	}
}

func (d *dumper) exprs(ind int, label string, es []Expr) {
	for _, e := range es {
		d.expr(ind, label, e)
	}
}

func (d *dumper) stmt(ind int, label string, s Stmt) {
	switch n := s.(type) {
	case *FunctionDef:
		kw := "FunctionDef"
		if n.IsAsync {
			kw = "AsyncFunctionDef"
		}
		d.line(ind, label, fmt.Sprintf("%s %s %s name%s", kw, n.Name, pos(n.Sp), pos(n.NameSpan)))
		d.exprs(ind+1, "decorator", n.Decorators)
		d.exprs(ind+1, "typeparam", n.TypeParams)
		for _, p := range n.Params {
			d.param(ind+1, p)
		}
		d.expr(ind+1, "returns", n.Returns)
		d.stmts(ind+1, "body", n.Body)
	case *ClassDef:
		d.line(ind, label, fmt.Sprintf("ClassDef %s %s name%s", n.Name, pos(n.Sp), pos(n.NameSpan)))
		d.exprs(ind+1, "decorator", n.Decorators)
		d.exprs(ind+1, "typeparam", n.TypeParams)
		d.exprs(ind+1, "base", n.Bases)
		for _, k := range n.Keywords {
			d.keyword(ind+1, k)
		}
		d.stmts(ind+1, "body", n.Body)
	case *Return:
		d.line(ind, label, "Return "+pos(n.Sp))
		d.expr(ind+1, "value", n.Value)
	case *Assign:
		d.line(ind, label, "Assign "+pos(n.Sp))
		d.exprs(ind+1, "target", n.Targets)
		d.expr(ind+1, "value", n.Value)
	case *AugAssign:
		d.line(ind, label, fmt.Sprintf("AugAssign %s= %s op%s", n.Op, pos(n.Sp), pos(n.OpSpan)))
		d.expr(ind+1, "target", n.Target)
		d.expr(ind+1, "value", n.Value)
	case *AnnAssign:
		d.line(ind, label, "AnnAssign "+pos(n.Sp))
		d.expr(ind+1, "target", n.Target)
		d.expr(ind+1, "annotation", n.Annotation)
		d.expr(ind+1, "value", n.Value)
	case *For:
		kw := "For"
		if n.IsAsync {
			kw = "AsyncFor"
		}
		d.line(ind, label, kw+" "+pos(n.Sp))
		d.expr(ind+1, "target", n.Target)
		d.expr(ind+1, "iter", n.Iter)
		d.stmts(ind+1, "body", n.Body)
		d.stmts(ind+1, "else", n.Else)
	case *While:
		d.line(ind, label, "While "+pos(n.Sp))
		d.expr(ind+1, "test", n.Test)
		d.stmts(ind+1, "body", n.Body)
		d.stmts(ind+1, "else", n.Else)
	case *If:
		kw := "If"
		if n.IsElif {
			kw = "If elif"
		}
		d.line(ind, label, kw+" "+pos(n.Sp))
		d.expr(ind+1, "test", n.Test)
		d.stmts(ind+1, "body", n.Body)
		d.stmts(ind+1, "else", n.Else)
	case *Import:
		d.line(ind, label, "Import "+pos(n.Sp))
		for _, a := range n.Names {
			d.alias(ind+1, a)
		}
	case *ImportFrom:
		text := fmt.Sprintf("ImportFrom %s%s level=%d", strings.Repeat(".", n.Level), n.Module, n.Level)
		if n.Star {
			text += " *"
		}
		d.line(ind, label, text+" "+pos(n.Sp))
		for _, a := range n.Names {
			d.alias(ind+1, a)
		}
	case *Global:
		var names []string
		for i, nm := range n.Names {
			names = append(names, nm+pos(n.Spans[i]))
		}
		d.line(ind, label, fmt.Sprintf("Global %s %s", strings.Join(names, " "), pos(n.Sp)))
	case *ExprStmt:
		d.line(ind, label, "Expr "+pos(n.Sp))
		d.expr(ind+1, "value", n.Value)
	case *Pass:
		d.line(ind, label, "Pass "+pos(n.Sp))
	case *Break:
		d.line(ind, label, "Break "+pos(n.Sp))
	case *Continue:
		d.line(ind, label, "Continue "+pos(n.Sp))
	case *OtherStmt:
		d.line(ind, label, fmt.Sprintf("OtherStmt %q %s", n.Kind, pos(n.Sp)))
		d.exprs(ind+1, "expr", n.Exprs)
		for _, b := range n.Bodies {
			if len(b) == 0 {
				d.line(ind+1, "body", "(empty)")
			}
			d.stmts(ind+1, "body", b)
		}
	default:
		d.line(ind, label, fmt.Sprintf("?%T", s))
	}
}

func (d *dumper) param(ind int, p *Param) {
	kinds := [...]string{"normal", "posonly", "varargs", "kwonly", "varkwargs"}
	d.line(ind, "param", fmt.Sprintf("Param %s %s %s", p.Name, kinds[p.Kind], pos(p.Sp)))
	d.expr(ind+1, "annotation", p.Annotation)
	d.expr(ind+1, "default", p.Default)
}

func (d *dumper) alias(ind int, a *Alias) {
	text := "Alias " + a.Name
	if a.AsName != "" {
		text += " as " + a.AsName
	}
	d.line(ind, "name", text+" "+pos(a.Sp))
}

func (d *dumper) keyword(ind int, k *Keyword) {
	name := k.Name
	if name == "" {
		name = "**"
	}
	d.line(ind, "keyword", fmt.Sprintf("Keyword %s %s", name, pos(k.Sp)))
	d.expr(ind+1, "value", k.Value)
}

func (d *dumper) expr(ind int, label string, e Expr) {
	if e == nil {
		return
	}
	switch n := e.(type) {
	case *Name:
		d.line(ind, label, fmt.Sprintf("Name %s %s", n.Id, pos(n.Sp)))
	case *Int:
		d.line(ind, label, fmt.Sprintf("Int %s =%s %s", n.Text, n.Value, pos(n.Sp)))
	case *Float:
		d.line(ind, label, fmt.Sprintf("Float %s %s", n.Text, pos(n.Sp)))
	case *Str:
		kw := "Str"
		if n.IsBytes {
			kw = "Bytes"
		}
		d.line(ind, label, fmt.Sprintf("%s %q %s", kw, n.Value, pos(n.Sp)))
	case *FString:
		d.line(ind, label, "FString "+pos(n.Sp))
		for _, p := range n.Parts {
			if p.Expr == nil {
				d.line(ind+1, "lit", fmt.Sprintf("%q %s", p.Lit, pos(p.Sp)))
				continue
			}
			text := "Field " + pos(p.Sp)
			if p.Debug {
				text += fmt.Sprintf(" debug=%q", p.DebugText)
			}
			if p.Conv != "" {
				text += " !" + p.Conv
			}
			if p.Spec != "" {
				text += fmt.Sprintf(" spec=%q", p.Spec)
			}
			d.line(ind+1, "field", text)
			d.expr(ind+2, "value", p.Expr)
		}
	case *Constant:
		d.line(ind, label, fmt.Sprintf("Constant %s %s", n.Value, pos(n.Sp)))
	case *BinOp:
		d.line(ind, label, fmt.Sprintf("BinOp %s %s op%s", n.Op, pos(n.Sp), pos(n.OpSpan)))
		d.expr(ind+1, "x", n.X)
		d.expr(ind+1, "y", n.Y)
	case *UnaryOp:
		d.line(ind, label, fmt.Sprintf("UnaryOp %s %s", n.Op, pos(n.Sp)))
		d.expr(ind+1, "x", n.X)
	case *BoolOp:
		d.line(ind, label, fmt.Sprintf("BoolOp %s %s", n.Op, pos(n.Sp)))
		d.exprs(ind+1, "value", n.Values)
	case *Compare:
		d.line(ind, label, "Compare "+pos(n.Sp))
		d.expr(ind+1, "left", n.Left)
		for i, op := range n.Ops {
			d.expr(ind+1, fmt.Sprintf("%s%s", op, pos(n.OpSpans[i])), n.Comparators[i])
		}
	case *Call:
		d.line(ind, label, "Call "+pos(n.Sp))
		d.expr(ind+1, "func", n.Func)
		d.exprs(ind+1, "arg", n.Args)
		for _, k := range n.Keywords {
			d.keyword(ind+1, k)
		}
	case *Attribute:
		d.line(ind, label, fmt.Sprintf("Attribute .%s %s name%s", n.Name, pos(n.Sp), pos(n.NameSpan)))
		d.expr(ind+1, "x", n.X)
	case *Subscript:
		d.line(ind, label, "Subscript "+pos(n.Sp))
		d.expr(ind+1, "x", n.X)
		d.expr(ind+1, "index", n.Index)
	case *Slice:
		d.line(ind, label, "Slice "+pos(n.Sp))
		d.expr(ind+1, "lower", n.Lower)
		d.expr(ind+1, "upper", n.Upper)
		d.expr(ind+1, "step", n.Step)
	case *IfExp:
		d.line(ind, label, "IfExp "+pos(n.Sp))
		d.expr(ind+1, "test", n.Test)
		d.expr(ind+1, "body", n.Body)
		d.expr(ind+1, "else", n.Else)
	case *Tuple:
		kw := "Tuple"
		if n.Paren {
			kw = "Tuple paren"
		}
		d.line(ind, label, kw+" "+pos(n.Sp))
		d.exprs(ind+1, "elt", n.Elts)
	case *Starred:
		d.line(ind, label, "Starred "+pos(n.Sp))
		d.expr(ind+1, "x", n.X)
	case *OtherExpr:
		d.line(ind, label, fmt.Sprintf("OtherExpr %q %s", n.Kind, pos(n.Sp)))
		d.exprs(ind+1, "child", n.Children)
	default:
		d.line(ind, label, fmt.Sprintf("?%T", e))
	}
}
