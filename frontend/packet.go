package frontend

import (
	"github.com/pybpfc/pybpfc/frontend/syntax"
	"github.com/pybpfc/pybpfc/internal/diag"
	"github.com/pybpfc/pybpfc/internal/kbtf"
	"github.com/pybpfc/pybpfc/ssa"
)

// Packet pointers (LANGUAGE.md 8.6). data, data_meta and data_end of
// xdp_md and __sk_buff are u32 in BTF, but the verifier turns the loaded
// register into a packet pointer; the IR says so with OpPktPtr, whose Aux
// names the field, so passes/pktbounds.go can check every header access
// against a dominating `data + c > data_end` test.

// isPacketContext reports whether a context struct has packet pointers.
func isPacketContext(t *kbtf.Type) bool {
	return t.Kind == kbtf.Struct && (t.Name == "xdp_md" || t.Name == "__sk_buff")
}

// packetField reads data, data_meta or data_end as a packet pointer.
func (f *fn) packetField(e *syntax.Attribute, pl place) operand {
	if f.decl != nil && f.decl.prog == ptSocket {
		f.errorf(e.Sp, "socket programs cannot read packet pointers; use skb_load_bytes()")
		return bad(e.Sp)
	}
	path, _ := pl.t.Field(e.Name)
	p := pos(e.Sp)
	aux, _ := f.c.coreAccess(pl.root, pl.indices, path)
	addr := f.b.Value(ssa.OpCoreAddr, pl.base.Type, p, pl.base)
	addr.AuxInt, addr.Aux = int64(path.BitOff/8), aux
	raw := f.b.Value(ssa.OpLoad, ssa.U32, p, addr)
	wide := f.b.Value(ssa.OpZExt, ssa.U64, p, raw)
	kind := ssa.PtrPacket
	if e.Name == "data_end" {
		kind = ssa.PtrPacketEnd
	}
	v := f.b.Value(ssa.OpPktPtr, ssa.PtrTo(kind), p, wide)
	v.Aux = e.Name
	return operand{k: kVal, t: v.Type, v: v, sp: e.Sp}
}

func isPacketPtr(o operand) bool {
	return o.k == kVal && o.v.Type.IsPtr() && (o.v.Type.Ptr == ssa.PtrPacket || o.v.Type.Ptr == ssa.PtrPacketEnd)
}

// asAddress turns a non-packet pointer operand into its u64 address, the
// meaning of a context or kernel pointer used as a value (8.4.3).
func (f *fn) asAddress(o operand) operand {
	if o.k != kVal || !o.v.Type.IsPtr() {
		return o
	}
	return operand{k: kVal, t: ssa.U64, v: f.b.Value(ssa.OpPtrToInt, ssa.U64, pos(o.sp), o.v), sp: o.sp}
}

// pointerArith lowers an arithmetic operator with a pointer operand
// (packet pointers, LANGUAGE.md 8.6.2–8.6.3).
func (f *fn) pointerArith(x operand, op string, y operand, opSp, sp diag.Span) operand {
	if !isPacketPtr(x) && !isPacketPtr(y) {
		return f.arithOp(f.asAddress(x), op, f.asAddress(y), opSp, sp)
	}
	if isPacketPtr(x) && isPacketPtr(y) {
		if op != "-" {
			f.errorf(opSp, "a packet pointer supports only adding or subtracting an offset")
			return bad(sp)
		}
		// The distance of two packet pointers (8.6.3).
		p := pos(opSp)
		a := f.b.Value(ssa.OpPtrToInt, ssa.U64, p, x.v)
		b := f.b.Value(ssa.OpPtrToInt, ssa.U64, p, y.v)
		return operand{k: kVal, t: ssa.U64, v: f.b.Value(ssa.OpSub, ssa.U64, p, a, b), sp: sp}
	}
	ptr, off := x, y
	if isPacketPtr(y) {
		ptr, off = y, x
		if op == "-" {
			f.errorf(opSp, "a packet pointer supports only adding or subtracting an offset").Hint("write p - n, not n - p")
			return bad(sp)
		}
	}
	if ptr.v.Type.Ptr == ssa.PtrPacketEnd {
		f.errorf(sp, "data_end may only appear in comparisons").Hint("compare with it, as in: if data + 14 > ctx.data_end: return XDP_PASS")
		return bad(sp)
	}
	if op != "+" && op != "-" {
		f.errorf(opSp, "a packet pointer supports only adding or subtracting an offset")
		return bad(sp)
	}
	if isPacketPtr(off) || off.k == kVal && off.v.Type.IsPtr() {
		f.errorf(opSp, "a packet pointer supports only adding or subtracting an offset")
		return bad(sp)
	}
	p := pos(opSp)
	if off.k == kConst {
		n := int64(truncBits(off.c, off.t))
		if off.t.IsInt() && !off.t.Signed && off.t.Bits == 64 && n < 0 {
			n = 1 << 62 // a huge unsigned offset: out of range either way
		}
		if n < 0 && op == "+" {
			f.errorf(off.sp, "packet offset %d is out of range (0 to 65535)", n).Hint("write p - %d", -n)
			return bad(sp)
		}
		if n < 0 || n > 65535 {
			f.errorf(off.sp, "packet offset %d is out of range (0 to 65535)", n)
			return bad(sp)
		}
		if op == "-" {
			n = -n
		}
		v := f.b.Value(ssa.OpOffPtr, ptr.v.Type, p, ptr.v)
		v.AuxInt = n
		return operand{k: kVal, t: ptr.v.Type, v: v, sp: sp}
	}
	// A run-time offset keeps its low 16 bits (8.6.2), which also gives
	// the verifier the bounded range it needs.
	w := f.value(f.convert(off, ssa.U64, false))
	w = f.b.Value(ssa.OpAnd, ssa.U64, p, w, f.b.Const(ssa.U64, 0xFFFF, p))
	if op == "-" {
		w = f.b.Value(ssa.OpNeg, ssa.U64, p, w)
	}
	return operand{k: kVal, t: ptr.v.Type, v: f.b.Value(ssa.OpAddPtr, ptr.v.Type, p, ptr.v, w), sp: sp}
}

// packetHeader lowers S(p) for a @struct (or converted kernel struct) S
// and a packet pointer p (LANGUAGE.md 8.6.6): field reads and writes go
// straight to packet memory; OpPktHeader records the header's size for
// the bounds check.
func (f *fn) packetHeader(t *ssa.Type, p operand, e *syntax.Call) operand {
	h := f.b.Value(ssa.OpPktHeader, p.v.Type, pos(e.Sp), p.v)
	h.AuxInt = int64(t.Size())
	return operand{k: kRef, t: t, v: h, sp: e.Sp}
}
