package syntax

import (
	"github.com/pybpfc/pybpfc/internal/diag"
)

// exprList converts a comma list. A comprehension is only legal where the
// caller says so (inside brackets or as the sole call argument).
func (c *converter) exprList(l *cstExprList, compOK bool) Expr {
	if l.Comp != nil {
		if !compOK {
			c.fail(c.span(l.Comp.Tokens), "invalid syntax")
		}
		return c.comprehension("generator expression", c.span(l.Tokens), []Expr{c.starExpr(l.First)}, l.Comp)
	}
	first := c.starExpr(l.First)
	if len(l.Rest) == 0 && !l.Comma {
		if s, ok := first.(*Starred); ok && !compOK {
			c.fail(s.Sp, "can't use starred expression here")
		}
		return first
	}
	t := &Tuple{Sp: c.span(l.Tokens), Elts: []Expr{first}}
	for _, e := range l.Rest {
		t.Elts = append(t.Elts, c.starExpr(e))
	}
	return t
}

func (c *converter) targetList(l *cstTargetList, verb string) Expr {
	var e Expr
	if len(l.Items) == 1 && !l.Comma {
		e = c.bitChain(l.Items[0])
	} else {
		t := &Tuple{Sp: c.span(l.Tokens)}
		for _, it := range l.Items {
			t.Elts = append(t.Elts, c.bitChain(it))
		}
		e = t
	}
	c.checkTarget(e, verb)
	return e
}

func (c *converter) starExpr(s *cstStarExpr) Expr {
	if s.Star != nil {
		return &Starred{Sp: c.span(s.Tokens), X: c.bitChain(s.Star)}
	}
	return c.namedExpr(s.Named)
}

func (c *converter) namedExpr(n *cstNamedExpr) Expr {
	v := c.test(n.Value)
	if n.Name.Value == "" {
		return v
	}
	return &OtherExpr{Sp: c.span(n.Tokens), Kind: ":=", Children: []Expr{&Name{Sp: c.tokSpan(n.Name), Id: n.Name.Value}, v}}
}

func (c *converter) test(t *cstTest) Expr {
	if t.Lambda != nil {
		return c.lambda(t.Lambda)
	}
	body := c.chain(t.Body)
	if t.Cond == nil {
		return body
	}
	return &IfExp{Sp: c.span(t.Tokens), Test: c.chain(t.Cond), Body: body, Else: c.test(t.Else)}
}

func (c *converter) lambda(l *cstLambda) Expr {
	items := make([]paramItem, 0, len(l.Params))
	var kids []Expr
	for _, p := range l.Params {
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
			if n.Default != nil {
				it.def = c.test(n.Default)
				kids = append(kids, it.def)
			}
		}
		items = append(items, it)
	}
	c.assignParamKinds(items)
	kids = append(kids, c.test(l.Body))
	return &OtherExpr{Sp: c.span(l.Tokens), Kind: "lambda", Children: kids}
}

func (c *converter) yield(y *cstYield) Expr {
	o := &OtherExpr{Sp: c.span(y.Tokens), Kind: "yield"}
	switch {
	case y.From != nil:
		o.Kind = "yield from"
		o.Children = []Expr{c.test(y.From)}
	case y.Value != nil:
		o.Children = []Expr{c.exprList(y.Value, false)}
	}
	return o
}

// comprehension builds an OtherExpr whose children are the element(s),
// then each clause's target and iterable, or condition, in source order.
func (c *converter) comprehension(kind string, sp diag.Span, elts []Expr, comp *cstCompFor) Expr {
	o := &OtherExpr{Sp: sp, Kind: kind, Children: elts}
	for i, cl := range comp.Clauses {
		if cl.Target == nil {
			if i == 0 {
				c.fail(c.span(comp.Tokens), "invalid syntax")
			}
			o.Children = append(o.Children, c.chain(cl.Cond))
			continue
		}
		o.Children = append(o.Children, c.targetList(cl.Target, "assign to"), c.chain(cl.Iter))
	}
	return o
}

func (c *converter) primary(p *cstPrimary) (Expr, diag.Span) {
	x, full := c.atom(p.Atom)
	for _, t := range p.Trailers {
		sp := diag.Span{Start: full.Start, End: c.span(t.Tokens).End}
		switch {
		case t.Attr.Value != "":
			x = &Attribute{Sp: sp, X: x, Name: t.Attr.Value, NameSpan: c.tokSpan(t.Attr)}
		case t.Call:
			call := &Call{Sp: sp, Func: x}
			if len(t.Args) == 1 && t.Args[0].Comp != nil {
				a := t.Args[0]
				call.Args = []Expr{c.comprehension("generator expression", c.span(a.Tokens), []Expr{c.namedExpr(a.Value)}, a.Comp)}
			} else {
				call.Args, call.Keywords = c.args(t.Args)
			}
			x = call
		default:
			var idx Expr
			if len(t.Index) == 1 && !t.Comma {
				idx = c.slice(t.Index[0])
			} else {
				tu := &Tuple{Sp: diag.Join(c.span(t.Index[0].Tokens), c.span(t.Index[len(t.Index)-1].Tokens))}
				for _, s := range t.Index {
					tu.Elts = append(tu.Elts, c.slice(s))
				}
				idx = tu
			}
			x = &Subscript{Sp: sp, X: x, Index: idx}
		}
		full = sp
	}
	return x, full
}

// args converts call arguments (and class bases), checking Python's
// ordering rules.
func (c *converter) args(as []*cstArg) ([]Expr, []*Keyword) {
	var args []Expr
	var kws []*Keyword
	seenKw, seenKwargs := false, false
	for _, a := range as {
		sp := c.span(a.Tokens)
		switch {
		case a.Kwargs != nil:
			kws = append(kws, &Keyword{Sp: sp, Value: c.test(a.Kwargs)})
			seenKwargs = true
		case a.Keyword != "":
			kws = append(kws, &Keyword{Sp: sp, Name: a.Keyword, Value: c.test(a.KwValue)})
			seenKw = true
		case a.Star != nil:
			if seenKwargs {
				c.fail(sp, "iterable argument unpacking follows keyword argument unpacking")
			}
			args = append(args, &Starred{Sp: sp, X: c.test(a.Star)})
		default:
			if a.Comp != nil {
				c.fail(sp, "generator expression must be parenthesized")
			}
			if seenKwargs {
				c.fail(sp, "positional argument follows keyword argument unpacking")
			}
			if seenKw {
				c.fail(sp, "positional argument follows keyword argument")
			}
			args = append(args, c.namedExpr(a.Value))
		}
	}
	return args, kws
}

func (c *converter) slice(s *cstSlice) Expr {
	if s.Star != nil {
		return &Starred{Sp: c.span(s.Tokens), X: c.bitChain(s.Star)}
	}
	if !s.Colon1 {
		return c.namedExpr(s.Lower)
	}
	sl := &Slice{Sp: c.span(s.Tokens)}
	if s.Lower != nil {
		sl.Lower = c.namedExpr(s.Lower)
	}
	if s.Upper != nil {
		sl.Upper = c.test(s.Upper)
	}
	if s.Step != nil {
		sl.Step = c.test(s.Step)
	}
	return sl
}

// atom returns the expression and its full extent (with parentheses, which
// Python's ast leaves out of a parenthesized expression's own span).
func (c *converter) atom(a *cstAtom) (Expr, diag.Span) {
	sp := c.span(a.Tokens)
	switch {
	case a.Name != "":
		return &Name{Sp: sp, Id: a.Name}, sp
	case a.Number != "":
		return c.number(a.Number, sp), sp
	case len(a.Strs) > 0:
		return c.strings(a.Tokens), sp
	case a.Const != "":
		return &Constant{Sp: sp, Value: a.Const}, sp
	case a.Paren != nil:
		p := a.Paren
		switch {
		case p.Yield != nil:
			return c.yield(p.Yield), sp
		case p.Items == nil:
			return &Tuple{Sp: sp, Paren: true}, sp
		case p.Items.Comp != nil:
			g := c.exprList(p.Items, true).(*OtherExpr)
			g.Sp = sp
			return g, sp
		}
		e := c.exprList(p.Items, false)
		if t, ok := e.(*Tuple); ok {
			t.Sp, t.Paren = sp, true
		}
		return e, sp
	case a.List != nil:
		l := a.List
		if l.Items == nil {
			return &OtherExpr{Sp: sp, Kind: "list"}, sp
		}
		if l.Items.Comp != nil {
			return c.comprehension("list comprehension", sp, []Expr{c.starExpr(l.Items.First)}, l.Items.Comp), sp
		}
		o := &OtherExpr{Sp: sp, Kind: "list", Children: []Expr{c.starExpr(l.Items.First)}}
		for _, e := range l.Items.Rest {
			o.Children = append(o.Children, c.starExpr(e))
		}
		return o, sp
	case a.Dict != nil:
		return c.dictOrSet(a.Dict, sp), sp
	}
	panic("BUG: empty atom")
}

func (c *converter) dictOrSet(d *cstDictDisp, sp diag.Span) Expr {
	if d.First == nil {
		return &OtherExpr{Sp: sp, Kind: "dict"}
	}
	isDict := d.First.Unpack != nil || d.First.Value != nil
	items := append([]*cstDictItem{d.First}, d.Rest...)
	var kids []Expr
	for _, it := range items {
		itemDict := it.Unpack != nil || it.Value != nil
		if itemDict != isDict {
			c.fail(c.span(it.Tokens), "invalid syntax")
		}
		switch {
		case it.Unpack != nil:
			kids = append(kids, c.bitChain(it.Unpack))
		case it.Value != nil:
			k := c.starExpr(it.Key)
			if _, ok := k.(*Starred); ok {
				c.fail(k.Span(), "cannot use a starred expression in a dictionary key")
			}
			kids = append(kids, k, c.test(it.Value))
		default:
			kids = append(kids, c.starExpr(it.Key))
		}
	}
	if d.Comp != nil {
		if d.First.Unpack != nil {
			c.fail(c.span(d.First.Tokens), "dict unpacking cannot be used in dict comprehension")
		}
		kind := "set comprehension"
		if isDict {
			kind = "dict comprehension"
		}
		return c.comprehension(kind, sp, kids, d.Comp)
	}
	kind := "set"
	if isDict {
		kind = "dict"
	}
	return &OtherExpr{Sp: sp, Kind: kind, Children: kids}
}
