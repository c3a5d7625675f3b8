package frontend

import (
	"github.com/pybpfc/pybpfc/internal/diag"
	"github.com/pybpfc/pybpfc/ssa"
)

// Locals that change between packet pointers and integers (LANGUAGE.md
// 8.6.1): a 64-bit local holds a packet pointer from an assignment of one
// until its next assignment, so `data = 0` then `data = ctx.data` makes
// data a start pointer, and `p = ctx.data` then `p = 5` makes p an
// integer again.
//
// A local's IR variable has one type, but the verifier needs a packet
// pointer to stay a pointer in the IR (the bounds-check pass follows it
// and the backend must not launder it through an integer). So a local
// whose kind changes gets one extra builder variable per kind it takes
// besides its own, and the kind it holds follows the assignments in
// source order. The first binding still fixes the local's own type (3.7).

// altBinding is the extra state of a local whose kind changed.
type altBinding struct {
	cur  ssa.PtrKind // the kind the local holds now; noAlt: its own type
	keys map[ssa.PtrKind]*int
}

// noAlt marks a local that holds a value of its own type.
const noAlt = ssa.PtrKind(255)

// altIntKind keys the integer variable of a pointer local that was
// assigned an integer.
const altIntKind = ssa.PtrKind(254)

// altOf is l's extra state, made on first need. Packet pointers exist
// only with kernel BTF loaded, so the state lives with it.
func (c *compiler) altOf(l *local) *altBinding {
	if c.kern.pktAlt == nil {
		c.kern.pktAlt = map[*local]*altBinding{}
	}
	a := c.kern.pktAlt[l]
	if a == nil {
		a = &altBinding{cur: noAlt, keys: map[ssa.PtrKind]*int{}}
		c.kern.pktAlt[l] = a
	}
	return a
}

// altFor is l's extra state, or nil when its kind never changed.
func (c *compiler) altFor(l *local) *altBinding {
	if c.kern == nil {
		return nil
	}
	return c.kern.pktAlt[l]
}

func (f *fn) altKey(a *altBinding, kind ssa.PtrKind) *int {
	k := a.keys[kind]
	if k == nil {
		k = new(int)
		a.keys[kind] = k
		t := ssa.U64
		if kind != altIntKind {
			t = ssa.PtrTo(kind)
		}
		f.b.DeclareVariable(k, t)
	}
	return k
}

// storePacketAlt assigns o to a 64-bit integer local when o is a packet
// pointer, or when the local held one; false leaves the store to the
// caller.
func (f *fn) storePacketAlt(l *local, o operand) bool {
	if l.ref || l.slot != nil || !l.t.IsInt() || l.t.Bits != 64 {
		return false
	}
	a := f.c.altFor(l)
	if !isPacketPtr(o) {
		if a != nil {
			a.cur = noAlt // back to its own integer type
		}
		return false
	}
	a = f.c.altOf(l)
	a.cur = o.v.Type.Ptr
	f.b.WriteVariable(f.altKey(a, a.cur), o.v)
	return true
}

// storeAltPointer assigns o to a local first bound to a packet pointer:
// a packet pointer of another kind, or an integer, which the local then
// holds as a u64.
func (f *fn) storeAltPointer(l *local, o operand) bool {
	if l.t.Ptr != ssa.PtrPacket && l.t.Ptr != ssa.PtrPacketEnd {
		return false
	}
	a := f.c.altOf(l)
	if isPacketPtr(o) {
		if o.v.Type.Ptr == l.t.Ptr {
			a.cur = noAlt
			f.b.WriteVariable(l, o.v)
		} else {
			a.cur = o.v.Type.Ptr
			f.b.WriteVariable(f.altKey(a, a.cur), o.v)
		}
		return true
	}
	if !f.arith(o) {
		return true
	}
	v := f.value(f.convert(f.asAddress(o), ssa.U64, true))
	a.cur = altIntKind
	f.b.WriteVariable(f.altKey(a, altIntKind), v)
	return true
}

// readPacketAlt reads a local whose kind changed; ok is false when the
// local holds a value of its own type.
func (f *fn) readPacketAlt(l *local, sp diag.Span) (operand, bool) {
	a := f.c.altFor(l)
	if a == nil || a.cur == noAlt {
		return operand{}, false
	}
	v := f.b.ReadVariable(f.altKey(a, a.cur), pos(sp))
	if a.cur == altIntKind {
		return operand{k: kVal, t: ssa.U64, v: v, sp: sp}, true
	}
	if undefinedOnSomePath(v) {
		// The builder makes a NULL for a path that never assigned the
		// pointer: the local holds an integer there, which the verifier
		// would reject at the first access, far from this line.
		f.errorf(sp, "'%s' holds a packet pointer on some paths to here and an integer on others", l.name).
			Hint("assign the packet pointer on every path, or use another local")
		return bad(sp), true
	}
	return operand{k: kVal, t: v.Type, v: v, sp: sp}, true
}

// undefinedOnSomePath reports a pointer read that is, or merges, the
// builder's value for an unassigned variable (a pointer-typed constant:
// packet pointers are never constants otherwise). Phis of loop headers
// still being built are not seen; the verifier catches those.
func undefinedOnSomePath(v *ssa.Value) bool {
	if v.Op == ssa.OpConst {
		return true
	}
	if v.Op == ssa.OpPhi {
		for _, a := range v.Args {
			if a.Op == ssa.OpConst {
				return true
			}
		}
	}
	return false
}
