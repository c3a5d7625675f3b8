package frontend

import (
	"github.com/pybpfc/pybpfc/frontend/syntax"
	"github.com/pybpfc/pybpfc/internal/diag"
	"github.com/pybpfc/pybpfc/ssa"
)

// Helpers and rules that change packet data (LANGUAGE.md 8.6.6, 8.6.8).
// Moving the packet's start, end or metadata area invalidates every
// packet pointer read before the call; passes/pktinvalid.go finds uses of
// those, because only the IR knows which pointer a use reaches through
// locals and branches.

// xdpAdjusts are the xdp_adjust_* helpers by the name programs use.
var xdpAdjusts = map[string]int64{
	"xdp_adjust_head": 44,
	"xdp_adjust_meta": 54,
	"xdp_adjust_tail": 65,
}

// xdpAdjust lowers xdp_adjust_head/tail/meta(delta): the helper moves the
// packet's start (or end, or the metadata's start) by delta bytes and
// returns 0 or a negative error as an s64.
func (f *fn) xdpAdjust(name string, e *syntax.Call) operand {
	if !f.checkArgCount(name, e, 1, 1, "a byte count") {
		return bad(e.Sp)
	}
	ctx, ok := f.checkHelper(name, name+"()", e.Sp)
	delta := f.expr(e.Args[0])
	if !ok || !f.arith(delta) {
		return bad(e.Sp)
	}
	if isPacketPtr(delta) {
		f.errorf(delta.sp, "%s() takes a byte count, not a packet pointer", name)
		return bad(e.Sp)
	}
	p := pos(e.Sp)
	// The kernel's parameter is an int: convert as C would.
	d := f.value(f.convert(f.asAddress(delta), ssa.S32, true))
	v := f.helperCall(xdpAdjusts[name], name, ssa.S64, p, ctx, d)
	return operand{k: kVal, t: ssa.S64, v: v, sp: e.Sp}
}

// packetWritable reports (and diagnoses) a store through packet header
// base in a program type whose packet data the kernel keeps read-only:
// only xdp and the tc family may write packets directly (8.6.6).
func (f *fn) packetWritable(base operand, sp diag.Span) bool {
	if base.k != kRef || base.v == nil || !base.v.Type.IsPtr() || base.v.Type.Ptr != ssa.PtrPacket || f.decl == nil {
		return true
	}
	switch f.decl.prog {
	case ptXDP, ptTC, ptAction, ptUnknown:
		return true
	}
	f.errorf(sp, "packet data is read-only in %s programs", f.decl.prog.displayName())
	return false
}
