package syntax

import (
	"github.com/pybpfc/pybpfc/internal/diag"
)

// The grammar parses every operator expression as a flat chain
// `operand (op operand)*`, where an operand may carry prefix operators
// (`not`, `-`, `+`, `~`) and `await`. This file applies Python's
// precedence to such a chain by precedence climbing. Binding powers, from
// loosest to tightest:
const (
	precOr      = 1
	precAnd     = 2
	precNot     = 3 // prefix `not`
	precCompare = 4 // == != < <= > >= in, not in, is, is not (chained)
	precBitOr   = 5
	precBitXor  = 6
	precBitAnd  = 7
	precShift   = 8
	precArith   = 9
	precTerm    = 10
	precUnary   = 11 // prefix - + ~
	precPower   = 12 // right-associative; its right operand may be unary
)

var binaryPrec = map[string]int{
	"or": precOr, "and": precAnd,
	"==": precCompare, "!=": precCompare, "<": precCompare, "<=": precCompare, ">": precCompare,
	">=": precCompare, "in": precCompare, "notin": precCompare, "is": precCompare, "isnot": precCompare,
	"|": precBitOr, "^": precBitXor, "&": precBitAnd, "<<": precShift, ">>": precShift,
	"+": precArith, "-": precArith, "*": precTerm, "/": precTerm, "//": precTerm, "%": precTerm,
	"@": precTerm, "**": precPower,
}

// opSpelling turns the captured (space-free) text back into the AST form.
var opSpelling = map[string]string{"notin": "not in", "isnot": "is not"}

type prefixOp struct {
	op string
	sp diag.Span
}

type operand struct {
	prefix []prefixOp
	x      Expr      // the await-primary
	full   diag.Span // the primary's extent, parentheses included
}

type binOp struct {
	op string
	sp diag.Span
}

// climber applies precedence to one chain. cur is the operand being
// consumed and pi the next unconsumed prefix of it; operand k sits
// between ops k-1 and k, so cur always equals the number of ops consumed.
type climber struct {
	c        *converter
	operands []operand
	ops      []binOp
	cur, pi  int
}

type spanned struct {
	e  Expr
	sp diag.Span
}

func (cl *climber) expr(minPrec int) spanned {
	left := cl.unary(minPrec)
	for cl.cur < len(cl.ops) {
		op := cl.ops[cl.cur]
		prec := binaryPrec[op.op]
		if prec < minPrec {
			break
		}
		switch prec {
		case precOr, precAnd:
			b := &BoolOp{Op: op.op, Values: []Expr{left.e}}
			sp := left.sp
			for cl.cur < len(cl.ops) && cl.ops[cl.cur].op == op.op {
				cl.advance()
				r := cl.expr(prec + 1)
				b.Values = append(b.Values, r.e)
				sp = diag.Join(sp, r.sp)
			}
			b.Sp = sp
			left = spanned{b, sp}
		case precCompare:
			cmp := &Compare{Left: left.e}
			sp := left.sp
			for cl.cur < len(cl.ops) && binaryPrec[cl.ops[cl.cur].op] == precCompare {
				o := cl.ops[cl.cur]
				cl.advance()
				r := cl.expr(precCompare + 1)
				name := o.op
				if s, ok := opSpelling[name]; ok {
					name = s
				}
				cmp.Ops = append(cmp.Ops, name)
				cmp.OpSpans = append(cmp.OpSpans, o.sp)
				cmp.Comparators = append(cmp.Comparators, r.e)
				sp = diag.Join(sp, r.sp)
			}
			cmp.Sp = sp
			left = spanned{cmp, sp}
		default:
			cl.advance()
			next := prec + 1
			if prec == precPower {
				next = precUnary // right-assoc, and `2 ** -1` is legal
			}
			r := cl.expr(next)
			sp := diag.Join(left.sp, r.sp)
			left = spanned{&BinOp{Sp: sp, Op: op.op, OpSpan: op.sp, X: left.e, Y: r.e}, sp}
		}
	}
	return left
}

func (cl *climber) advance() {
	cl.cur++
	cl.pi = 0
}

func (cl *climber) unary(minPrec int) spanned {
	o := &cl.operands[cl.cur]
	if cl.pi < len(o.prefix) {
		p := o.prefix[cl.pi]
		prec := precUnary
		if p.op == "not" {
			prec = precNot
		}
		if prec < minPrec {
			cl.c.fail(p.sp, "invalid syntax")
		}
		cl.pi++
		x := cl.expr(prec)
		sp := diag.Join(p.sp, x.sp)
		return spanned{&UnaryOp{Sp: sp, Op: p.op, X: x.e}, sp}
	}
	return spanned{o.x, o.full}
}

func (c *converter) climb(operands []operand, ops []binOp) Expr {
	if len(ops) == 0 && len(operands[0].prefix) == 0 {
		return operands[0].x
	}
	cl := &climber{c: c, operands: operands, ops: ops}
	return cl.expr(0).e
}

func (c *converter) awaitPrimary(await string, awaitSp diag.Span, p *cstPrimary) (Expr, diag.Span) {
	x, full := c.primary(p)
	if await != "" {
		full = diag.Join(awaitSp, full)
		x = &OtherExpr{Sp: full, Kind: "await", Children: []Expr{x}}
	}
	return x, full
}

func (c *converter) chain(ch *cstChain) Expr {
	operands := make([]operand, 0, 1+len(ch.Rest))
	ops := make([]binOp, 0, len(ch.Rest))
	add := func(o *cstOperand) {
		var od operand
		for _, p := range o.Prefix {
			od.prefix = append(od.prefix, prefixOp{p.Op, c.span(p.Tokens)})
		}
		od.x, od.full = c.awaitPrimary(o.Await.Value, c.tokSpan(o.Await), o.Primary)
		operands = append(operands, od)
	}
	add(ch.First)
	for _, t := range ch.Rest {
		ops = append(ops, binOp{t.Op.Op, c.span(t.Op.Tokens)})
		add(t.Operand)
	}
	return c.climb(operands, ops)
}

func (c *converter) bitChain(ch *cstBitChain) Expr {
	operands := make([]operand, 0, 1+len(ch.Rest))
	ops := make([]binOp, 0, len(ch.Rest))
	add := func(o *cstBitOperand) {
		var od operand
		for _, p := range o.Prefix {
			od.prefix = append(od.prefix, prefixOp{p.Op, c.span(p.Tokens)})
		}
		od.x, od.full = c.awaitPrimary(o.Await.Value, c.tokSpan(o.Await), o.Primary)
		operands = append(operands, od)
	}
	add(ch.First)
	for _, t := range ch.Rest {
		ops = append(ops, binOp{t.Op.Op, c.span(t.Op.Tokens)})
		add(t.Operand)
	}
	return c.climb(operands, ops)
}
