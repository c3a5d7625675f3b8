package frontend

import (
	"github.com/pybpfc/pybpfc/frontend/syntax"
	"github.com/pybpfc/pybpfc/internal/diag"
	"github.com/pybpfc/pybpfc/ssa"
)

// builtinConsts are the constants of LANGUAGE.md 6.4 and 6.5, all ranked
// like literals of their value.
var builtinConsts = map[string]int64{
	"XDP_ABORTED": 0, "XDP_DROP": 1, "XDP_PASS": 2, "XDP_TX": 3, "XDP_REDIRECT": 4,
	"TC_ACT_UNSPEC": -1, "TC_ACT_OK": 0, "TC_ACT_RECLASSIFY": 1, "TC_ACT_SHOT": 2, "TC_ACT_PIPE": 3,
	"TC_ACT_STOLEN": 4, "TC_ACT_QUEUED": 5, "TC_ACT_REPEAT": 6, "TC_ACT_REDIRECT": 7,
	"BPF_ANY": 0, "BPF_NOEXIST": 1, "BPF_EXIST": 2, "BPF_F_CURRENT_CPU": 0xFFFFFFFF,
	"BPF_F_USER_STACK": 256, "BPF_RB_NO_WAKEUP": 1, "BPF_RB_FORCE_WAKEUP": 2,
	"SK_DROP": 0, "SK_PASS": 1, "NF_DROP": 0, "NF_ACCEPT": 1,
}

// expr lowers an expression to an operand.
func (f *fn) expr(e syntax.Expr) operand {
	switch e := e.(type) {
	case *syntax.Int:
		if !bigFits(e.Value) {
			f.errorf(e.Sp, "integer literal does not fit in 64 bits")
			return bad(e.Sp)
		}
		v := e.Value.Uint64()
		return constOp(v, literalType(v, false), e.Sp)
	case *syntax.Constant:
		switch e.Value {
		case "True":
			return constOp(1, ssa.Bool, e.Sp)
		case "False":
			return constOp(0, ssa.Bool, e.Sp)
		case "None":
			f.errorf(e.Sp, "None can only be returned or compared with 'is'")
		default:
			f.errorf(e.Sp, "unsupported expression: '...'")
		}
		return bad(e.Sp)
	case *syntax.Str:
		if e.IsBytes {
			f.errorf(e.Sp, "unsupported expression: bytes literal")
			return bad(e.Sp)
		}
		return operand{k: kStr, t: ssa.PtrTo(ssa.PtrGlobal), str: e.Value, sp: e.Sp}
	case *syntax.Name:
		return f.name(e)
	case *syntax.BinOp:
		return f.binOp(e)
	case *syntax.UnaryOp:
		return f.unaryOp(e)
	case *syntax.Compare:
		return f.compare(e)
	case *syntax.BoolOp:
		return f.boolOp(e)
	case *syntax.IfExp:
		return f.ifExp(e)
	case *syntax.Call:
		return f.call(e, false)
	case *syntax.Attribute:
		return f.attribute(e)
	case *syntax.Subscript:
		return f.subscript(e) // subscript.go
	case *syntax.Float:
		f.errorf(e.Sp, "unsupported expression: float literal").Hint("floating point is not available in BPF")
	case *syntax.FString:
		f.errorf(e.Sp, "unsupported expression: f-string outside print()")
	case *syntax.Tuple:
		f.errorf(e.Sp, "unsupported expression: tuple")
	case *syntax.Starred:
		f.errorf(e.Sp, "unsupported expression: starred expression")
	case *syntax.Slice:
		f.errorf(e.Sp, "unsupported expression: slice")
	case *syntax.OtherExpr:
		f.errorf(e.Sp, "unsupported expression: %s", e.Kind)
	default:
		f.errorf(e.Span(), "unsupported expression")
	}
	return bad(e.Span())
}

// name resolves a bare name (LANGUAGE.md 6.4.2): local, global, imported
// kernel constant, built-in constant.
func (f *fn) name(e *syntax.Name) operand {
	id := e.Id
	if f.constOnly {
		if v, ok := builtinConsts[id]; ok {
			return constOp(uint64(v), literalType(uint64(v), false), e.Sp)
		}
		if _, ok := f.c.vmlinux[id]; ok {
			return f.vmlinuxName(e)
		}
		if g := f.c.globals[id]; g != nil {
			f.errorf(e.Sp, "'%s' is a @bpfglobal, not a constant", id)
			return bad(e.Sp)
		}
		return f.undefined(e)
	}
	if f.used != nil {
		f.used[id] = true
	}
	if f.c.failed[id] && !f.assigned[id] {
		return bad(e.Sp)
	}
	if id == f.ctxName && f.ctxName != "" {
		return operand{k: kVal, t: ssa.PtrTo(ssa.PtrCtx), v: f.ctxVal, sp: e.Sp}
	}
	if _, isGlobal := f.globals[id]; !isGlobal && f.assigned[id] {
		l := f.locals[id]
		if l == nil {
			d := f.errorf(e.Sp, "local variable '%s' referenced before assignment", id)
			if f.c.globals[id] != nil {
				d.Hint("write 'global %s' first if you meant the @bpfglobal", id)
			}
			return bad(e.Sp)
		}
		return f.readLocal(l, e.Sp)
	}
	if g := f.c.globals[id]; g != nil {
		addr := f.b.Value(ssa.OpGlobal, ssa.PtrTo(ssa.PtrGlobal), pos(e.Sp))
		addr.Aux = id
		return operand{k: kVal, t: g.g.Type, v: f.b.Value(ssa.OpLoad, loadType(g.g.Type), pos(e.Sp), addr), sp: e.Sp}
	}
	if m := f.c.maps[id]; m != nil {
		return operand{k: kMap, m: m, sp: e.Sp}
	}
	if _, ok := f.c.vmlinux[id]; ok {
		return f.vmlinuxName(e)
	}
	if v, ok := builtinConsts[id]; ok {
		return constOp(uint64(v), literalType(uint64(v), false), e.Sp)
	}
	return f.undefined(e)
}

func (f *fn) undefined(e *syntax.Name) operand {
	d := f.errorf(e.Sp, "undefined name '%s'", e.Id)
	switch {
	case f.c.userNames[e.Id]:
		d.Hint("module-level Python variables are not visible in BPF code; use a literal, a @bpfglobal or a @bpfconst")
	case f.c.structs[e.Id] != nil:
		d.Hint("'%s' is a struct type; create one with %s()", e.Id, e.Id)
	case f.c.defs[e.Id].IsValid():
		d.Hint("'%s' is a BPF definition that cannot be used as a value", e.Id)
	}
	return bad(e.Sp)
}

// loadType is the register type a memory value of type t loads as.
func loadType(t *ssa.Type) *ssa.Type {
	if t.IsInt() {
		return canonical(t)
	}
	return t
}

func (f *fn) readLocal(l *local, sp diag.Span) operand {
	if l.bad {
		return bad(sp)
	}
	if l.slot != nil {
		return operand{k: kRef, t: l.t, v: l.slot, sp: sp}
	}
	if o, ok := f.readPacketAlt(l, sp); ok { // packet_locals.go
		return o
	}
	v := f.b.ReadVariable(l, pos(sp))
	if l.ref && isCharArray(l.t) {
		return operand{k: kArr, t: l.t, v: v, sp: sp} // a char pointer (chars.go)
	}
	if l.ref {
		return operand{k: kRef, t: l.t, v: v, sp: sp, percpu: l.percpu}
	}
	return operand{k: kVal, t: l.t, v: v, sp: sp}
}

// value materializes an operand as an SSA value of its own type. A
// reference is read: its stored value, or 0 when it is NULL
// (LANGUAGE.md 5.5.2).
func (f *fn) value(o operand) *ssa.Value {
	p := pos(o.sp)
	switch o.k {
	case kConst:
		return f.b.Const(canonicalScalar(o.t), int64(o.c), p)
	case kVal:
		return o.v
	case kRef:
		if !o.t.IsScalar() {
			f.errorf(o.sp, "a struct has no integer value").Hint("use one of its fields")
			return f.b.Const(ssa.S32, 0, p)
		}
		return f.nullSafe(o.v, p, func() *ssa.Value {
			return f.b.Value(ssa.OpLoad, loadType(o.t), p, o.v)
		}, loadType(o.t))
	case kStr:
		s := f.b.Value(ssa.OpString, ssa.PtrTo(ssa.PtrGlobal), p)
		s.Aux = o.str
		return s
	case kArr:
		f.errorf(o.sp, "an array has no integer value").Hint("index it (a[i]), or pass it where a string or buffer is expected")
	case kVoid:
		f.errorf(o.sp, "this call has no value")
	case kMap:
		f.errorf(o.sp, "a map cannot be used as a value").Hint("call one of its methods, such as lookup()")
	case kBad:
		f.c.poisoned = true // checked in Compile: a dropped value must have been reported
	}
	return f.b.Const(canonicalScalar(o.t), 0, p)
}

func canonicalScalar(t *ssa.Type) *ssa.Type {
	if t == nil || !t.IsScalar() {
		return ssa.S32
	}
	return loadType(t)
}

// nullSafe evaluates read() only when ptr is not NULL and yields 0
// otherwise: a diamond joined by a phi, built with a builder variable.
func (f *fn) nullSafe(ptr *ssa.Value, p diag.Pos, read func() *ssa.Value, t *ssa.Type) *ssa.Value {
	key := new(int)
	f.b.DeclareVariable(key, t)
	null := f.b.Const(ptr.Type, 0, p)
	isNull := f.b.Value(ssa.OpEq, ssa.Bool, p, ptr, null)
	then, join := f.b.NewBlock(p), f.b.NewBlock(p)
	f.b.WriteVariable(key, f.b.Const(t, 0, p))
	f.b.If(isNull, join, then, p)
	f.b.Seal(then)
	f.b.Cur = then
	f.b.WriteVariable(key, read())
	f.b.Jump(join, p)
	f.b.Seal(join)
	f.b.Cur = join
	return f.b.ReadVariable(key, p)
}

// convert converts an operand to type t (LANGUAGE.md 3.5). implicit
// conversions of constants that change the value warn (3.5.4).
func (f *fn) convert(o operand, t *ssa.Type, implicit bool) operand {
	p := pos(o.sp)
	switch o.k {
	case kBad:
		// Constant-only evaluations report into scratch lists; only real
		// lowering must leave a diagnostic behind.
		f.c.poisoned = f.c.poisoned || !f.constOnly
		return operand{k: kBad, t: t, sp: o.sp}
	case kArr:
		f.errorf(o.sp, "an array has no integer value").Hint("index it (a[i]), or pass it where a string or buffer is expected")
		return operand{k: kBad, t: t, sp: o.sp}
	case kConst:
		var c uint64
		if t.IsBool() {
			c = b2u(o.c != 0)
		} else {
			c = truncBits(o.c, t)
		}
		if implicit && !o.explicit && !f.constOnly && c != o.c && !(o.t.IsBool() && c == o.c) {
			f.c.warnf(o.sp, "constant %s does not fit %s; it becomes %s", constString(o.c, o.t), ctypeName(t), constString(c, t))
		}
		return operand{k: kConst, t: t, c: c, explicit: o.explicit, sp: o.sp}
	case kStr, kVoid, kMap:
		f.errorf(o.sp, "this expression has no integer value")
		return bad(o.sp)
	}
	v := f.value(o)
	return operand{k: kVal, t: t, v: f.convValue(v, o.valueType(), t, p), sp: o.sp}
}

// convValue converts a run-time value from C type from to C type to:
// widening by the source's sign, narrowing by truncation, bool by != 0.
func (f *fn) convValue(v *ssa.Value, from, to *ssa.Type, p diag.Pos) *ssa.Value {
	if v.Type.IsPtr() {
		if to.IsPtr() {
			return v
		}
		v = f.b.Value(ssa.OpPtrToInt, ssa.U64, p, v)
		from = ssa.U64
	}
	to = loadType(to)
	switch {
	case to.IsBool():
		if v.Type.IsBool() {
			return v
		}
		return f.b.Value(ssa.OpNe, ssa.Bool, p, v, f.b.Const(v.Type, 0, p))
	case v.Type.IsBool():
		return f.b.Value(ssa.OpZExt, to, p, v)
	case v.Type.Bits == to.Bits:
		// Same width, other sign: the bits are the value (IR integers are
		// signless; the operand carries the C type).
		return v
	case v.Type.Bits < to.Bits:
		if from.Signed {
			return f.b.Value(ssa.OpSExt, to, p, v)
		}
		return f.b.Value(ssa.OpZExt, to, p, v)
	default:
		return f.b.Value(ssa.OpTrunc, to, p, v)
	}
}
