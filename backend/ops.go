package backend

import (
	"github.com/llir/llvm/ir"
	"github.com/llir/llvm/ir/constant"
	"github.com/llir/llvm/ir/enum"
	"github.com/llir/llvm/ir/types"
	"github.com/llir/llvm/ir/value"
	"github.com/pybpfc/pybpfc/ssa"
)

var comparePreds = map[ssa.Op]enum.IPred{
	ssa.OpEq: enum.IPredEQ, ssa.OpNe: enum.IPredNE,
	ssa.OpLt: enum.IPredULT, ssa.OpLe: enum.IPredULE, ssa.OpGt: enum.IPredUGT, ssa.OpGe: enum.IPredUGE,
	ssa.OpSLt: enum.IPredSLT, ssa.OpSLe: enum.IPredSLE, ssa.OpSGt: enum.IPredSGT, ssa.OpSGe: enum.IPredSGE,
}

// lowerValue emits the instructions of one SSA value into the current
// block and records its LLVM value. No instruction gets nsw/nuw/exact:
// overflow wraps in this language, and those flags would let LLVM assume
// it cannot happen.
func (l *funcLower) lowerValue(v *ssa.Value) {
	n := len(l.cur.Insts)
	l.at(lineCol{v.Pos.Line, v.Pos.Col}, lineCol{v.Block.Pos.Line, v.Block.Pos.Col})
	x := l.lowerOp(v)
	l.tag(n)
	if x == nil {
		return
	}
	// Name the value's own instruction after it, so the IR reads like the
	// SSA it came from; constants and aliases have no instruction to name.
	if inst, ok := x.(interface {
		ir.Instruction
		value.Named
		IsUnnamed() bool
	}); ok && inst.IsUnnamed() && len(l.cur.Insts) > n {
		inst.SetName(v.String())
	}
	l.vals[v.ID] = x
}

func (l *funcLower) lowerOp(v *ssa.Value) value.Value {
	b := l.cur
	arg := func(i int) value.Value { return l.val(v.Args[i]) }
	switch v.Op {
	case ssa.OpConst:
		switch {
		case v.Type.IsPtr():
			return constant.NewNull(i8ptr)
		case v.Type.IsBool():
			return constant.NewBool(v.AuxInt != 0)
		}
		return intConst(v.Type.Bits, v.AuxInt)
	case ssa.OpArg:
		if v.AuxInt < 0 || int(v.AuxInt) >= len(l.fn.Params) {
			l.fail(v, "no parameter %d", v.AuxInt)
			return nil
		}
		return l.fn.Params[v.AuxInt]
	case ssa.OpPhi:
		// Incoming values are added by fillPhis once all blocks exist.
		phi := &ir.InstPhi{Typ: llType(v.Type)}
		b.Insts = append(b.Insts, phi)
		return phi
	case ssa.OpCopy:
		return arg(0)
	case ssa.OpAdd:
		return b.NewAdd(arg(0), arg(1))
	case ssa.OpSub:
		return b.NewSub(arg(0), arg(1))
	case ssa.OpMul:
		return b.NewMul(arg(0), arg(1))
	case ssa.OpAnd:
		return b.NewAnd(arg(0), arg(1))
	case ssa.OpOr:
		return b.NewOr(arg(0), arg(1))
	case ssa.OpXor:
		return b.NewXor(arg(0), arg(1))
	case ssa.OpDiv, ssa.OpMod:
		return l.unsignedDivMod(v, v.Op == ssa.OpMod)
	case ssa.OpSDiv, ssa.OpSMod:
		return l.signedDivMod(v, v.Op == ssa.OpSMod)
	case ssa.OpShl, ssa.OpShr, ssa.OpSar:
		return l.shift(v)
	case ssa.OpNeg:
		return b.NewSub(intConst(v.Type.Bits, 0), arg(0))
	case ssa.OpCom:
		return b.NewXor(arg(0), intConst(v.Type.Bits, -1))
	case ssa.OpNot:
		return b.NewXor(arg(0), constant.True)
	case ssa.OpEq, ssa.OpNe, ssa.OpLt, ssa.OpLe, ssa.OpGt, ssa.OpGe, ssa.OpSLt, ssa.OpSLe, ssa.OpSGt, ssa.OpSGe:
		x, y := arg(0), arg(1)
		if v.Args[0].Type.IsPtr() && v.Args[0].Type.Ptr.Nullable() {
			x = l.opaque(x)
		}
		return b.NewICmp(comparePreds[v.Op], x, y)
	case ssa.OpZExt, ssa.OpSExt:
		// A bool widens to 0 or 1, never to -1 (LANGUAGE.md 3.5.2).
		if v.Op == ssa.OpZExt || v.Args[0].Type.IsBool() {
			return b.NewZExt(arg(0), llType(v.Type))
		}
		return b.NewSExt(arg(0), llType(v.Type))
	case ssa.OpTrunc:
		return b.NewTrunc(arg(0), llType(v.Type))
	case ssa.OpPtrToInt:
		return b.NewPtrToInt(arg(0), types.I64)
	case ssa.OpIntToPtr:
		return b.NewIntToPtr(arg(0), i8ptr)
	case ssa.OpLoad:
		return l.load(v)
	case ssa.OpStore:
		l.store(v)
		return nil
	case ssa.OpZero:
		l.zero(v)
		return nil
	case ssa.OpOffPtr:
		if v.AuxInt == 0 {
			return arg(0)
		}
		// Plain (not inbounds) GEP: packet and kernel pointers may point
		// anywhere, and inbounds would make such arithmetic poison.
		return b.NewGetElementPtr(types.I8, arg(0), constant.NewInt(types.I64, v.AuxInt))
	case ssa.OpAddPtr:
		// GEP sign-extends narrow indices; widen by the offset's own sign.
		return b.NewGetElementPtr(types.I8, arg(0), l.toI64(arg(1), v.Args[1].Type))
	case ssa.OpGlobal:
		if g := l.e.symbols[v.Aux]; g != nil {
			return constant.NewBitCast(g, i8ptr)
		}
		if fn := l.e.funcs[v.Aux]; fn != nil {
			// A callback's address: clang turns it into the
			// BPF_PSEUDO_FUNC ld_imm64 that bpf_loop takes.
			return constant.NewBitCast(fn, i8ptr)
		}
		l.fail(v, "no map, global or function named %q", v.Aux)
		return nil
	case ssa.OpString:
		return constant.NewBitCast(l.e.stringGlobal(v.Aux), i8ptr)
	case ssa.OpCall:
		return l.helperCall(v)
	case ssa.OpCallSub:
		return l.subCall(v)
	case ssa.OpCoreAddr:
		return l.coreAddr(v)
	case ssa.OpPktPtr:
		return l.pktPtr(v)
	case ssa.OpPktHeader:
		return arg(0)
	case ssa.OpAtomic:
		return l.atomic(v)
	case ssa.OpAtomicCmpXchg:
		return l.cmpxchg(v)
	case ssa.OpCastPtr:
		return arg(0) // every pointer is an i8* in LLVM
	}
	l.fail(v, "op not supported by the backend")
	return nil
}

func (l *funcLower) load(v *ssa.Value) value.Value {
	mt := memType(v.Type)
	ld := l.cur.NewLoad(mt, l.castPtr(l.val(v.Args[0]), mt))
	// Natural alignment: BPF has no unaligned loads, and align 1 would make
	// LLVM split the access into byte loads.
	ld.Align = ir.Align(v.Type.Size())
	ld.Volatile = l.isRodata(v.Args[0])
	if v.Type.IsBool() {
		return l.cur.NewICmp(enum.IPredNE, ld, constant.NewInt(types.I8, 0))
	}
	return ld
}

func (l *funcLower) store(v *ssa.Value) {
	x, t := l.val(v.Args[1]), v.Args[1].Type
	if t.IsBool() {
		x = l.cur.NewZExt(x, types.I8)
	}
	mt := memType(t)
	st := l.cur.NewStore(x, l.castPtr(l.val(v.Args[0]), mt))
	st.Align = ir.Align(t.Size())
}

// zero stores zeros in the widest chunks the pointer's known alignment
// allows; the BPF backend would do the same with llvm.memset, and explicit
// stores leave nothing to chance on LLVM 14.
func (l *funcLower) zero(v *ssa.Value) {
	base := l.val(v.Args[0])
	align := alignOf(v.Args[0])
	for off := int64(0); off < v.AuxInt; {
		w := int64(8)
		for w > align || off%w != 0 || off+w > v.AuxInt {
			w /= 2
		}
		p := base
		if off > 0 {
			p = l.cur.NewGetElementPtr(types.I8, base, constant.NewInt(types.I64, off))
		}
		it := types.NewInt(uint64(w * 8))
		st := l.cur.NewStore(constant.NewInt(it, 0), l.castPtr(p, it))
		st.Align = ir.Align(w)
		off += w
	}
}

// helperCall calls helper AuxInt through `inttoptr (i64 id to fn*)`, the
// form the BPF backend turns into `call id`; no declaration is needed.
// Integer arguments travel as 64-bit registers extended by their own sign.
func (l *funcLower) helperCall(v *ssa.Value) value.Value {
	var args []value.Value
	var params []types.Type
	for _, a := range v.Args {
		x := l.val(a)
		if !a.Type.IsPtr() {
			x = l.toI64(x, a.Type)
		}
		args = append(args, x)
		params = append(params, x.Type())
	}
	ret := types.Type(types.I64)
	if v.Type.IsPtr() {
		ret = i8ptr
	}
	sig := types.NewFunc(ret, params...)
	callee := constant.NewIntToPtr(constant.NewInt(types.I64, v.AuxInt), types.NewPointer(sig))
	if ssa.HelperOnlyReadsArgs(v.AuxInt) {
		for i, a := range v.Args {
			if a.Type.IsPtr() {
				args[i] = ir.NewArg(args[i], enum.ParamAttrNoCapture, enum.ParamAttrReadOnly)
			}
		}
	}
	call := l.cur.NewCall(callee, args...)
	if v.Type.IsVoid() || v.Type.IsPtr() {
		return call
	}
	return l.fromI64(call, v.Type)
}

func (l *funcLower) subCall(v *ssa.Value) value.Value {
	fn := l.e.funcs[v.Aux]
	if fn == nil {
		l.fail(v, "no function named %q", v.Aux)
		return nil
	}
	if len(fn.Params) != len(v.Args) {
		l.fail(v, "%s takes %d arguments, given %d", v.Aux, len(fn.Params), len(v.Args))
		return nil
	}
	var args []value.Value
	for i, a := range v.Args {
		args = append(args, l.convert(l.val(a), a.Type, fn.Params[i].Type()))
	}
	call := l.cur.NewCall(fn, args...)
	if v.Type.IsVoid() {
		return call
	}
	return l.fromI64(call, v.Type)
}

// convert adapts an argument to a parameter's register type, extending by
// the argument's sign; well-typed SSA needs no conversion at all.
func (l *funcLower) convert(x value.Value, from *ssa.Type, to types.Type) value.Value {
	if x.Type().Equal(to) {
		return x
	}
	it, ok := to.(*types.IntType)
	if !ok {
		if from.IsPtr() {
			return l.cur.NewBitCast(x, to)
		}
		return l.cur.NewIntToPtr(l.toI64(x, from), to)
	}
	if from.IsPtr() {
		return l.cur.NewPtrToInt(x, to)
	}
	fb := x.Type().(*types.IntType).BitSize
	switch {
	case fb > it.BitSize:
		return l.cur.NewTrunc(x, to)
	case from.Signed && !from.IsBool():
		return l.cur.NewSExt(x, to)
	}
	return l.cur.NewZExt(x, to)
}

// opaque passes a possibly-NULL pointer through an empty volatile asm (the
// "barrier_var" idiom of BPF C) before it is tested. Without it, LLVM turns
// `p != NULL || q != NULL` into `(p | q) != NULL`, and the kernel verifier
// refuses arithmetic on map-value pointers ("pointer |= pointer
// prohibited"). The asm costs no instruction; the verifier still sees the
// same register, so the null check refines it as usual.
func (l *funcLower) opaque(p value.Value) value.Value {
	asm := ir.NewInlineAsm(types.NewPointer(types.NewFunc(i8ptr, i8ptr)), "", "=r,0")
	asm.SideEffect = true
	return l.cur.NewCall(asm, p)
}

var atomicOps = map[int64]enum.AtomicOp{
	ssa.AtomicAdd: enum.AtomicOpAdd, ssa.AtomicAnd: enum.AtomicOpAnd, ssa.AtomicOr: enum.AtomicOpOr,
	ssa.AtomicXor: enum.AtomicOpXor, ssa.AtomicXchg: enum.AtomicOpXChg,
}

// atomic emits an atomicrmw. When the old value is unused, the BPF backend
// emits the plain "lock add" form every CPU version has; and/or/xor/xchg
// and fetching forms need -mcpu=v3, which is the default.
func (l *funcLower) atomic(v *ssa.Value) value.Value {
	mt := memType(v.Type)
	inst := l.cur.NewAtomicRMW(atomicOps[v.AuxInt], l.castPtr(l.val(v.Args[0]), mt), l.val(v.Args[1]), enum.AtomicOrderingSequentiallyConsistent)
	return inst
}

// cmpxchg emits a cmpxchg and keeps the loaded value; the BPF backend
// lowers it to BPF_CMPXCHG (-mcpu=v3), whose r0 is exactly that value.
func (l *funcLower) cmpxchg(v *ssa.Value) value.Value {
	mt := memType(v.Type)
	ord := enum.AtomicOrderingSequentiallyConsistent
	inst := l.cur.NewCmpXchg(l.castPtr(l.val(v.Args[0]), mt), l.val(v.Args[1]), l.val(v.Args[2]), ord, ord)
	return l.cur.NewExtractValue(inst, 0)
}
