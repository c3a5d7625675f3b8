package frontend

import (
	"github.com/pybpfc/pybpfc/frontend/syntax"
	"github.com/pybpfc/pybpfc/ssa"
)

// Byte-order helpers (LANGUAGE.md 6.5): htons, ntohs, htonl, ntohl and
// bswap16/32/64. BPF runs little-endian here and the network is
// big-endian, so each is a plain byte swap of its width. A constant
// argument folds (`eth.h_proto != htons(0x0800)` costs nothing); a
// run-time one becomes shifts and masks, which LLVM recognizes as one
// byte-swap instruction.

var byteSwaps = map[string]*ssa.Type{
	"htons": ssa.U16, "ntohs": ssa.U16, "bswap16": ssa.U16,
	"htonl": ssa.U32, "ntohl": ssa.U32, "bswap32": ssa.U32,
	"bswap64": ssa.U64,
}

// isByteSwap reports whether name is a byte-order helper not shadowed by
// a BPF definition of the same name (LANGUAGE.md 1.2.5).
func (f *fn) isByteSwap(name string) bool {
	_, ok := byteSwaps[name]
	return ok && !f.c.defs[name].IsValid()
}

func swapConst(c uint64, bytes int) uint64 {
	var r uint64
	for i := 0; i < bytes; i++ {
		r = r<<8 | c>>(8*i)&0xFF
	}
	return r
}

func (f *fn) byteSwap(name string, e *syntax.Call) operand {
	t := byteSwaps[name]
	if !f.checkArgCount(name, e, 1, 1, "one integer") {
		return bad(e.Sp)
	}
	x := f.expr(e.Args[0])
	if !f.arith(x) {
		return bad(e.Sp)
	}
	if isPacketPtr(x) {
		f.errorf(x.sp, "%s() takes an integer, not a packet pointer", name)
		return bad(e.Sp)
	}
	cx := f.convert(f.asAddress(x), t, false)
	n := t.Size()
	if cx.k == kConst {
		r := constOp(swapConst(cx.c, n), t, e.Sp)
		r.explicit = true
		return r
	}
	p := pos(e.Sp)
	v := f.value(cx)
	var out *ssa.Value
	for i := 0; i < n; i++ {
		// Byte i moves to byte n-1-i.
		b := v
		if i > 0 {
			b = f.b.Value(ssa.OpShr, t, p, v, f.b.Const(t, int64(8*i), p))
		}
		b = f.b.Value(ssa.OpAnd, t, p, b, f.b.Const(t, 0xFF, p))
		if sh := 8 * (n - 1 - i); sh > 0 {
			b = f.b.Value(ssa.OpShl, t, p, b, f.b.Const(t, int64(sh), p))
		}
		if out == nil {
			out = b
		} else {
			out = f.b.Value(ssa.OpOr, t, p, out, b)
		}
	}
	return operand{k: kVal, t: t, v: out, sp: e.Sp}
}
