package syntax

import (
	"strings"

	plexer "github.com/alecthomas/participle/v2/lexer"

	"github.com/pybpfc/pybpfc/internal/diag"
)

// converter turns the participle CST into the AST of ast.go. It also makes
// the checks the grammar leaves out on purpose (operator precedence,
// assignment targets, parameter order), so its errors are syntax errors too.
type converter struct {
	src      *source
	toks     []tok
	filename string
}

// fail stops conversion with a syntax error; Parse recovers it.
func (c *converter) fail(sp diag.Span, format string, args ...any) {
	panic(bailout{diag.Errorf(sp, format, args...)})
}

// span covers the given participle tokens (Offset is our token index).
func (c *converter) span(ts []plexer.Token) diag.Span {
	if len(ts) == 0 {
		return diag.Span{}
	}
	return diag.Span{Start: c.toks[ts[0].Pos.Offset].start, End: c.toks[ts[len(ts)-1].Pos.Offset].fin}
}

func (c *converter) tokSpan(t plexer.Token) diag.Span {
	if t.Value == "" && t.Pos.Line == 0 {
		return diag.Span{}
	}
	return c.toks[t.Pos.Offset].span()
}

// header is a compound statement's first line: from its first token
// through the ':' that opens the body.
func (c *converter) header(ts []plexer.Token, colon plexer.Token) diag.Span {
	return diag.Span{Start: c.toks[ts[0].Pos.Offset].start, End: c.toks[colon.Pos.Offset].fin}
}

func (c *converter) module(m *cstModule) *Module {
	return &Module{Body: c.stmts(m.Stmts)}
}

func (c *converter) stmts(ss []*cstStatement) []Stmt {
	var out []Stmt
	for _, s := range ss {
		if s.Compound != nil {
			out = append(out, c.compound(s.Compound))
		} else {
			out = append(out, c.simpleLine(s.Simple)...)
		}
	}
	return out
}

func (c *converter) simpleLine(l *cstSimpleLine) []Stmt {
	out := make([]Stmt, 0, len(l.Stmts))
	for _, s := range l.Stmts {
		out = append(out, c.small(s))
	}
	return out
}

func (c *converter) block(b *cstBlock) []Stmt {
	if b == nil {
		return nil
	}
	if b.Inline != nil {
		return c.simpleLine(b.Inline)
	}
	return c.stmts(b.Stmts)
}

func (c *converter) compound(s *cstCompound) Stmt {
	switch {
	case s.If != nil:
		return c.ifStmt(s.If)
	case s.While != nil:
		w := s.While
		return &While{Sp: c.header(w.Tokens, w.Colon), Test: c.namedExpr(w.Test), Body: c.block(w.Body), Else: c.block(w.Else)}
	case s.For != nil:
		f := s.For
		target := c.targetList(f.Target, "assign to")
		return &For{Sp: c.header(f.Tokens, f.Colon), Target: target, Iter: c.exprList(f.Iter, false),
			Body: c.block(f.Body), Else: c.block(f.Else), IsAsync: f.Async}
	case s.Try != nil:
		return c.tryStmt(s.Try)
	case s.With != nil:
		return c.withStmt(s.With)
	case s.Def != nil:
		return c.definition(s.Def)
	case s.Match != nil:
		return c.matchStmt(s.Match)
	}
	panic("BUG: empty compound statement")
}

// ifStmt builds the elif chain from the end: each elif is an If with
// IsElif set, alone in the Else of the one before it.
func (c *converter) ifStmt(s *cstIf) Stmt {
	els := c.block(s.Else)
	for i := len(s.Elifs) - 1; i >= 0; i-- {
		e := s.Elifs[i]
		els = []Stmt{&If{Sp: c.header(e.Tokens, e.Colon), Test: c.namedExpr(e.Test), Body: c.block(e.Body), Else: els, IsElif: true}}
	}
	return &If{Sp: c.header(s.Tokens, s.Colon), Test: c.namedExpr(s.Test), Body: c.block(s.Body), Else: els}
}

func (c *converter) tryStmt(t *cstTry) Stmt {
	o := &OtherStmt{Sp: c.header(t.Tokens, t.Colon), Kind: "try", Bodies: [][]Stmt{c.block(t.Body)}}
	if len(t.Handlers) == 0 && t.Finally == nil {
		c.fail(o.Sp, "expected 'except' or 'finally' block")
	}
	if len(t.Handlers) == 0 && t.Else != nil {
		c.fail(o.Sp, "expected 'except' or 'finally' block")
	}
	star := -1
	for i, h := range t.Handlers {
		if h.Type == nil && i != len(t.Handlers)-1 {
			c.fail(c.header(h.Tokens, h.Colon), "default 'except:' must be last")
		}
		if h.Type == nil && h.Star {
			c.fail(c.header(h.Tokens, h.Colon), "expected one or more exception types")
		}
		if h.Star != (star == 1) && star >= 0 {
			c.fail(c.header(h.Tokens, h.Colon), "cannot have both 'except' and 'except*' on the same 'try'")
		}
		if h.Star {
			star = 1
		} else {
			star = 0
		}
		if h.Type != nil {
			o.Exprs = append(o.Exprs, c.test(h.Type))
		}
		if h.Name.Value != "" {
			o.Exprs = append(o.Exprs, &Name{Sp: c.tokSpan(h.Name), Id: h.Name.Value})
		}
		o.Bodies = append(o.Bodies, c.block(h.Body))
	}
	if t.Else != nil {
		o.Bodies = append(o.Bodies, c.block(t.Else))
	}
	if t.Finally != nil {
		o.Bodies = append(o.Bodies, c.block(t.Finally))
	}
	return o
}

func (c *converter) withStmt(w *cstWith) Stmt {
	kind := "with"
	if w.Async {
		kind = "async with"
	}
	o := &OtherStmt{Sp: c.header(w.Tokens, w.Colon), Kind: kind}
	items := w.Items
	if w.Paren != nil {
		items = w.Paren
	}
	for _, it := range items {
		o.Exprs = append(o.Exprs, c.test(it.Expr))
		if it.Target != nil {
			t := c.bitChain(it.Target)
			c.checkTarget(t, "assign to")
			o.Exprs = append(o.Exprs, t)
		}
	}
	o.Bodies = [][]Stmt{c.block(w.Body)}
	return o
}

func (c *converter) matchStmt(m *cstMatch) Stmt {
	o := &OtherStmt{Sp: c.header(m.Tokens, m.Colon), Kind: "match", Exprs: []Expr{c.exprList(m.Subject, false)}}
	for _, cs := range m.Cases {
		if cs.Guard != nil {
			o.Exprs = append(o.Exprs, c.namedExpr(cs.Guard))
		}
		o.Bodies = append(o.Bodies, c.block(cs.Body))
	}
	return o
}

func (c *converter) definition(d *cstDefinition) Stmt {
	var decos []Expr
	for _, dc := range d.Decorators {
		decos = append(decos, c.namedExpr(dc.Expr))
	}
	if d.Class != nil {
		k := d.Class
		cd := &ClassDef{Sp: c.header(k.Tokens, k.Colon), NameSpan: c.tokSpan(k.Name), Name: k.Name.Value,
			Decorators: decos, TypeParams: c.typeParams(k.TypeParams)}
		args, kws := c.args(k.Args)
		cd.Bases, cd.Keywords = args, kws
		cd.Body = c.block(k.Body)
		return cd
	}
	f := d.Func
	fd := &FunctionDef{Sp: c.header(f.Tokens, f.Colon), NameSpan: c.tokSpan(f.Name), Name: f.Name.Value,
		Decorators: decos, TypeParams: c.typeParams(f.TypeParams), IsAsync: f.Async}
	fd.Params = c.params(f.Params)
	if f.Returns != nil {
		fd.Returns = c.test(f.Returns)
	}
	fd.Body = c.block(f.Body)
	return fd
}

func (c *converter) typeParams(tp *cstTypeParams) []Expr {
	if tp == nil {
		return nil
	}
	var out []Expr
	for _, p := range tp.Params {
		out = append(out, &Name{Sp: c.span(p.Tokens), Id: p.Star + p.Name})
	}
	return out
}

// paramItem is the common shape of def and lambda parameter items.
type paramItem struct {
	sp                    diag.Span
	slash, star, starStar bool
	name                  string
	nameSp                diag.Span
	annot                 Expr
	def                   Expr
}

func (c *converter) params(ps []*cstParam) []*Param {
	items := make([]paramItem, 0, len(ps))
	for _, p := range ps {
		it := paramItem{sp: c.span(p.Tokens), slash: p.Slash, star: p.Star}
		n := p.Plain
		switch {
		case p.StarStar != nil:
			it.starStar, n = true, p.StarStar
		case p.VarArg != nil:
			n = p.VarArg
		}
		if n != nil {
			it.name, it.nameSp = n.Name, c.span(n.Tokens[:1])
			if n.Annot != nil {
				it.annot = c.starExpr(n.Annot)
			}
			if n.Default != nil {
				it.def = c.test(n.Default)
			}
		}
		items = append(items, it)
	}
	return c.assignParamKinds(items)
}

// assignParamKinds applies `/`, `*` and `**` to a parameter list and makes
// the order checks Python makes.
func (c *converter) assignParamKinds(items []paramItem) []*Param {
	var out []*Param
	seenSlash, seenStar, seenKw, seenDefault := false, false, false, false
	names := map[string]bool{}
	for i, it := range items {
		if seenKw {
			c.fail(it.sp, "arguments cannot follow var-keyword argument")
		}
		switch {
		case it.slash:
			if seenSlash {
				c.fail(it.sp, "/ may appear only once")
			}
			if seenStar {
				c.fail(it.sp, "/ must be ahead of *")
			}
			if len(out) == 0 {
				c.fail(it.sp, "at least one argument must precede /")
			}
			seenSlash = true
			for _, p := range out {
				p.Kind = ParamPosOnly
			}
			continue
		case it.star && it.name == "":
			if seenStar {
				c.fail(it.sp, "* argument may appear only once")
			}
			if i == len(items)-1 || items[i+1].starStar {
				c.fail(it.sp, "named arguments must follow bare *")
			}
			seenStar = true
			continue
		}
		p := &Param{Sp: it.sp, Name: it.name, Annotation: it.annot, Default: it.def}
		if names[it.name] {
			c.fail(it.nameSp, "duplicate argument '%s' in function definition", it.name)
		}
		names[it.name] = true
		switch {
		case it.starStar:
			p.Kind, seenKw = ParamVarKwargs, true
			if it.def != nil {
				c.fail(it.def.Span(), "var-keyword argument cannot have default value")
			}
		case it.star:
			if seenStar {
				c.fail(it.sp, "* argument may appear only once")
			}
			p.Kind, seenStar = ParamVarArgs, true
			if it.def != nil {
				c.fail(it.def.Span(), "var-positional argument cannot have default value")
			}
		case seenStar:
			p.Kind = ParamKwOnly
		default:
			if it.def != nil {
				seenDefault = true
			} else if seenDefault {
				c.fail(it.sp, "parameter without a default follows parameter with a default")
			}
		}
		out = append(out, p)
	}
	return out
}

func (c *converter) small(s *cstSmall) Stmt {
	sp := c.span(s.Tokens)
	switch {
	case s.Pass:
		return &Pass{Sp: sp}
	case s.Break:
		return &Break{Sp: sp}
	case s.Continue:
		return &Continue{Sp: sp}
	case s.Return != nil:
		r := &Return{Sp: sp}
		if s.Return.Value != nil {
			r.Value = c.exprList(s.Return.Value, false)
		}
		return r
	case s.Raise != nil:
		o := &OtherStmt{Sp: sp, Kind: "raise"}
		if s.Raise.Exc != nil {
			o.Exprs = append(o.Exprs, c.test(s.Raise.Exc))
		}
		if s.Raise.Cause != nil {
			o.Exprs = append(o.Exprs, c.test(s.Raise.Cause))
		}
		return o
	case s.Global != nil:
		g := &Global{Sp: sp}
		for _, n := range s.Global.Names {
			t := n.Tok
			g.Names = append(g.Names, t.Value)
			g.Spans = append(g.Spans, c.tokSpan(t))
		}
		return g
	case s.Nonlocal != nil:
		o := &OtherStmt{Sp: sp, Kind: "nonlocal"}
		for _, n := range s.Nonlocal.Names {
			t := n.Tok
			o.Exprs = append(o.Exprs, &Name{Sp: c.tokSpan(t), Id: t.Value})
		}
		return o
	case s.Del != nil:
		o := &OtherStmt{Sp: sp, Kind: "del"}
		for _, it := range s.Del.Items {
			e := c.bitChain(it)
			c.checkTarget(e, "delete")
			o.Exprs = append(o.Exprs, e)
		}
		return o
	case s.Assert != nil:
		o := &OtherStmt{Sp: sp, Kind: "assert", Exprs: []Expr{c.test(s.Assert.Test)}}
		if s.Assert.Msg != nil {
			o.Exprs = append(o.Exprs, c.test(s.Assert.Msg))
		}
		return o
	case s.Import != nil:
		im := &Import{Sp: sp}
		for _, n := range s.Import.Names {
			im.Names = append(im.Names, &Alias{Sp: c.span(n.Tokens), Name: n.Name, AsName: n.As})
		}
		return im
	case s.From != nil:
		return c.importFrom(s.From, sp)
	case s.Type != nil:
		t := s.Type
		return &OtherStmt{Sp: sp, Kind: "type", Exprs: []Expr{&Name{Sp: c.span(t.Tokens[1:2]), Id: t.Name}, c.test(t.Value)}}
	case s.Expr != nil:
		return c.exprStmt(s.Expr, sp)
	}
	panic("BUG: empty simple statement")
}

func (c *converter) importFrom(f *cstFrom, sp diag.Span) Stmt {
	im := &ImportFrom{Sp: sp, Module: f.Module, Star: f.Star}
	for _, d := range f.Dots {
		im.Level += len(d)
	}
	if im.Module == "" && im.Level == 0 {
		c.fail(sp, "invalid syntax")
	}
	names := f.Names
	if f.Paren != nil {
		names = f.Paren
	}
	for _, n := range names {
		im.Names = append(im.Names, &Alias{Sp: c.span(n.Tokens), Name: n.Name, AsName: n.As})
	}
	return im
}

func (c *converter) rhs(r *cstRHS) Expr {
	if r.Yield != nil {
		return c.yield(r.Yield)
	}
	return c.exprList(r.Value, false)
}

func (c *converter) exprStmt(s *cstExprStmt, sp diag.Span) Stmt {
	var lhs Expr
	if s.Yield != nil {
		lhs = c.yield(s.Yield)
	} else {
		lhs = c.exprList(s.Target, false)
	}
	switch {
	case s.Aug != nil:
		if _, ok := lhs.(*Tuple); ok {
			c.fail(lhs.Span(), "'tuple' is an illegal expression for augmented assignment")
		}
		c.checkSingleTarget(lhs, "augmented assignment")
		return &AugAssign{Sp: sp, Target: lhs, Op: strings.TrimSuffix(s.Aug.Op.Value, "="),
			OpSpan: c.tokSpan(s.Aug.Op), Value: c.rhs(s.Aug.Value)}
	case s.Ann != nil:
		if _, ok := lhs.(*Tuple); ok {
			c.fail(lhs.Span(), "only single target (not tuple) can be annotated")
		}
		c.checkSingleTarget(lhs, "annotated assignment")
		a := &AnnAssign{Sp: sp, Target: lhs, Annotation: c.test(s.Ann.Annot)}
		if s.Ann.Value != nil {
			a.Value = c.rhs(s.Ann.Value)
		}
		return a
	case len(s.Assigns) > 0:
		targets := []Expr{lhs}
		for _, a := range s.Assigns[:len(s.Assigns)-1] {
			targets = append(targets, c.rhs(a.Value))
		}
		for _, t := range targets {
			c.checkTarget(t, "assign to")
		}
		return &Assign{Sp: sp, Targets: targets, Value: c.rhs(s.Assigns[len(s.Assigns)-1].Value)}
	}
	if o, ok := lhs.(*OtherExpr); ok && o.Kind == ":=" && s.Target != nil && s.Target.First.Named != nil && s.Target.First.Named.Name.Value != "" && len(s.Target.Rest) == 0 {
		c.fail(lhs.Span(), "invalid syntax")
	}
	return &ExprStmt{Sp: sp, Value: lhs}
}
