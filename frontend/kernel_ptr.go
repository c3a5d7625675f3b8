package frontend

import (
	"strings"

	"github.com/pybpfc/pybpfc/frontend/syntax"
	"github.com/pybpfc/pybpfc/internal/diag"
	"github.com/pybpfc/pybpfc/internal/kbtf"
	"github.com/pybpfc/pybpfc/ssa"
)

// Context fields (LANGUAGE.md 8.3) and kernel pointer fields (8.4, 7.7).
// Both address a member with one OpCoreAddr carrying the CO-RE access
// from the pointee's root, so the loader relocates the offset for the
// running kernel. A context field is then one direct load of exactly the
// field's width, which is all the verifier allows on a context; a kernel
// pointer field is copied with bpf_probe_read_kernel into a stack
// temporary, which zero-fills it when the read faults.

// contextField lowers ctx.f on a context annotated with a kernel struct.
func (f *fn) contextField(e *syntax.Attribute, base operand) operand {
	pl, ok := f.placeOf(base.v)
	if !ok {
		root := f.c.kernelComposite(f.ctxAnn)
		if root == nil && f.c.failed[f.ctxAnn] {
			return bad(e.Sp) // its import was already reported
		}
		if root == nil {
			f.errorf(e.NameSpan, "the context '%s' is an opaque pointer; its fields cannot be read", f.ctxName).
				Hint("annotate the context with a kernel struct imported from vmlinux, as in def prog(ctx: struct_xdp_md)")
			return bad(e.Sp)
		}
		pl = place{base: base.v, root: root, indices: []int{0}, t: root}
	}
	if len(pl.indices) == 1 && isPacketContext(pl.root) {
		switch e.Name {
		case "data", "data_meta", "data_end":
			return f.packetField(e, pl)
		}
	}
	return f.kernelMember(e, pl, true)
}

// kernelField lowers p.f on a kernel pointer p.
func (f *fn) kernelField(e *syntax.Attribute, base operand) operand {
	pl, ok := f.placeOf(base.v)
	if !ok {
		root := f.c.kern.pointee[base.v.Type]
		if root == nil {
			f.errorf(e.NameSpan, "this kernel pointer's type is unknown; cast it with a kernel struct first")
			return bad(e.Sp)
		}
		pl = place{base: base.v, root: root, indices: []int{0}, t: root}
	}
	return f.kernelMember(e, pl, false)
}

// placeOf finds an embedded member value made by kernelMember; a context
// or kernel pointer whose type names a pointee starts a new place.
func (f *fn) placeOf(v *ssa.Value) (place, bool) {
	if f.c.kern == nil {
		return place{}, false
	}
	if pl, ok := f.c.kern.places[v]; ok {
		return pl, true
	}
	if t := f.c.kern.pointee[v.Type]; t != nil && v.Type.Ptr == ssa.PtrCtx {
		return place{base: v, root: t, indices: []int{0}, t: t}, true
	}
	return place{}, false
}

// kernelMember reads member e.Name at place pl: directly (a context) or
// with bpf_probe_read_kernel (a kernel pointer).
func (f *fn) kernelMember(e *syntax.Attribute, pl place, direct bool) operand {
	path, ok := pl.t.Field(e.Name)
	if !ok {
		f.errorf(e.NameSpan, "%s has no field '%s'; its fields are %s", pl.t.CName(), e.Name, strings.Join(pl.t.FieldNames(), ", "))
		return bad(e.Sp)
	}
	m := path.Steps[len(path.Steps)-1]
	if m.BitSize > 0 || path.BitOff%8 != 0 {
		f.errorf(e.NameSpan, "bitfield member '%s' is not supported", e.Name)
		return bad(e.Sp)
	}
	p := pos(e.Sp)
	if m.Type.Kind == kbtf.Array {
		return f.kernelArray(e, pl, path, direct)
	}
	aux, idx := f.c.coreAccess(pl.root, pl.indices, path)
	off := pl.off + path.BitOff/8
	addr := f.b.Value(ssa.OpCoreAddr, pl.base.Type, p, pl.base)
	addr.AuxInt, addr.Aux = int64(off), aux
	mt := m.Type
	switch mt.Kind {
	case kbtf.Struct, kbtf.Union:
		// An embedded composite: later accesses extend this path.
		kind := pl.base.Type.Ptr
		addr.Type = f.c.kernelPtrType(kind, mt)
		f.c.kern.places[addr] = place{base: pl.base, root: pl.root, indices: idx, off: off, t: mt}
		return operand{k: kVal, t: addr.Type, v: addr, sp: e.Sp}
	case kbtf.Int, kbtf.Ptr, kbtf.Func:
	default:
		f.errorf(e.NameSpan, "member '%s' has a type BPF code cannot use", e.Name)
		return bad(e.Sp)
	}
	t := ssa.U64
	if mt.Kind == kbtf.Int {
		if t = kernelIntType(mt); t == nil {
			f.errorf(e.NameSpan, "member '%s' is a %d-byte integer, which BPF code cannot use", e.Name, mt.Size)
			return bad(e.Sp)
		}
	}
	var v *ssa.Value
	if direct {
		v = f.b.Value(ssa.OpLoad, loadType(t), p, addr)
	} else {
		v = f.probeRead(addr, t, e.Sp)
	}
	// A pointer to a struct or union read from kernel memory is a kernel
	// pointer to it (LANGUAGE.md 7.7.3); from a context it stays a u64.
	if target := mt.Target(); !direct && mt.Kind == kbtf.Ptr && target != nil && target.IsComposite() {
		pt := f.c.kernelPtrType(ssa.PtrKernel, target)
		return operand{k: kVal, t: pt, v: f.b.Value(ssa.OpIntToPtr, pt, p, v), sp: e.Sp}
	}
	return operand{k: kVal, t: t, v: v, sp: e.Sp}
}

// probeRead copies a t-sized value from kernel address addr into a stack
// temporary with bpf_probe_read_kernel (helper 113) and loads it; a read
// that faults leaves the temporary zeroed, so it yields 0.
func (f *fn) probeRead(addr *ssa.Value, t *ssa.Type, sp diag.Span) *ssa.Value {
	p := pos(sp)
	f.kernelGPL("reading kernel memory", "bpf_probe_read_kernel", sp)
	mark := f.tempMark()
	slot := f.tempSlot(t.Size(), sp)
	f.helperCall(113, "probe_read_kernel", ssa.S64, p, slot, f.b.Const(ssa.U32, int64(t.Size()), p), addr)
	v := f.b.Value(ssa.OpLoad, loadType(t), p, slot)
	f.releaseTemps(mark)
	return v
}

// kernelPointerTo makes a kernel pointer to t from an address operand.
func (f *fn) kernelPointerTo(t *kbtf.Type, o operand, sp diag.Span) operand {
	p := pos(sp)
	var addr *ssa.Value
	if o.k == kVal && o.v.Type.IsPtr() {
		addr = f.b.Value(ssa.OpPtrToInt, ssa.U64, p, o.v)
	} else {
		addr = f.value(f.convert(o, ssa.U64, false))
	}
	pt := f.c.kernelPtrType(ssa.PtrKernel, t)
	return operand{k: kVal, t: pt, v: f.b.Value(ssa.OpIntToPtr, pt, p, addr), sp: sp}
}

// currentTask lowers get_current_task() (helper 35): a kernel pointer to
// the current task_struct (LANGUAGE.md 6.5).
func (f *fn) currentTask(e *syntax.Call) operand {
	if !f.checkArgCount("get_current_task", e, 0, 0, "") {
		return bad(e.Sp)
	}
	if !f.kernelGPL("get_current_task()", "bpf_get_current_task", e.Sp) {
		return bad(e.Sp)
	}
	if !f.c.ensureKernel() {
		return bad(e.Sp)
	}
	var task *kbtf.Type
	if ent := f.c.kern.btf.Lookup("struct_task_struct"); ent.Kind == kbtf.StructName {
		task = ent.Type
	} else {
		f.errorf(e.Sp, "kernel BTF has no struct task_struct")
		return bad(e.Sp)
	}
	v := f.helperCall(35, "get_current_task", ssa.U64, pos(e.Sp))
	pt := f.c.kernelPtrType(ssa.PtrKernel, task)
	return operand{k: kVal, t: pt, v: f.b.Value(ssa.OpIntToPtr, pt, pos(e.Sp), v), sp: e.Sp}
}

// storePointerLocal assigns to a local that holds a packet or kernel
// pointer (LANGUAGE.md 8.6.1, 8.4): a pointer of the same kind is kept; a
// kernel pointer local also takes any address.
func (f *fn) storePointerLocal(l *local, o operand) {
	if o.k == kBad || f.storeAltPointer(l, o) {
		return
	}
	if o.k == kVal && o.v.Type.IsPtr() && o.v.Type.Ptr == l.t.Ptr {
		// Kernel pointers to other types share the IR type (a pointer's
		// kind is all the IR compares); the local keeps its pointee.
		f.b.WriteVariable(l, o.v)
		return
	}
	if l.t.Ptr == ssa.PtrKernel && f.arith(o) {
		var addr *ssa.Value
		if o.k == kVal && o.v.Type.IsPtr() {
			addr = f.b.Value(ssa.OpPtrToInt, ssa.U64, pos(o.sp), o.v)
		} else {
			addr = f.value(f.convert(o, ssa.U64, true))
		}
		f.b.WriteVariable(l, f.b.Value(ssa.OpIntToPtr, l.t, pos(o.sp), addr))
		return
	}
	f.notYet(o.sp, "assigning a value of another kind to the pointer local '"+l.name+"'")
}

// isPointerBinding reports whether a first binding makes a pointer local:
// a packet or kernel pointer bound plainly or to a 64-bit integer type
// keeps its kind (LANGUAGE.md 3.7, 8.6.1).
func isPointerBinding(o operand, declared *ssa.Type) bool {
	if o.k != kVal || !o.v.Type.IsPtr() {
		return false
	}
	switch o.v.Type.Ptr {
	case ssa.PtrPacket, ssa.PtrPacketEnd, ssa.PtrKernel:
	default:
		return false
	}
	return declared == nil || declared.IsInt() && declared.Bits == 64
}

// kernelGPL rejects a GPL-only helper under a license the kernel does not
// treat as GPL-compatible (LANGUAGE.md 6.6.3).
func (f *fn) kernelGPL(what, kname string, sp diag.Span) bool {
	lic := f.c.mod.License
	if lic == "" || gplCompatible[lic] {
		return true
	}
	f.errorf(sp, "%s uses %s, which is GPL-only, but LICENSE is '%s'", what, kname, lic).
		Hint(`use LICENSE "GPL" (or a GPL-compatible license) to call it`)
	return false
}
