package frontend

import (
	"github.com/pybpfc/pybpfc/frontend/syntax"
	"github.com/pybpfc/pybpfc/internal/diag"
	"github.com/pybpfc/pybpfc/ssa"
)

// Helpers that take buffers or pointers (LANGUAGE.md 6.2: comm, the
// probe_read family, get_stack, skb_store_bytes, deref). The core helpers
// without arguments are in call.go, the ring buffer and perf methods in
// ringbuf.go, legality in helpertable.go.

// probeReads are the probe_read helpers that read sizeof(dst) bytes.
var probeReads = map[string]struct {
	id  int64
	str bool // a string read: dst must be a char array (4.4)
}{
	"probe_read_str":        {115, true},
	"probe_read_kernel":     {113, false},
	"probe_read_kernel_str": {115, true},
	"probe_read_user":       {112, false},
	"probe_read_user_str":   {114, true},
}

// bufferHelper lowers a call to one of the helpers listed in
// knownButNotYet (call.go).
func (f *fn) bufferHelper(name string, e *syntax.Call, stmt bool) operand {
	what := name + "()"
	switch name {
	case "comm":
		if !f.checkArgCount(name, e, 1, 1, "a str(N) field") {
			return bad(e.Sp)
		}
		_, ok := f.checkHelper(name, what, e.Sp)
		buf, good := f.memArg(e.Args[0], what, "writes into")
		if !good {
			return bad(e.Sp)
		}
		if !buf.isChars() {
			f.errorf(e.Args[0].Span(), "comm() writes into a str(N) field").Hint("declare a field such as name: str(16) and write comm(e.name)")
			return bad(e.Sp)
		}
		if !ok {
			return bad(e.Sp)
		}
		p := pos(e.Sp)
		return f.withBuffer(buf, e.Sp, func(dst *ssa.Value) *ssa.Value {
			return f.helperCall(16, "get_current_comm", ssa.S64, p, dst, f.b.Const(ssa.U32, int64(buf.size), p))
		})
	case "probe_read":
		if !f.checkArgCount(name, e, 3, 3, "a destination, a size and a source address") {
			return bad(e.Sp)
		}
		_, ok := f.checkHelper(name, what, e.Sp)
		dst, good := f.memArg(e.Args[0], what, "writes into")
		size := f.expr(e.Args[1])
		src := f.addressArg(e.Args[2], what)
		if !good || !ok || src == nil || !f.arith(size) {
			return bad(e.Sp)
		}
		if size.k == kConst && size.c > uint64(dst.size) {
			f.errorf(size.sp, "probe_read() of %d bytes overflows its destination of %d bytes", size.c, dst.size)
			return bad(e.Sp)
		}
		p := pos(e.Sp)
		n := f.value(f.convert(size, ssa.U32, true))
		return f.withBuffer(dst, e.Sp, func(d *ssa.Value) *ssa.Value {
			return f.helperCall(4, "probe_read", ssa.S64, p, d, n, src)
		})
	case "get_stack":
		if !f.checkArgCount(name, e, 1, 2, "a buffer and optionally flags") {
			return bad(e.Sp)
		}
		ctx, ok := f.checkHelper(name, what, e.Sp)
		buf, good := f.memArg(e.Args[0], what, "writes into")
		flags := f.flagsArg(e.Args, 1)
		if !good || !ok || flags == nil {
			return bad(e.Sp)
		}
		if buf.t.Kind != ssa.KArray {
			f.errorf(e.Args[0].Span(), "get_stack() writes into an array field such as c_uint64 * 16")
			return bad(e.Sp)
		}
		p := pos(e.Sp)
		return f.withBuffer(buf, e.Sp, func(d *ssa.Value) *ssa.Value {
			return f.helperCall(67, "get_stack", ssa.S64, p, ctx, d, f.b.Const(ssa.U32, int64(buf.size), p), flags)
		})
	case "skb_store_bytes":
		return f.skbStoreBytes(e)
	case "deref":
		return f.deref(e)
	case "xdp_adjust_head", "xdp_adjust_tail", "xdp_adjust_meta":
		return f.xdpAdjust(name, e) // packet_adjust.go
	}
	if pr, isRead := probeReads[name]; isRead {
		if !f.checkArgCount(name, e, 2, 2, "a destination and a source address") {
			return bad(e.Sp)
		}
		_, ok := f.checkHelper(name, what, e.Sp)
		dst, good := f.memArg(e.Args[0], what, "writes into")
		src := f.addressArg(e.Args[1], what)
		if !good || !ok || src == nil {
			return bad(e.Sp)
		}
		if pr.str && !dst.isChars() {
			f.errorf(e.Args[0].Span(), "%s writes into a str(N) field", what)
			return bad(e.Sp)
		}
		p := pos(e.Sp)
		return f.withBuffer(dst, e.Sp, func(d *ssa.Value) *ssa.Value {
			return f.helperCall(pr.id, name, ssa.S64, p, d, f.b.Const(ssa.U32, int64(dst.size), p), src)
		})
	}
	return f.notYet(e.Func.Span(), "the helper "+name+"()")
}

// skbStoreBytes lowers skb_store_bytes(offset, src, len[, flags]): src is
// memory whose own bytes are stored (6.1.3).
func (f *fn) skbStoreBytes(e *syntax.Call) operand {
	if !f.checkArgCount("skb_store_bytes", e, 3, 4, "an offset, a source, a length and optionally flags") {
		return bad(e.Sp)
	}
	ctx, ok := f.checkHelper("skb_store_bytes", "skb_store_bytes()", e.Sp)
	off := f.expr(e.Args[0])
	src, good := f.memArg(e.Args[1], "skb_store_bytes()", "reads from")
	n := f.expr(e.Args[2])
	flags := f.flagsArg(e.Args, 3)
	if !ok || !good || flags == nil || !f.arith(off) || !f.arith(n) {
		return bad(e.Sp)
	}
	if n.k == kConst && n.c > uint64(src.size) {
		f.errorf(n.sp, "skb_store_bytes() of %d bytes reads past its source of %d bytes", n.c, src.size)
		return bad(e.Sp)
	}
	p := pos(e.Sp)
	offV := f.value(f.convert(off, ssa.U32, true))
	nV := f.value(f.convert(n, ssa.U32, true))
	return f.withBuffer(src, e.Sp, func(s *ssa.Value) *ssa.Value {
		return f.helperCall(9, "skb_store_bytes", ssa.S64, p, ctx, offV, s, nV, flags)
	})
}

// deref(p) reads the value a reference local refers to, 0 when NULL
// (6.2): the explicit spelling of what any other use of p does (5.5.2).
func (f *fn) deref(e *syntax.Call) operand {
	if !f.checkArgCount("deref", e, 1, 1, "one reference local") {
		return bad(e.Sp)
	}
	n, isName := e.Args[0].(*syntax.Name)
	var l *local
	if isName && f.assigned[n.Id] {
		l = f.locals[n.Id]
	}
	if l == nil || !l.ref || l.bad {
		if l == nil || !l.bad {
			f.errorf(e.Args[0].Span(), "deref() takes a reference local, such as p = m.lookup(k)")
		}
		return bad(e.Sp)
	}
	o := f.readLocal(l, n.Sp)
	if o.k != kRef || !o.t.IsScalar() {
		f.errorf(e.Args[0].Span(), "deref() of a struct reference has no value").Hint("read one of its fields")
		return bad(e.Sp)
	}
	return operand{k: kVal, t: o.t, v: f.value(o), sp: e.Sp}
}

// flagsArg is the optional flags argument args[i] as a u64 (0 when absent);
// nil after an error.
func (f *fn) flagsArg(args []syntax.Expr, i int) *ssa.Value {
	if len(args) <= i {
		return f.b.Const(ssa.U64, 0, pos(args[0].Span()))
	}
	o := f.expr(args[i])
	if !f.arith(o) {
		return nil
	}
	return f.value(f.convert(o, ssa.U64, false))
}

// addressArg is the src of the probe_read helpers (6.1.3): any integer or
// pointer expression, used as the address itself. A char array gives its
// own address.
func (f *fn) addressArg(e syntax.Expr, what string) *ssa.Value {
	o := f.expr(e)
	switch o.k {
	case kBad:
		return nil
	case kArr:
		return f.b.Value(ssa.OpPtrToInt, ssa.U64, pos(o.sp), o.v)
	case kRef:
		if !o.t.IsScalar() {
			f.errorf(o.sp, "%s reads from an address; a struct is not one", what).Hint("pass an integer or pointer expression")
			return nil
		}
	case kStr, kVoid, kMap:
		f.errorf(o.sp, "%s reads from an address; this expression has none", what)
		return nil
	}
	return f.value(f.convert(o, ssa.U64, false))
}

// memBuf is a dst/buf/src argument (6.1.2): memory a helper writes or
// reads, of the size of its type.
type memBuf struct {
	ptr  *ssa.Value // its address; a nullable pointer is tested first
	t    *ssa.Type  // the memory's type
	size int
	// back is set for a scalar local, which lives in a register: the
	// helper works on a stack copy that is read back afterwards.
	back *local
}

// isChars reports a char array: a str(N) field or a char pointer (4.4).
func (m memBuf) isChars() bool {
	return m.t.Kind == ssa.KArray && m.t.Elem.Bits == 8 && m.t.Elem.CName == "char"
}

// memArg resolves a helper's buffer argument: a local, a struct field or
// (through a reference) a map value; anything computed is an error.
func (f *fn) memArg(e syntax.Expr, what, verb string) (memBuf, bool) {
	switch x := e.(type) {
	case *syntax.Name:
		_, declared := f.globals[x.Id]
		if g := f.c.globals[x.Id]; g != nil && (declared || !f.assigned[x.Id] && verb == "reads from") {
			// A @bpfglobal is memory already: the helper uses it in place.
			// Writing one needs the global statement, as assigning does (9.3).
			addr := f.b.Value(ssa.OpGlobal, ssa.PtrTo(ssa.PtrGlobal), pos(x.Sp))
			addr.Aux = x.Id
			return memBuf{ptr: addr, t: g.g.Type, size: g.g.Type.Size()}, true
		}
		if declared || !f.assigned[x.Id] {
			break
		}
		l := f.locals[x.Id]
		if l == nil {
			f.expr(e) // "referenced before assignment"
			return memBuf{}, false
		}
		if l.bad {
			return memBuf{}, false
		}
		p := pos(x.Sp)
		switch {
		case l.slot != nil:
			return memBuf{ptr: l.slot, t: l.t, size: l.t.Size()}, true
		case l.ref:
			return memBuf{ptr: f.b.ReadVariable(l, p), t: l.t, size: l.t.Size()}, true
		}
		slot := f.tempSlot(l.t.Size(), x.Sp)
		v := f.b.ReadVariable(l, p)
		if l.t.IsBool() {
			v = f.b.Value(ssa.OpZExt, ssa.U8, p, v)
		}
		f.b.Value(ssa.OpStore, ssa.Void, p, slot, v)
		return memBuf{ptr: slot, t: l.t, size: l.t.Size(), back: l}, true
	case *syntax.Attribute:
		base := f.expr(x.X)
		if base.k == kBad {
			return memBuf{}, false
		}
		if base.k != kRef || base.t.Kind != ssa.KStruct {
			f.errorf(e.Span(), "%s %s a local, a struct field or an array element; this field is not in program memory", what, verb)
			return memBuf{}, false
		}
		fd, ok := f.fieldOf(base, x.Name, x.NameSpan)
		if !ok {
			return memBuf{}, false
		}
		ptr := f.nullSafeFieldPtr(base.v, fd.Offset, pos(x.Sp))
		return memBuf{ptr: ptr, t: fd.Type, size: fd.Type.Size()}, true
	}
	o := f.expr(e)
	if o.k == kArr {
		// A char pointer local or an array reached some other way.
		return memBuf{ptr: o.v, t: o.t, size: o.t.Size()}, true
	}
	if o.k != kBad {
		f.errorf(e.Span(), "%s %s a local, a struct field or an array element; this is a computed value", what, verb)
	}
	return memBuf{}, false
}

// withBuffer runs call on the buffer's address, only when that address is
// not NULL (a field through a NULL reference: the result is 0), and copies
// a scalar local's stack copy back into the local.
func (f *fn) withBuffer(m memBuf, sp diag.Span, call func(*ssa.Value) *ssa.Value) operand {
	p := pos(sp)
	var r *ssa.Value
	if m.ptr.Type.Ptr.Nullable() {
		r = f.nullSafe(m.ptr, p, func() *ssa.Value { return call(m.ptr) }, ssa.S64)
	} else {
		r = call(m.ptr)
	}
	if l := m.back; l != nil {
		f.b.WriteVariable(l, f.b.Value(ssa.OpLoad, loadType(l.t), p, m.ptr))
	}
	return operand{k: kVal, t: ssa.S64, v: r, sp: sp}
}
