package frontend

import (
	"github.com/pybpfc/pybpfc/frontend/syntax"
	"github.com/pybpfc/pybpfc/internal/diag"
	"github.com/pybpfc/pybpfc/ssa"
)

// newStruct makes a zeroed struct on the stack (LANGUAGE.md 4.3: S()),
// padding included, so it can serve as a hash key.
func (f *fn) newStruct(t *ssa.Type, sp diag.Span) operand {
	slot := f.stackSlot(t.Size(), t.Name, sp)
	z := f.b.Value(ssa.OpZero, ssa.Void, pos(sp), slot)
	z.AuxInt = int64(t.Size())
	return operand{k: kRef, t: t, v: slot, sp: sp, fresh: true}
}

// structCall lowers S() and the cast S(p).
func (f *fn) structCall(t *ssa.Type, e *syntax.Call) operand {
	if len(e.Keywords) > 0 {
		f.errorf(e.Keywords[0].Sp, "%s() takes no keyword arguments; set fields after creating it", t.Name)
		return bad(e.Sp)
	}
	switch len(e.Args) {
	case 0:
		return f.newStruct(t, e.Sp)
	case 1:
	default:
		f.errorf(e.Sp, "%s() takes no argument (a new struct) or one pointer (a cast)", t.Name)
		return bad(e.Sp)
	}
	p := f.expr(e.Args[0])
	switch {
	case p.k == kRef:
		// A map value or a ring buffer record: direct access through it.
		if p.v.Type.Ptr == ssa.PtrRingbuf && !f.recordCast(t, p, e) {
			return bad(e.Sp)
		}
		return operand{k: kRef, t: t, v: p.v, sp: e.Sp}
	case p.k == kVal && p.v.Type.IsPtr():
		if p.v.Type.Ptr == ssa.PtrPacket {
			return f.packetHeader(t, p, e)
		}
		return operand{k: kRef, t: t, v: p.v, sp: e.Sp}
	case p.k == kBad:
		return bad(e.Sp)
	}
	return f.kernelPointer(t, p, e)
}

// fieldOf resolves x.name on a struct operand.
func (f *fn) fieldOf(base operand, name string, nameSp diag.Span) (*ssa.Field, bool) {
	fd := base.t.Field(name)
	if fd == nil && f.kernelFieldMissing(base.t, name, nameSp) {
		return nil, false
	}
	if fd == nil {
		var names []string
		for _, x := range base.t.Fields {
			names = append(names, x.Name)
		}
		f.errorf(nameSp, "struct %s has no field '%s'; its fields are %s", base.t.Name, name, joinNames(names))
		return nil, false
	}
	return fd, true
}

func joinNames(ns []string) string {
	s := ""
	for i, n := range ns {
		if i > 0 {
			s += ", "
		}
		s += n
	}
	return s
}

// fieldPtr is the address of a field: base + offset.
func (f *fn) fieldPtr(base *ssa.Value, off int, p diag.Pos) *ssa.Value {
	if off == 0 {
		return base
	}
	v := f.b.Value(ssa.OpOffPtr, base.Type, p, base)
	v.AuxInt = int64(off)
	return v
}

// attribute lowers a read of x.f (LANGUAGE.md 4.3, 5.5.6).
func (f *fn) attribute(e *syntax.Attribute) operand {
	base := f.expr(e.X)
	switch base.k {
	case kBad:
		return bad(e.Sp)
	case kRef:
		if base.t.Kind != ssa.KStruct {
			f.errorf(e.NameSpan, "a %s value has no fields", ctypeName(base.t))
			return bad(e.Sp)
		}
	case kVal:
		if base.v.Type.Ptr == ssa.PtrCtx {
			return f.contextField(e, base)
		}
		if f.isKernelPtr(base) {
			return f.kernelField(e, base)
		}
		f.errorf(e.NameSpan, "a %s value has no fields", ctypeName(base.valueType()))
		return bad(e.Sp)
	case kMap:
		f.errorf(e.NameSpan, "'%s' is a map; call a method such as %s.lookup(k)", exprText(e.X), exprText(e.X))
		return bad(e.Sp)
	default:
		f.errorf(e.NameSpan, "this value has no fields")
		return bad(e.Sp)
	}
	fd, ok := f.fieldOf(base, e.Name, e.NameSpan)
	if !ok {
		return bad(e.Sp)
	}
	p := pos(e.Sp)
	switch fd.Type.Kind {
	case ssa.KStruct:
		return operand{k: kRef, t: fd.Type, v: f.nullSafeFieldPtr(base.v, fd.Offset, p), sp: e.Sp, percpu: base.percpu}
	case ssa.KArray:
		return operand{k: kArr, t: fd.Type, v: f.nullSafeFieldPtr(base.v, fd.Offset, p), sp: e.Sp}
	}
	lt := loadType(fd.Type)
	read := func() *ssa.Value {
		return f.b.Value(ssa.OpLoad, lt, p, f.fieldPtr(base.v, fd.Offset, p))
	}
	if base.v.Type.Ptr.Nullable() {
		return operand{k: kVal, t: fd.Type, v: f.nullSafe(base.v, p, read, lt), sp: e.Sp}
	}
	return operand{k: kVal, t: fd.Type, v: read(), sp: e.Sp}
}

// nullSafeFieldPtr is the address of a field that stays NULL when the base
// is a NULL reference, so later null checks on it remain meaningful.
func (f *fn) nullSafeFieldPtr(base *ssa.Value, off int, p diag.Pos) *ssa.Value {
	if off == 0 || !base.Type.Ptr.Nullable() {
		return f.fieldPtr(base, off, p)
	}
	return f.nullSafe(base, p, func() *ssa.Value { return f.fieldPtr(base, off, p) }, base.Type)
}

// fieldTarget evaluates the base of an assignment target x.f.
func (f *fn) fieldTarget(t *syntax.Attribute) (operand, *ssa.Field, bool) {
	base := f.expr(t.X)
	if base.k == kBad {
		return base, nil, false
	}
	if base.k == kVal && base.v.Type.Ptr == ssa.PtrCtx {
		f.errorf(t.Sp, "the context is read-only")
		return base, nil, false
	}
	if f.isKernelPtr(base) {
		f.errorf(t.Sp, "kernel memory is read-only here")
		return base, nil, false
	}
	if base.k != kRef || base.t.Kind != ssa.KStruct {
		f.errorf(t.NameSpan, "only struct fields can be assigned")
		return base, nil, false
	}
	if !f.packetWritable(base, t.Sp) {
		return base, nil, false
	}
	fd, ok := f.fieldOf(base, t.Name, t.NameSpan)
	return base, fd, ok
}

// whenNotNull runs body only when ptr is not NULL (stores through a NULL
// reference are skipped, LANGUAGE.md 5.5.6); for non-nullable pointers it
// just runs body.
func (f *fn) whenNotNull(ptr *ssa.Value, p diag.Pos, body func()) {
	if !ptr.Type.Ptr.Nullable() {
		body()
		return
	}
	f.when(f.b.Value(ssa.OpNe, ssa.Bool, p, ptr, f.b.Const(ptr.Type, 0, p)), p, body)
}

func (f *fn) storeAttribute(t *syntax.Attribute, o operand) {
	base, fd, ok := f.fieldTarget(t)
	if !ok || o.k == kBad {
		return
	}
	p := pos(t.Sp)
	switch fd.Type.Kind {
	case ssa.KStruct:
		if o.k != kRef || !sameCType(o.t, fd.Type) {
			f.errorf(o.sp, "field '%s' holds a %s; assign a %s", fd.Name, fd.Type.Name, fd.Type.Name)
			return
		}
		f.whenNotNull(base.v, p, func() {
			f.copyStruct(f.fieldPtr(base.v, fd.Offset, p), o, fd.Type, p)
		})
		return
	case ssa.KArray:
		f.storeArray(base, fd, o, p)
		return
	}
	if !f.arith(o) {
		return
	}
	cv := f.convert(o, fd.Type, true)
	v := f.value(cv)
	f.whenNotNull(base.v, p, func() {
		f.b.Value(ssa.OpStore, ssa.Void, p, f.fieldPtr(base.v, fd.Offset, p), v)
	})
}

// storeArray handles `x.name = "literal"` (LANGUAGE.md 4.4.3): the bytes,
// truncated to N-1, then NULs to the end of the field.
func (f *fn) storeArray(base operand, fd *ssa.Field, o operand, p diag.Pos) {
	if o.k == kArr && isCharArray(o.t) && fd.Type.Elem.Bits == 8 {
		f.copyString(base, fd, o, p) // chars.go
		return
	}
	if o.k != kStr || fd.Type.Elem.Bits != 8 {
		f.notYet(o.sp, "assigning this value to an array field")
		return
	}
	n := fd.Type.Len
	data := []byte(o.str)
	if len(data) > n-1 {
		data = data[:n-1]
	}
	f.whenNotNull(base.v, p, func() {
		dst := f.fieldPtr(base.v, fd.Offset, p)
		f.storeBytes(dst, data, p)
		if rest := n - len(data); rest > 0 {
			z := f.b.Value(ssa.OpZero, ssa.Void, p, f.fieldPtr(dst, len(data), p))
			z.AuxInt = int64(rest)
		}
	})
}

// storeBytes writes constant bytes one at a time (the field may sit at any
// offset; clang merges neighbouring byte stores); the NUL padding after a
// literal is one Zero, so a str(65536) field costs no more IR than str(16).
func (f *fn) storeBytes(dst *ssa.Value, buf []byte, p diag.Pos) {
	for i, c := range buf {
		f.b.Value(ssa.OpStore, ssa.Void, p, f.fieldPtr(dst, i, p), f.b.Const(ssa.U8, int64(c), p))
	}
}

// copyStruct copies the struct o refers to into dst (all zero when o is a
// NULL reference, LANGUAGE.md 3.7.1).
func (f *fn) copyStruct(dst *ssa.Value, o operand, t *ssa.Type, p diag.Pos) {
	src := o.v
	if !src.Type.Ptr.Nullable() {
		f.copyMem(dst, src, t.Size(), t.Align(), p)
		return
	}
	null := f.b.Const(src.Type, 0, p)
	isNull := f.b.Value(ssa.OpEq, ssa.Bool, p, src, null)
	zero, cp, join := f.b.NewBlock(p), f.b.NewBlock(p), f.b.NewBlock(p)
	f.b.If(isNull, zero, cp, p)
	f.b.Seal(zero)
	f.b.Seal(cp)
	f.b.Cur = zero
	z := f.b.Value(ssa.OpZero, ssa.Void, p, dst)
	z.AuxInt = int64(t.Size())
	f.b.Jump(join, p)
	f.b.Cur = cp
	f.copyMem(dst, src, t.Size(), t.Align(), p)
	f.b.Jump(join, p)
	f.b.Seal(join)
	f.b.Cur = join
}

// copyMem copies size bytes in chunks as wide as the alignment allows.
func (f *fn) copyMem(dst, src *ssa.Value, size, align int, p diag.Pos) {
	w := min(align, 8)
	if size/w > maxUnrolledCopy {
		f.copyLoop(dst, src, size, w, p)
		return
	}
	off := 0
	for off < size {
		for w > size-off {
			w /= 2
		}
		t := ssa.IntType(8*w, false)
		v := f.b.Value(ssa.OpLoad, t, p, f.fieldPtr(src, off, p))
		f.b.Value(ssa.OpStore, ssa.Void, p, f.fieldPtr(dst, off, p), v)
		off += w
	}
}

// storeStruct assigns to a struct local (a copy of a struct of the same type).
func (f *fn) storeStruct(slot *ssa.Value, t *ssa.Type, o operand, name string) {
	if o.k == kBad {
		return
	}
	if o.k != kRef || !sameCType(o.t, t) {
		f.errorf(o.sp, "'%s' holds a %s; only a %s can be assigned to it", name, t.Name, t.Name)
		return
	}
	if o.v == slot {
		return
	}
	f.copyStruct(slot, o, t, pos(o.sp))
}

// augAttribute lowers x.f op= v: read, compute, convert back, store (the
// target's parts evaluated once).
func (f *fn) augAttribute(at *syntax.Attribute, s *syntax.AugAssign) {
	base, fd, ok := f.fieldTarget(at)
	if !ok {
		return
	}
	if !fd.Type.IsScalar() {
		f.errorf(at.Sp, "field '%s' is not a number", fd.Name)
		return
	}
	p := pos(s.Sp)
	y := f.expr(s.Value)
	if !f.arith(y) {
		return
	}
	lt := loadType(fd.Type)
	if op, ok := atomicOpFor(s.Op, fd.Type); ok && sharedRef(base) {
		f.whenNotNull(base.v, p, func() {
			f.atomicUpdate(f.fieldPtr(base.v, fd.Offset, p), fd.Type, op, s.Op, y, p)
		})
		return
	}
	f.whenNotNull(base.v, p, func() {
		ptr := f.fieldPtr(base.v, fd.Offset, p)
		cur := operand{k: kVal, t: fd.Type, v: f.b.Value(ssa.OpLoad, lt, p, ptr), sp: at.Sp}
		r := f.arithOp(cur, s.Op, y, s.OpSpan, s.Sp)
		if r.k == kBad {
			return
		}
		r.explicit = true
		v := f.value(f.convert(r, fd.Type, true))
		f.b.Value(ssa.OpStore, ssa.Void, p, ptr, v)
	})
}

// sharedRef reports whether memory behind a reference may be updated by
// other CPUs at once: a map value that is not per-CPU, or a subprogram's
// struct parameter, which may be one (LANGUAGE.md 5.7.1, 7.6.2).
func sharedRef(base operand) bool {
	k := base.v.Type.Ptr
	return k == ssa.PtrMapValue && !base.percpu || k == ssa.PtrRef
}

// atomicOpFor says whether `t op= e` on shared memory of type t is one
// atomic instruction (LANGUAGE.md 5.7.1): + - | & ^ on 32- and 64-bit
// integers. The low bits of these results depend only on the low bits of
// the operands, so converting e to t first gives exactly the value the
// operator computed in the common type would, once converted back.
func atomicOpFor(op string, t *ssa.Type) (int64, bool) {
	if !t.IsInt() || t.Bits != 32 && t.Bits != 64 {
		return 0, false
	}
	switch op {
	case "+", "-":
		return ssa.AtomicAdd, true
	case "&":
		return ssa.AtomicAnd, true
	case "|":
		return ssa.AtomicOr, true
	case "^":
		return ssa.AtomicXor, true
	}
	return 0, false
}

// atomicUpdate applies `*ptr op= y` atomically; subtraction adds the
// negation.
func (f *fn) atomicUpdate(ptr *ssa.Value, t *ssa.Type, op int64, pyOp string, y operand, p diag.Pos) {
	v := f.value(f.convert(y, t, true))
	if pyOp == "-" {
		v = f.b.Value(ssa.OpNeg, v.Type, p, v)
	}
	a := f.b.Value(ssa.OpAtomic, v.Type, p, ptr, v)
	a.AuxInt = op
}

// maxUnrolledCopy bounds the loads and stores a copy is unrolled into; a
// bigger copy (a map value of kilobytes) becomes a loop, so IR size and
// compile time stay linear in the program, not in its data.
const maxUnrolledCopy = 64

// copyLoop copies size bytes w at a time with a counted loop; a tail
// shorter than w is copied unrolled after it.
func (f *fn) copyLoop(dst, src *ssa.Value, size, w int, p diag.Pos) {
	t := ssa.IntType(8*w, false)
	n := int64(size / w * w)
	key := new(int)
	f.b.DeclareVariable(key, ssa.U64)
	f.b.WriteVariable(key, f.b.Const(ssa.U64, 0, p))
	head, body, exit := f.b.NewBlock(p), f.b.NewBlock(p), f.b.NewBlock(p)
	f.b.Jump(head, p)
	f.b.Cur = head
	off := f.b.ReadVariable(key, p)
	f.b.If(f.b.Value(ssa.OpLt, ssa.Bool, p, off, f.b.Const(ssa.U64, n, p)), body, exit, p)
	f.b.Seal(body)
	f.b.Cur = body
	v := f.b.Value(ssa.OpLoad, t, p, f.b.Value(ssa.OpAddPtr, src.Type, p, src, off))
	f.b.Value(ssa.OpStore, ssa.Void, p, f.b.Value(ssa.OpAddPtr, dst.Type, p, dst, off), v)
	f.b.WriteVariable(key, f.b.Value(ssa.OpAdd, ssa.U64, p, off, f.b.Const(ssa.U64, int64(w), p)))
	f.b.Jump(head, p)
	f.b.Seal(head)
	f.b.Seal(exit)
	f.b.Cur = exit
	if rest := size - int(n); rest > 0 {
		f.copyMem(f.fieldPtr(dst, int(n), p), f.fieldPtr(src, int(n), p), rest, 1, p)
	}
}
