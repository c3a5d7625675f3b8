package frontend

import (
	"github.com/pybpfc/pybpfc/frontend/syntax"
	"github.com/pybpfc/pybpfc/internal/diag"
	"github.com/pybpfc/pybpfc/ssa"
)

// arith checks that an operand can take part in arithmetic.
func (f *fn) arith(o operand) bool {
	switch o.k {
	case kBad:
		return false
	case kConst, kVal:
		return true
	case kRef:
		if o.t.IsScalar() {
			return true
		}
		f.errorf(o.sp, "a struct has no integer value").Hint("use one of its fields")
	case kStr:
		f.errorf(o.sp, "strings cannot be compared or combined in BPF code")
	case kArr:
		if o.t.Elem.Bits == 8 {
			f.errorf(o.sp, "strings cannot be compared or combined in BPF code").Hint("a str(N) field can be compared with a string literal (== or !=)")
		} else {
			f.errorf(o.sp, "an array has no integer value").Hint("index it: a[i]")
		}
	case kVoid:
		f.errorf(o.sp, "this call has no value")
	case kMap:
		f.errorf(o.sp, "a map cannot be used as a value").Hint("call one of its methods, such as lookup()")
	}
	return false
}

func (f *fn) binOp(e *syntax.BinOp) operand {
	x := f.expr(e.X)
	y := f.expr(e.Y)
	return f.arithOp(x, e.Op, y, e.OpSpan, e.Sp)
}

// arithOp applies a binary operator with C typing (LANGUAGE.md 3.3, 3.4).
func (f *fn) arithOp(x operand, opName string, y operand, opSp, sp diag.Span) operand {
	e := struct {
		Op     string
		OpSpan diag.Span
		Sp     diag.Span
		Y      struct{ sp diag.Span }
	}{opName, opSp, sp, struct{ sp diag.Span }{y.sp}}
	switch e.Op {
	case "**", "@":
		f.errorf(e.OpSpan, "unsupported expression: the '%s' operator", e.Op)
		return bad(e.Sp)
	}
	if !f.arith(x) || !f.arith(y) {
		return bad(e.Sp)
	}
	if x.k == kVal && x.t.IsPtr() || y.k == kVal && y.t.IsPtr() {
		return f.pointerArith(x, opName, y, opSp, sp)
	}
	ops, ok := binOps[e.Op]
	if !ok {
		f.errorf(e.OpSpan, "unsupported operator '%s'", e.Op)
		return bad(e.Sp)
	}
	var t *ssa.Type
	if e.Op == "<<" || e.Op == ">>" {
		t = promote(x.valueType()) // LANGUAGE.md 3.3.4: the left operand's type
	} else {
		t = commonType(x.valueType(), y.valueType())
	}
	op := pick(ops, t)
	// Diagnose constant divisors and shift counts (LANGUAGE.md 3.4.1, 3.4.3).
	if y.k == kConst {
		switch op {
		case ssa.OpDiv, ssa.OpSDiv, ssa.OpMod, ssa.OpSMod:
			if truncBits(y.c, t) == 0 {
				f.errorf(e.Y.sp, "division by zero")
				return bad(e.Sp)
			}
		case ssa.OpShl, ssa.OpShr, ssa.OpSar:
			cnt := int64(y.c)
			if y.t.IsInt() && !y.t.Signed {
				cnt = int64(truncBits(y.c, y.t))
			}
			if cnt < 0 || cnt >= int64(t.Bits) {
				d := f.errorf(e.Y.sp, "shift count %d is too large for a %d-bit operation", cnt, t.Bits)
				if cnt < 0 {
					d.Msg = "negative shift count"
				} else if t.Bits == 32 && x.k == kConst {
					d.Hint("write c_int64(%s) << %d", constString(x.c, x.t), cnt)
				}
				return bad(e.Sp)
			}
		}
	}
	var cx, cy operand
	cx = f.convert(x, t, false)
	if op == ssa.OpShl || op == ssa.OpShr || op == ssa.OpSar {
		cy = y
	} else {
		cy = f.convert(y, t, false)
	}
	if cx.k == kConst && cy.k == kConst {
		r := constOp(foldOp(op, t, cx.c, cy.c), t, e.Sp)
		r.explicit = x.explicit || y.explicit
		return r
	}
	vx := f.value(cx)
	vy := f.value(cy)
	return operand{k: kVal, t: t, v: f.b.Value(op, canonical(t), pos(e.OpSpan), vx, vy), sp: e.Sp}
}

func (f *fn) unaryOp(e *syntax.UnaryOp) operand {
	if e.Op == "not" {
		x := f.truth(f.expr(e.X))
		if x.k == kConst {
			return constOp(b2u(x.c == 0), ssa.Bool, e.Sp)
		}
		return operand{k: kVal, t: ssa.Bool, v: f.b.Value(ssa.OpNot, ssa.Bool, pos(e.Sp), x.v), sp: e.Sp}
	}
	x := f.expr(e.X)
	if !f.arith(x) {
		return bad(e.Sp)
	}
	if x.k == kVal && x.t.IsPtr() {
		f.errorf(e.Sp, "a pointer supports no unary '%s'", e.Op)
		return bad(e.Sp)
	}
	t := promote(x.valueType())
	cx := f.convert(x, t, false)
	if cx.k == kConst {
		var c uint64
		switch e.Op {
		case "-":
			c = -cx.c
		case "~":
			c = ^cx.c
		default:
			c = cx.c
		}
		r := constOp(c, t, e.Sp)
		r.explicit = x.explicit
		return r
	}
	v := f.value(cx)
	switch e.Op {
	case "-":
		v = f.b.Value(ssa.OpNeg, canonical(t), pos(e.Sp), v)
	case "~":
		v = f.b.Value(ssa.OpCom, canonical(t), pos(e.Sp), v)
	}
	return operand{k: kVal, t: t, v: v, sp: e.Sp}
}

// compare lowers a comparison chain; `a < b < c` evaluates b once and
// short-circuits like `a < b and b < c`.
func (f *fn) compare(e *syntax.Compare) operand {
	left := f.expr(e.Left)
	if len(e.Ops) == 1 {
		return f.compare1(left, e.Ops[0], e.OpSpans[0], f.exprOrNone(e.Comparators[0]), e.Sp)
	}
	if f.constOnly {
		r := constOp(1, ssa.Bool, e.Sp)
		for i, op := range e.Ops {
			right := f.exprOrNone(e.Comparators[i])
			c := f.compare1(left, op, e.OpSpans[i], right, e.Sp)
			if c.k != kConst {
				return c
			}
			if c.c == 0 {
				r = c
			}
			left = right
		}
		return r
	}
	key := new(int)
	f.b.DeclareVariable(key, ssa.Bool)
	join := f.b.NewBlock(pos(e.Sp))
	for i, op := range e.Ops {
		right := f.exprOrNone(e.Comparators[i])
		if right.k == kRef || right.k == kVal && right.v.Op != ssa.OpConst {
			right = operand{k: kVal, t: right.valueType(), v: f.value(right), sp: right.sp}
		}
		c := f.truth(f.compare1(left, op, e.OpSpans[i], right, e.Sp))
		cv := f.value(c)
		f.b.WriteVariable(key, cv)
		if i == len(e.Ops)-1 {
			f.b.Jump(join, pos(e.Sp))
			break
		}
		next := f.b.NewBlock(pos(e.Sp))
		f.b.If(cv, next, join, pos(e.Sp))
		f.b.Seal(next)
		f.b.Cur = next
		left = right
	}
	f.b.Seal(join)
	f.b.Cur = join
	return operand{k: kVal, t: ssa.Bool, v: f.b.ReadVariable(key, pos(e.Sp)), sp: e.Sp}
}

func (f *fn) compare1(x operand, op string, opSp diag.Span, y operand, sp diag.Span) operand {
	switch op {
	case "in", "not in":
		f.errorf(opSp, "unsupported expression: '%s'", op)
		return bad(sp)
	}
	// `p is None` tests a reference or pointer itself (LANGUAGE.md 5.5.4).
	if isNoneOperand(y) && (op == "is" || op == "is not" || op == "==" || op == "!=") {
		if x.k == kRef || x.k == kVal && x.t.IsPtr() {
			t := f.truth(x)
			if op == "is" || op == "==" {
				return operand{k: kVal, t: ssa.Bool, v: f.b.Value(ssa.OpNot, ssa.Bool, pos(sp), t.v), sp: sp}
			}
			return t
		}
	}
	if r, ok := f.stringCompare(x, op, y, sp); ok {
		return r
	}
	if isNoneOperand(y) || isNoneOperand(x) {
		f.errorf(sp, "only a reference or pointer can be compared with None")
		return bad(sp)
	}
	if !f.arith(x) || !f.arith(y) {
		return bad(sp)
	}
	t := commonType(x.valueType(), y.valueType())
	if x.k == kVal && x.t.IsPtr() || y.k == kVal && y.t.IsPtr() {
		t = ssa.U64
	}
	o := pick(cmpOps[op], t)
	cx, cy := f.convert(x, t, false), f.convert(y, t, false)
	if cx.k == kConst && cy.k == kConst {
		return constOp(foldOp(o, t, cx.c, cy.c), ssa.Bool, sp)
	}
	return operand{k: kVal, t: ssa.Bool, v: f.b.Value(o, ssa.Bool, pos(opSp), f.value(cx), f.value(cy)), sp: sp}
}

func isNoneOperand(o operand) bool { return o.k == kBad && o.str == "None" }

// exprOrNone lowers a comparison operand, letting `None` through as a
// marker for `x is None` (anywhere else None is an error).
func (f *fn) exprOrNone(e syntax.Expr) operand {
	if c, ok := e.(*syntax.Constant); ok && c.Value == "None" {
		return operand{k: kBad, t: ssa.S32, str: "None", sp: c.Sp}
	}
	return f.expr(e)
}

// boolOp lowers `and`/`or` used as a value (LANGUAGE.md 5.5.3): the result
// is an operand's value in the common type; only the needed operands run.
func (f *fn) boolOp(e *syntax.BoolOp) operand {
	if f.constOnly {
		var ops []operand
		for _, x := range e.Values {
			ops = append(ops, f.expr(x))
		}
		t := ops[0].valueType()
		for _, o := range ops[1:] {
			t = commonType(t, o.valueType())
		}
		if ops[0].t.IsBool() && allBool(ops) {
			t = ssa.Bool
		}
		for i, o := range ops {
			if o.k != kConst {
				return bad(e.Sp)
			}
			last := i == len(ops)-1
			if last || (e.Op == "or") == (o.c != 0) {
				r := f.convert(o, t, false)
				r.sp = e.Sp
				return r
			}
		}
	}
	// The common type needs every operand's type before any is evaluated
	// for real; operands are evaluated in their own blocks in order, and the
	// conversion happens in each block before the jump to the join.
	key := new(int)
	join := f.b.NewBlock(pos(e.Sp))
	var done []pendingOperand
	var t *ssa.Type
	for i, x := range e.Values {
		o := f.expr(x)
		if o.k == kStr || o.k == kVoid || o.k == kMap {
			f.arith(o)
			return bad(e.Sp)
		}
		vt := o.valueType()
		if t == nil {
			t = vt
		} else if !(t.IsBool() && vt.IsBool()) {
			t = commonType(t, vt)
		}
		if i == len(e.Values)-1 {
			done = append(done, pendingOperand{o, f.b.Cur})
			break
		}
		cond := f.truth(o)
		next := f.b.NewBlock(pos(x.Span()))
		if o.k == kRef && o.t.IsScalar() {
			// A reference is tested once: its value is the stored value on
			// the non-NULL edge (read there without a second test) and 0 on
			// the NULL edge (LANGUAGE.md 5.5.3).
			px := pos(x.Span())
			if e.Op == "or" {
				take := f.b.NewBlock(px)
				f.b.If(f.value(cond), take, next, px)
				f.b.Seal(take)
				f.b.Cur = take
				val := f.b.Value(ssa.OpLoad, loadType(o.t), px, o.v)
				done = append(done, pendingOperand{operand{k: kVal, t: vt, v: val, sp: o.sp}, take})
				f.b.Jump(join, px)
			} else {
				zero := f.b.Const(loadType(o.t), 0, px)
				done = append(done, pendingOperand{operand{k: kVal, t: vt, v: zero, sp: o.sp}, f.b.Cur})
				f.b.If(f.value(cond), next, join, px)
			}
			f.b.Seal(next)
			f.b.Cur = next
			continue
		}
		// Remember the operand's value at the branch; convert at the join.
		val := f.value(o)
		done = append(done, pendingOperand{operand{k: kVal, t: vt, v: val, sp: o.sp}, f.b.Cur})
		if e.Op == "and" {
			f.b.If(f.value(cond), next, join, pos(x.Span()))
		} else {
			f.b.If(f.value(cond), join, next, pos(x.Span()))
		}
		f.b.Seal(next)
		f.b.Cur = next
	}
	if t.IsBool() && !allBoolPending(done) {
		t = promote(t)
	}
	rt := loadType(t)
	f.b.DeclareVariable(key, rt)
	last := done[len(done)-1]
	lv := f.value(f.convert(last.o, t, false))
	f.b.WriteVariable(key, lv)
	f.b.Jump(join, pos(e.Sp))
	// Each earlier operand's value flows to the join from its own block;
	// convert there (the blocks already end in branches, so convert at the
	// definition instead: the value was computed before the branch).
	for _, d := range done[:len(done)-1] {
		f.b.Cur = d.blk
		conv := f.convertBeforeTerminator(d.o, t)
		f.writeAt(d.blk, key, conv)
	}
	f.b.Cur = join
	f.b.Seal(join)
	return operand{k: kVal, t: t, v: f.b.ReadVariable(key, pos(e.Sp)), sp: e.Sp}
}

func allBool(ops []operand) bool {
	for _, o := range ops {
		if !o.valueType().IsBool() {
			return false
		}
	}
	return true
}

type pendingOperand struct {
	o   operand
	blk *ssa.Block
}

func allBoolPending(ps []pendingOperand) bool {
	for _, p := range ps {
		if !p.o.valueType().IsBool() {
			return false
		}
	}
	return true
}

// convertBeforeTerminator converts a value in a block that already ended:
// the conversion is appended to the block's values (which precede its
// control transfer).
func (f *fn) convertBeforeTerminator(o operand, t *ssa.Type) *ssa.Value {
	return f.convValue(o.v, o.t, t, pos(o.sp))
}

func (f *fn) writeAt(blk *ssa.Block, key any, v *ssa.Value) {
	saved := f.b.Cur
	f.b.Cur = blk
	f.b.WriteVariable(key, v)
	f.b.Cur = saved
}

// ifExp lowers `a if c else b`, evaluating only the chosen side.
func (f *fn) ifExp(e *syntax.IfExp) operand {
	if f.constOnly {
		c := f.truth(f.expr(e.Test))
		a, b := f.expr(e.Body), f.expr(e.Else)
		if c.k != kConst || a.k != kConst || b.k != kConst {
			return bad(e.Sp)
		}
		t := commonType(a.t, b.t)
		if c.c != 0 {
			return f.convert(a, t, false)
		}
		return f.convert(b, t, false)
	}
	p := pos(e.Sp)
	then, els, join := f.b.NewBlock(p), f.b.NewBlock(p), f.b.NewBlock(p)
	f.branch(e.Test, then, els)
	f.b.Seal(then)
	f.b.Seal(els)
	f.b.Cur = then
	a := f.expr(e.Body)
	av := f.value(a)
	aEnd := f.b.Cur
	f.b.Cur = els
	b := f.expr(e.Else)
	bv := f.value(b)
	bEnd := f.b.Cur
	if !f.arith(a) || !f.arith(b) {
		f.b.Cur = bEnd
		f.b.Jump(join, p)
		f.b.Cur = aEnd
		f.b.Jump(join, p)
		f.b.Seal(join)
		f.b.Cur = join
		return bad(e.Sp)
	}
	t := commonType(a.valueType(), b.valueType())
	if a.valueType().IsBool() && b.valueType().IsBool() {
		t = ssa.Bool
	}
	key := new(int)
	f.b.DeclareVariable(key, loadType(t))
	f.b.Cur = aEnd
	f.b.WriteVariable(key, f.convValue(av, a.valueType(), t, p))
	f.b.Jump(join, p)
	f.b.Cur = bEnd
	f.b.WriteVariable(key, f.convValue(bv, b.valueType(), t, p))
	f.b.Jump(join, p)
	f.b.Seal(join)
	f.b.Cur = join
	return operand{k: kVal, t: t, v: f.b.ReadVariable(key, p), sp: e.Sp}
}
