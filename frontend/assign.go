package frontend

import (
	"github.com/pybpfc/pybpfc/frontend/syntax"
	"github.com/pybpfc/pybpfc/internal/diag"
	"github.com/pybpfc/pybpfc/ssa"
	"math/big"
)

func (f *fn) assign(s *syntax.Assign) {
	if len(s.Targets) == 1 {
		if tt, ok := s.Targets[0].(*syntax.Tuple); ok {
			f.tupleAssign(tt, s.Value)
			return
		}
	}
	o := f.expr(s.Value) // `a = b = e` evaluates e once
	for _, t := range s.Targets {
		if _, ok := t.(*syntax.Tuple); ok {
			f.errorf(t.Span(), "unsupported unpacking").Hint("write `a, b = x, y` with a tuple of the same length on the right")
			continue
		}
		f.store(t, s.Value, o, nil)
	}
}

// tupleAssign evaluates every right-hand side left to right, then stores
// left to right (LANGUAGE.md 7.1).
func (f *fn) tupleAssign(t *syntax.Tuple, value syntax.Expr) {
	rt, ok := value.(*syntax.Tuple)
	if !ok || len(rt.Elts) != len(t.Elts) {
		f.errorf(value.Span(), "unsupported unpacking").Hint("write `a, b = x, y` with a tuple of the same length on the right")
		return
	}
	vals := make([]operand, len(rt.Elts))
	for i, e := range rt.Elts {
		o := f.expr(e)
		if o.k == kRef && o.t.IsScalar() {
			// Read now: a later store in the same statement must not change it.
			o = operand{k: kVal, t: o.t, v: f.value(o), sp: o.sp}
		}
		vals[i] = o
	}
	for i, target := range t.Elts {
		f.store(target, rt.Elts[i], vals[i], nil)
	}
}

func (f *fn) annAssign(s *syntax.AnnAssign) {
	if _, ok := s.Target.(*syntax.Name); !ok {
		f.errorf(s.Target.Span(), "an annotated assignment needs a plain name")
		return
	}
	t := f.c.scalarAnnotation(s.Annotation)
	if t == nil {
		n, _ := f.c.plainName(s.Annotation)
		if r, bad := rejectedCtypes[n]; bad {
			d := f.errorf(s.Annotation.Span(), "%s", r[0])
			if r[1] != "" {
				d.Hint("%s", r[1])
			}
			return
		}
		if st := f.c.structs[n]; st != nil {
			var o operand
			if s.Value == nil {
				o = f.newStruct(st.t, s.Sp)
			} else {
				o = f.expr(s.Value)
			}
			f.store(s.Target, s.Value, o, st.t)
			return
		}
		f.errorf(s.Annotation.Span(), "'%s' is not a BPF type; use a ctypes type such as c_int64", exprText(s.Annotation))
		return
	}
	var o operand
	if s.Value == nil {
		o = constOp(0, t, s.Sp)
		o.explicit = true
	} else {
		o = f.expr(s.Value)
	}
	f.store(s.Target, s.Value, o, t)
}

// store assigns operand o (from expression e) to a target. declared is the
// annotation's type for `x: T = e`.
func (f *fn) store(target syntax.Expr, e syntax.Expr, o operand, declared *ssa.Type) {
	switch t := target.(type) {
	case *syntax.Name:
		f.storeName(t, e, o, declared)
	case *syntax.Attribute:
		f.storeAttribute(t, o)
	case *syntax.Subscript:
		f.storeSubscript(t, o) // subscript.go
	default:
		f.errorf(target.Span(), "cannot assign to this expression")
	}
}

// checkAssignable rejects names that can never be assigned in BPF code.
func (f *fn) checkAssignable(n *syntax.Name) bool {
	switch {
	case n.Id == f.ctxName && f.ctxName != "":
		f.errorf(n.Sp, "the context parameter '%s' is read-only", n.Id)
	case f.c.maps[n.Id] != nil:
		f.errorf(n.Sp, "'%s' is a map and cannot be assigned", n.Id)
	case f.c.structs[n.Id] != nil:
		f.errorf(n.Sp, "'%s' is a struct type and cannot be assigned", n.Id)
	case f.c.isFunction(n.Id):
		f.errorf(n.Sp, "'%s' is a BPF function and cannot be assigned", n.Id)
	default:
		return true
	}
	return false
}

func (c *compiler) isFunction(name string) bool {
	for _, d := range c.progs {
		if d.def.Name == name {
			return true
		}
	}
	for _, d := range c.subprogs {
		if d.def.Name == name {
			return true
		}
	}
	return false
}

func (f *fn) storeName(n *syntax.Name, e syntax.Expr, o operand, declared *ssa.Type) {
	if !f.checkAssignable(n) {
		return
	}
	if _, isGlobal := f.globals[n.Id]; isGlobal {
		if declared != nil {
			f.errorf(n.Sp, "a global's type cannot be annotated here")
			return
		}
		f.storeGlobal(n, o)
		return
	}
	if o.k == kStr {
		f.notYet(o.sp, "a string in a local variable")
		return
	}
	if o.k == kVoid || o.k == kMap {
		f.arith(o)
		return
	}
	if o.k == kArr {
		if f.bindCharPointer(n, o, declared) {
			return // a char pointer (chars.go)
		}
		f.errorf(o.sp, "arrays cannot be copied into locals; index the field directly")
		return
	}
	l := f.locals[n.Id]
	if l == nil && o.k == kBad && declared == nil {
		f.locals[n.Id] = &local{name: n.Id, first: n.Sp, bad: true, t: ssa.S64}
		return
	}
	if l != nil && l.bad {
		return
	}
	if l == nil {
		l = &local{name: n.Id, first: n.Sp}
		switch {
		case isPointerBinding(o, declared):
			l.t = o.v.Type // a packet or kernel pointer keeps its kind (8.6.1)
		case declared != nil:
			l.t = declared
		case o.k == kRef && !o.t.IsScalar() && o.fresh:
			l.t, l.slot = o.t, o.v // S(): the new struct becomes the local
			o.v.Aux = n.Id         // and the slot is named after it
			f.locals[n.Id] = l
			return
		case o.k == kRef && !o.t.IsScalar() && o.v.Type.Ptr == ssa.PtrStack:
			l.t = o.t // a copy of another struct local
			l.slot = f.stackSlot(o.t.Size(), n.Id, n.Sp)
		case o.k == kRef:
			l.t, l.ref, l.pk, l.percpu = o.t, true, o.v.Type.Ptr, o.percpu
		default:
			l.t = f.bindType(e, o)
		}
		if declared != nil && declared.Kind == ssa.KStruct {
			l.slot = f.stackSlot(declared.Size(), n.Id, n.Sp)
		}
		f.locals[n.Id] = l
		if l.slot == nil {
			f.b.DeclareVariable(l, varType(l))
		}
	} else if declared != nil && !sameCType(declared, l.t) {
		f.errorf(n.Sp, "type of '%s' is already %s (line %d)", n.Id, ctypeName(l.t), l.first.Start.Line)
		return
	}
	if l.slot != nil {
		f.storeStruct(l.slot, l.t, o, n.Id)
		return
	}
	if l.ref {
		if o.k == kRef && sameCType(o.t, l.t) && o.v.Type.Ptr == l.pk && o.percpu == l.percpu {
			f.b.WriteVariable(l, o.v)
			return
		}
		if o.k == kRef {
			f.errorf(o.sp, "'%s' refers to %s values; this lookup gives %s", n.Id, ctypeName(l.t), ctypeName(o.t))
			return
		}
		f.rebindToCell(l, o, n.Sp)
		return
	}
	if o.k == kRef && !o.t.IsScalar() {
		f.notYet(o.sp, "copying a struct")
		return
	}
	if l.t.IsPtr() {
		f.storePointerLocal(l, o)
		return
	}
	if f.storePacketAlt(l, o) { // packet_locals.go
		return
	}
	cv := f.convert(o, l.t, true)
	f.b.WriteVariable(l, f.value(cv))
}

func varType(l *local) *ssa.Type {
	if l.ref {
		return ssa.PtrTo(l.pk)
	}
	return loadType(l.t)
}

func sameCType(a, b *ssa.Type) bool {
	if a.IsInt() && b.IsInt() {
		return a.Bits == b.Bits && a.Signed == b.Signed
	}
	return ssa.Same(a, b)
}

// bindType is the type a local gets from its first binding
// (LANGUAGE.md 3.7): a ctypes conversion or another variable gives its
// type, bools stay bool, everything else widens to s64 or u64.
func (f *fn) bindType(e syntax.Expr, o operand) *ssa.Type {
	if call, ok := e.(*syntax.Call); ok {
		if name, ok := f.c.plainName(call.Func); ok && ctypesTypes[name] != nil && !f.assigned[name] {
			return ctypesTypes[name]
		}
	}
	if _, ok := e.(*syntax.Name); ok && o.k == kVal && !o.t.IsPtr() {
		return o.t
	}
	vt := o.valueType()
	if vt.IsBool() {
		return ssa.Bool
	}
	if vt.IsInt() && vt.Signed {
		return ssa.S64
	}
	return ssa.U64
}

func (f *fn) storeGlobal(n *syntax.Name, o operand) {
	g := f.c.globals[n.Id]
	cv := f.convert(o, g.g.Type, true)
	v := f.value(cv)
	addr := f.b.Value(ssa.OpGlobal, ssa.PtrTo(ssa.PtrGlobal), pos(n.Sp))
	addr.Aux = n.Id
	f.b.Value(ssa.OpStore, ssa.Void, pos(n.Sp), addr, v)
}

func (f *fn) augAssign(s *syntax.AugAssign) {
	if at, ok := s.Target.(*syntax.Attribute); ok {
		f.augAttribute(at, s)
		return
	}
	if st, ok := s.Target.(*syntax.Subscript); ok {
		f.augSubscript(st, s) // subscript.go
		return
	}
	n, ok := s.Target.(*syntax.Name)
	if !ok {
		f.notYet(s.Target.Span(), "augmented assignment to '"+exprText(s.Target)+"'")
		return
	}
	if s.Op == "**" || s.Op == "@" {
		f.errorf(s.OpSpan, "unsupported expression: the '%s=' operator", s.Op)
		return
	}
	if !f.checkAssignable(n) {
		return
	}
	if _, isGlobal := f.globals[n.Id]; !isGlobal {
		l := f.locals[n.Id]
		if l == nil {
			if f.c.globals[n.Id] != nil {
				f.errorf(n.Sp, "local variable '%s' referenced before assignment", n.Id).Hint("write 'global %s' first if you meant the @bpfglobal", n.Id)
			} else {
				f.errorf(n.Sp, "'%s' is updated with an augmented assignment before it has a value", n.Id)
			}
			return
		}
		if l.ref && !l.t.IsScalar() {
			f.errorf(s.Sp, "'%s' refers to a struct; update one of its fields", n.Id)
			return
		}
	}
	if _, isGlobal := f.globals[n.Id]; isGlobal {
		g := f.c.globals[n.Id].g
		if op, ok := atomicOpFor(s.Op, g.Type); ok {
			y := f.expr(s.Value)
			if !f.arith(y) {
				return
			}
			addr := f.b.Value(ssa.OpGlobal, ssa.PtrTo(ssa.PtrGlobal), pos(n.Sp))
			addr.Aux = n.Id
			f.atomicUpdate(addr, g.Type, op, s.Op, y, pos(s.Sp))
			return
		}
	}
	cur := f.name(n)
	y := f.expr(s.Value)
	r := f.arithOp(cur, s.Op, y, s.OpSpan, s.Sp)
	r.explicit = true // `x += 1` converts back silently, like C
	f.storeName(n, nil, r, nil)
}

// forStmt lowers `for x in range(...)` with the exact bounded, non-wrapping
// semantics of LANGUAGE.md 7.2.
func (f *fn) forStmt(s *syntax.For) {
	p := pos(s.Sp)
	call, ok := s.Iter.(*syntax.Call)
	isRange := false
	if ok {
		if n, ok := call.Func.(*syntax.Name); ok && n.Id == "range" {
			isRange = true
		}
	}
	if !isRange || s.IsAsync {
		d := f.errorf(s.Iter.Span(), "only `for NAME in range(...)` loops are supported")
		if a, ok := s.Iter.(*syntax.Call); ok {
			if at, ok := a.Func.(*syntax.Attribute); ok && (at.Name == "items" || at.Name == "keys" || at.Name == "values") {
				d.Hint("iterate maps from userspace")
			}
		}
		return
	}
	target, ok := s.Target.(*syntax.Name)
	if !ok {
		f.errorf(s.Target.Span(), "the loop target must be a plain name")
		return
	}
	if _, g := f.globals[target.Id]; g {
		f.errorf(target.Sp, "a global cannot be a loop variable")
		return
	}
	if !f.checkAssignable(target) {
		return
	}
	if len(call.Keywords) > 0 {
		f.errorf(call.Keywords[0].Sp, "range() takes no keyword arguments")
		return
	}
	if len(call.Args) < 1 || len(call.Args) > 3 {
		f.errorf(call.Sp, "range() takes 1 to 3 arguments, %d given", len(call.Args))
		return
	}
	startE, stopE := syntax.Expr(nil), call.Args[0]
	if len(call.Args) >= 2 {
		startE, stopE = call.Args[0], call.Args[1]
	}
	step := constOp(1, ssa.S32, call.Sp)
	if len(call.Args) == 3 {
		step = f.expr(call.Args[2])
		if step.k != kConst {
			if step.k != kBad {
				f.errorf(call.Args[2].Span(), "range() step must be known at compile time, because its sign selects the loop condition")
			}
			return
		}
		if step.c == 0 {
			f.errorf(call.Args[2].Span(), "range() step must not be zero")
			return
		}
	}
	start := constOp(0, ssa.S32, call.Sp)
	if startE != nil {
		start = f.expr(startE)
	}
	stop := f.expr(stopE)
	if !f.arith(start) || !f.arith(stop) {
		return
	}
	ct := ssa.S64
	if isU64(start.valueType()) || isU64(stop.valueType()) {
		ct = ssa.U64
	}
	negative := step.t.IsInt() && step.t.Signed && int64(step.c) < 0
	switch {
	case ct == ssa.S64 && !negative && step.t.IsInt() && !step.t.Signed && step.c > 1<<63-1:
		f.errorf(step.sp, "range() step is too large for the 64-bit loop counter")
		return
	case ct == ssa.U64 && negative:
		f.errorf(step.sp, "a negative range() step needs signed bounds")
		return
	}
	if start.k != kConst || stop.k != kConst {
		f.c.warnf(s.Iter.Span(), "loop at line %d has no constant bound; the kernel may reject it", s.Sp.Start.Line)
	}
	startV := f.value(f.convert(start, ct, false))
	stopV := f.value(f.convert(stop, ct, false))
	stepAbs := step.c
	if negative {
		stepAbs = -step.c
	}
	counter := new(int)
	f.b.DeclareVariable(counter, ct)
	f.b.WriteVariable(counter, startV)

	l := f.locals[target.Id]
	if l == nil {
		l = &local{name: target.Id, t: ct, first: target.Sp, loop: true}
		f.locals[target.Id] = l
		f.b.DeclareVariable(l, varType(l))
	} else if l.loop {
		l.t = ct
	} else if l.ref || l.slot != nil || l.bad {
		f.errorf(target.Sp, "'%s' holds a map reference and cannot be a loop variable", target.Id)
		return
	}

	head, body, latch := f.b.NewBlock(p), f.b.NewBlock(p), f.b.NewBlock(p)
	elseB, exit := f.b.NewBlock(p), f.b.NewBlock(p)
	f.b.Jump(head, p)
	f.b.Cur = head
	cnt := f.b.ReadVariable(counter, p)
	var cond *ssa.Value
	if negative {
		cond = f.b.Value(pick([2]ssa.Op{ssa.OpSGt, ssa.OpGt}, ct), ssa.Bool, p, cnt, stopV)
	} else {
		cond = f.b.Value(pick([2]ssa.Op{ssa.OpSLt, ssa.OpLt}, ct), ssa.Bool, p, cnt, stopV)
	}
	f.b.If(cond, body, elseB, p)
	f.b.Seal(body)
	f.b.Cur = body
	tv := f.convValue(f.b.ReadVariable(counter, p), ct, l.t, p)
	f.b.WriteVariable(l, tv)
	lc := &loopCtx{brk: exit, cont: latch}
	f.loops = append(f.loops, lc)
	f.block(s.Body)
	f.loops = f.loops[:len(f.loops)-1]
	f.b.Jump(latch, p)
	f.b.Seal(latch)
	f.b.Cur = latch
	cur := f.b.ReadVariable(counter, p)
	if !stepCannotWrap(stop, ct, step.c, negative) {
		// End normally when the next value would reach or pass stop: the
		// distance to stop (positive here, so it fits in u64) is at most
		// |step|. Only needed when counter+step could wrap; otherwise the
		// head's own test ends the loop, as in C.
		var dist *ssa.Value
		if negative {
			dist = f.b.Value(ssa.OpSub, ssa.U64, p, cur, stopV)
		} else {
			dist = f.b.Value(ssa.OpSub, ssa.U64, p, stopV, cur)
		}
		done := f.b.Value(ssa.OpLe, ssa.Bool, p, dist, f.b.Const(ssa.U64, int64(stepAbs), p))
		advance := f.b.NewBlock(p)
		f.b.If(done, elseB, advance, p)
		f.b.Seal(advance)
		f.b.Cur = advance
	}
	stepV := f.b.Const(ct, int64(step.c), p)
	if negative {
		stepV = f.b.Const(ct, int64(stepAbs), p)
		f.b.WriteVariable(counter, f.b.Value(ssa.OpSub, ct, p, cur, stepV))
	} else {
		f.b.WriteVariable(counter, f.b.Value(ssa.OpAdd, ct, p, cur, stepV))
	}
	f.b.Jump(head, p)
	f.b.Seal(head)
	f.b.Seal(elseB)
	f.b.Cur = elseB
	f.block(s.Else)
	f.b.Jump(exit, p)
	f.b.Seal(exit)
	f.b.Cur = exit
}

func isU64(t *ssa.Type) bool { return t.IsInt() && t.Bits == 64 && !t.Signed }

var _ = diag.Span{}

// rebindToCell assigns a plain value to a reference local (LANGUAGE.md
// 5.5.5): the value, converted to the map's value type, goes into a
// private cell of the function and the local refers to it from then on;
// the map entry is never changed this way.
func (f *fn) rebindToCell(l *local, o operand, sp diag.Span) {
	if o.k == kBad {
		return
	}
	if l.cell == nil {
		l.cell = f.stackSlot(l.t.Size(), l.name, sp)
	}
	p := pos(o.sp)
	if l.t.IsScalar() {
		if !f.arith(o) {
			return
		}
		v := f.value(f.convert(o, l.t, true))
		f.b.Value(ssa.OpStore, ssa.Void, p, l.cell, v)
	} else {
		if o.k != kRef || !sameCType(o.t, l.t) {
			f.errorf(o.sp, "'%s' refers to %s values; only a %s can be assigned to it", l.name, l.t.Name, l.t.Name)
			return
		}
		f.copyStruct(l.cell, o, l.t, p)
	}
	f.b.WriteVariable(l, f.b.Value(ssa.OpCastPtr, ssa.PtrTo(l.pk), p, l.cell))
}

// stepCannotWrap reports whether advancing the counter past the last
// iteration stays inside the counter type, for every value stop can have:
// then counter+step needs no guard against wrapping (LANGUAGE.md 7.2.5
// says the counter never wraps). stop is known exactly when constant, and
// bounded by its type when narrower than 64 bits.
func stepCannotWrap(stop operand, ct *ssa.Type, step uint64, negative bool) bool {
	lo, hi := new(big.Int), new(big.Int)
	switch vt := stop.valueType(); {
	case stop.k == kConst:
		v := bigOf(stop.c, stop.t)
		lo.Set(v)
		hi.Set(v)
	case vt.IsBool():
		lo.SetInt64(0)
		hi.SetInt64(1)
	case vt.IsInt() && vt.Bits < 64:
		if vt.Signed {
			lo.Lsh(big.NewInt(-1), uint(vt.Bits-1))
			hi.Lsh(big.NewInt(1), uint(vt.Bits-1))
			hi.Sub(hi, big.NewInt(1))
		} else {
			hi.Lsh(big.NewInt(1), uint(vt.Bits))
			hi.Sub(hi, big.NewInt(1))
		}
	default:
		return false
	}
	minCT, maxCT := new(big.Int), new(big.Int).SetUint64(^uint64(0))
	if ct.Signed {
		minCT.SetInt64(-1 << 63)
		maxCT.SetInt64(1<<63 - 1)
	}
	if negative {
		// The last counter value is > stop, so at least lo+1; minus |step|.
		abs := new(big.Int).Neg(big.NewInt(int64(step)))
		last := new(big.Int).Add(lo, big.NewInt(1))
		return last.Sub(last, abs).Cmp(minCT) >= 0
	}
	// The last counter value is < stop, so at most hi-1; plus step.
	last := new(big.Int).Sub(hi, big.NewInt(1))
	return last.Add(last, new(big.Int).SetUint64(truncBits(step, ssa.U64))).Cmp(maxCT) <= 0
}

// bigOf is a constant's mathematical value.
func bigOf(c uint64, t *ssa.Type) *big.Int {
	if t.IsInt() && t.Signed {
		return big.NewInt(int64(c))
	}
	return new(big.Int).SetUint64(c)
}
