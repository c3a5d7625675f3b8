package syntax

// Assignment-target checks: the grammar parses targets as expressions (as
// CPython's does), so what may be assigned to or deleted is decided here.

// checkSingleTarget: augmented and annotated assignment take one name,
// attribute or subscript.
func (c *converter) checkSingleTarget(e Expr, what string) {
	switch e.(type) {
	case *Name, *Attribute, *Subscript:
		return
	}
	c.fail(e.Span(), "'%s' is an illegal expression for %s", describeExpr(e), what)
}

// checkTarget reports what Python calls "cannot assign to ..." (verb is
// "assign to" or "delete").
func (c *converter) checkTarget(e Expr, verb string) {
	switch x := e.(type) {
	case *Name, *Attribute, *Subscript:
		return
	case *Starred:
		if verb == "delete" {
			break
		}
		c.checkTarget(x.X, verb)
		return
	case *Tuple:
		for _, el := range x.Elts {
			c.checkTarget(el, verb)
		}
		return
	case *OtherExpr:
		if x.Kind == "list" {
			for _, el := range x.Children {
				c.checkTarget(el, verb)
			}
			return
		}
	}
	c.fail(e.Span(), "cannot %s %s", verb, describeExpr(e))
}

// describeExpr names an expression the way Python's messages do.
func describeExpr(e Expr) string {
	switch x := e.(type) {
	case *Call:
		return "function call"
	case *Constant:
		if x.Value == "..." {
			return "ellipsis"
		}
		return x.Value
	case *Int, *Float, *Str:
		return "literal"
	case *FString:
		return "f-string expression"
	case *Compare:
		return "comparison"
	case *BinOp, *UnaryOp, *BoolOp:
		return "expression"
	case *IfExp:
		return "conditional expression"
	case *Starred:
		return "starred"
	case *Tuple:
		return "tuple"
	case *OtherExpr:
		switch x.Kind {
		case ":=":
			return "named expression"
		case "list", "set", "dict", "lambda", "await", "yield":
			if x.Kind == "await" || x.Kind == "yield" {
				return x.Kind + " expression"
			}
			return x.Kind
		}
		return x.Kind
	}
	return "expression"
}
