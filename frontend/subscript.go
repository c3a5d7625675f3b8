package frontend

import (
	"github.com/pybpfc/pybpfc/frontend/syntax"
	"github.com/pybpfc/pybpfc/internal/diag"
	"github.com/pybpfc/pybpfc/internal/kbtf"
	"github.com/pybpfc/pybpfc/ssa"
)

// Subscripts (LANGUAGE.md 7.5): a[i] on arrays in memory, the kArr
// operands of str(N) fields, char pointers, c_T * N fields and array
// members of kernel structs. There are no array values, so an element is
// always a load or a store at the array's address plus i elements.
//
// A constant index is checked here; a run-time one is compared, unsigned,
// with N on every access and an out-of-range access reads 0 or stores
// nothing. The comparison is also what lets the verifier prove a variable
// offset into a stack slot or map value stays inside it.

// elemRef is one resolved element access.
type elemRef struct {
	arr  operand    // the array (kArr): arr.v points to it, arr.t its type
	t    *ssa.Type  // the element's C type (u8 for str(N))
	k    int        // a constant index, in range; -1 for a run-time one
	idx  *ssa.Value // the run-time index as a u64
	sp   diag.Span
	kind ssa.PtrKind // the kind of memory the array is in
}

// element evaluates a subscript's array and index (in that order,
// LANGUAGE.md 7.3) and checks them; ok is false after an error.
func (f *fn) element(e *syntax.Subscript) (elemRef, bool) {
	if _, isSlice := e.Index.(*syntax.Slice); isSlice {
		f.errorf(e.Index.Span(), "unsupported expression: slice").Hint("index one element at a time, as in a[i]")
		return elemRef{}, false
	}
	arr := f.expr(e.X)
	idx := f.expr(e.Index)
	switch arr.k {
	case kBad:
		return elemRef{}, false
	case kArr:
	case kMap:
		f.errorf(e.Sp, "'%s' is a map; read it with %s.lookup(k)", exprText(e.X), exprText(e.X))
		return elemRef{}, false
	default:
		f.errorf(e.X.Span(), "only arrays can be indexed; this is not an array").Hint("index a str(N) or c_T * N field, or an array member of a kernel struct")
		return elemRef{}, false
	}
	if idx.k == kBad || !f.arith(idx) {
		return elemRef{}, false
	}
	if isPacketPtr(idx) {
		f.errorf(idx.sp, "an array index must be an integer, not a packet pointer")
		return elemRef{}, false
	}
	r := elemRef{arr: arr, t: arr.t.Elem, k: -1, sp: e.Sp, kind: arr.v.Type.Ptr}
	if isCharArray(arr.t) {
		r.t = ssa.U8
	}
	if !r.t.IsScalar() {
		f.notYet(e.Sp, "indexing an array of "+ctypeName(r.t))
		return elemRef{}, false
	}
	n := arr.t.Len
	if idx.k == kConst {
		k := int64(idx.c)
		if idx.t.IsInt() && !idx.t.Signed && idx.c > 1<<62 {
			k = 1 << 62 // a huge unsigned index is out of range either way
		}
		if k < 0 {
			k += int64(n) // a[-1] is a[N-1]
		}
		if k < 0 || k >= int64(n) {
			f.errorf(idx.sp, "index %s is out of range for an array of %d", constString(idx.c, idx.t), n)
			return elemRef{}, false
		}
		r.k = int(k)
		return r, true
	}
	if r.kind == ssa.PtrCtx {
		f.errorf(idx.sp, "context array index must be a constant").Hint("the kernel allows only constant offsets into the context")
		return elemRef{}, false
	}
	r.idx = f.value(f.convert(f.asAddress(idx), ssa.U64, false))
	return r, true
}

// addr is the element's address; for a run-time index, call it only where
// the index is known to be in range.
func (f *fn) elemAddr(r elemRef, p diag.Pos) *ssa.Value {
	size := r.arr.t.Elem.Size()
	if r.k >= 0 {
		return f.fieldPtr(r.arr.v, r.k*size, p)
	}
	off := r.idx
	if size > 1 {
		off = f.b.Value(ssa.OpMul, ssa.U64, p, off, f.b.Const(ssa.U64, int64(size), p))
	}
	return f.b.Value(ssa.OpAddPtr, r.arr.v.Type, p, r.arr.v, off)
}

// inRange runs body only when a run-time index is below N (7.5.3).
func (f *fn) inRange(r elemRef, p diag.Pos, body func()) {
	if r.k >= 0 {
		body()
		return
	}
	f.when(f.b.Value(ssa.OpLt, ssa.Bool, p, r.idx, f.b.Const(ssa.U64, int64(r.arr.t.Len), p)), p, body)
}

// loadElem reads the element: a direct load (the context, the stack, map
// values, packets), a probe read (kernel memory), 0 through NULL.
func (f *fn) loadElem(r elemRef, p diag.Pos) *ssa.Value {
	lt := loadType(r.t)
	read := func() *ssa.Value {
		addr := f.elemAddr(r, p)
		if r.kind == ssa.PtrKernel {
			return f.probeRead(addr, r.t, r.sp)
		}
		return f.b.Value(ssa.OpLoad, lt, p, addr)
	}
	if r.arr.v.Type.Ptr.Nullable() {
		return f.nullSafe(r.arr.v, p, read, lt)
	}
	return read()
}

// subscript lowers a[i] as a value.
func (f *fn) subscript(e *syntax.Subscript) operand {
	r, ok := f.element(e)
	if !ok {
		return bad(e.Sp)
	}
	p := pos(e.Sp)
	if r.k >= 0 {
		return operand{k: kVal, t: r.t, v: f.loadElem(r, p), sp: e.Sp}
	}
	key := new(int)
	lt := loadType(r.t)
	f.b.DeclareVariable(key, lt)
	f.b.WriteVariable(key, f.b.Const(lt, 0, p))
	f.inRange(r, p, func() { f.b.WriteVariable(key, f.loadElem(r, p)) })
	return operand{k: kVal, t: r.t, v: f.b.ReadVariable(key, p), sp: e.Sp}
}

// writableElem rejects stores into memory BPF code may not write.
func (f *fn) writableElem(r elemRef) bool {
	switch r.kind {
	case ssa.PtrCtx:
		f.errorf(r.sp, "the context is read-only")
		return false
	case ssa.PtrKernel:
		f.errorf(r.sp, "kernel memory is read-only here")
		return false
	case ssa.PtrGlobal:
		if r.arr.v.Op == ssa.OpString {
			f.errorf(r.sp, "a string literal is read-only")
			return false
		}
	}
	return f.packetWritable(operand{k: kRef, v: r.arr.v}, r.sp)
}

// storeSubscript lowers a[i] = o; o was evaluated before the target's
// parts (7.1).
func (f *fn) storeSubscript(t *syntax.Subscript, o operand) {
	r, ok := f.element(t)
	if !ok || o.k == kBad || !f.writableElem(r) || !f.arith(o) {
		return
	}
	if isPacketPtr(o) {
		f.errorf(o.sp, "a packet pointer cannot be stored in an array")
		return
	}
	p := pos(t.Sp)
	v := f.value(f.convert(f.asAddress(o), r.t, true))
	f.inRange(r, p, func() {
		f.whenNotNull(r.arr.v, p, func() {
			f.b.Value(ssa.OpStore, ssa.Void, p, f.elemAddr(r, p), v)
		})
	})
}

// augSubscript lowers a[i] op= y: the array and index once, then y, then
// read, compute, convert back and store, all skipped when the index is out
// of range or the array is behind a NULL reference.
func (f *fn) augSubscript(t *syntax.Subscript, s *syntax.AugAssign) {
	if s.Op == "**" || s.Op == "@" {
		f.errorf(s.OpSpan, "unsupported expression: the '%s=' operator", s.Op)
		return
	}
	r, ok := f.element(t)
	if !ok || !f.writableElem(r) {
		return
	}
	y := f.expr(s.Value)
	if !f.arith(y) {
		return
	}
	p := pos(s.Sp)
	f.inRange(r, p, func() {
		f.whenNotNull(r.arr.v, p, func() {
			addr := f.elemAddr(r, p)
			cur := operand{k: kVal, t: r.t, v: f.b.Value(ssa.OpLoad, loadType(r.t), p, addr), sp: t.Sp}
			res := f.arithOp(cur, s.Op, y, s.OpSpan, s.Sp)
			if res.k == kBad {
				return
			}
			res.explicit = true
			f.b.Value(ssa.OpStore, ssa.Void, p, addr, f.value(f.convert(res, r.t, true)))
		})
	})
}

// kernelArray is an array member of a kernel struct as a kArr operand
// (7.5.1). Through a kernel pointer its address carries the CO-RE
// relocation and elements are probe reads from it. In the context the
// verifier allows only a load at a constant offset from the unmodified
// context pointer, and the backend's CO-RE lowering has no array step, so
// the array's address is the context plus its offset in the compiler's
// BTF: every element is then one direct load (C-93).
func (f *fn) kernelArray(e *syntax.Attribute, pl place, path kbtf.Path, direct bool) operand {
	m := path.Steps[len(path.Steps)-1]
	et := m.Type.Elem
	var t *ssa.Type
	switch et.Kind {
	case kbtf.Int:
		t = kernelIntType(et)
	case kbtf.Ptr, kbtf.Func:
		t = ssa.U64
	}
	if t == nil {
		f.errorf(e.NameSpan, "member '%s' is an array of a type BPF code cannot use", e.Name)
		return bad(e.Sp)
	}
	if et.Kind == kbtf.Int && et.Size == 1 && et.Name == "char" {
		t = ssa.Char // a char array: prints and copies as a string (8.4.4)
	}
	at := ssa.ArrayOf(t, m.Type.Len)
	p := pos(e.Sp)
	off := pl.off + path.BitOff/8
	if direct {
		return operand{k: kArr, t: at, v: f.fieldPtr(pl.base, off, p), sp: e.Sp}
	}
	aux, _ := f.c.coreAccess(pl.root, pl.indices, path)
	addr := f.b.Value(ssa.OpCoreAddr, pl.base.Type, p, pl.base)
	addr.AuxInt, addr.Aux = int64(off), aux
	return operand{k: kArr, t: at, v: addr, sp: e.Sp}
}
