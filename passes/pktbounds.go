package passes

import (
	"github.com/pybpfc/pybpfc/internal/diag"
	"github.com/pybpfc/pybpfc/ssa"
)

// pktBounds turns the verifier's "invalid access to packet" into a compile
// error at the Python line (LANGUAGE.md 8.6.7). Every access through a
// packet header S(p), with p at a constant offset k from a read of the
// context's data field, must be dominated on every path by a test proving
// data + c <= data_end for some c >= k + sizeof(S).
//
// It is a pass over SSA rather than a frontend analysis because SSA makes
// "written directly or through locals" free: a local holding data + 34 is
// the same value as the expression. It runs at every -O level, after the
// cleanups (which only remove Copies and merge equal values, shapes it
// looks through): OffPtr chains from OpPktPtr, PtrToInt under comparisons.
//
// The analysis is a forward data flow over the CFG: the bound known at a
// block's entry is the minimum over its incoming edges of the bound at the
// end of the predecessor, raised by the test on that edge. Offsets that
// are not constant (AddPtr) are left to the kernel verifier.
//
// Accesses through data_meta are checked the same way against data, the
// end of the metadata area (8.6.7): each origin has its own bound.
//
// The pass also rejects uses of packet pointers that a helper changing the
// packet (skb_store_bytes, xdp_adjust_*) has invalidated (8.6.8; see
// pktinvalid.go).
func pktBounds(f *ssa.Func, c *Context) {
	checkInvalidated(f, c)
	type access struct {
		v      *ssa.Value
		origin int
		lo, hi int64
	}
	var accesses []access
	for _, b := range f.Blocks {
		for _, v := range b.Values {
			if v.Op != ssa.OpLoad && v.Op != ssa.OpStore {
				continue
			}
			if o, lo, hi, ok := headerRange(v.Args[0]); ok {
				accesses = append(accesses, access{v, o, lo, hi})
			}
		}
	}
	if len(accesses) == 0 {
		return
	}
	const top = int64(1) << 62
	rpo := f.ReversePostorder()
	in := map[*ssa.Block]bounds{}
	reached := map[*ssa.Block]bool{}
	for _, b := range rpo {
		in[b] = bounds{top, top}
		reached[b] = true
	}
	in[f.Entry()] = bounds{}
	for changed := true; changed; {
		changed = false
		for _, b := range rpo {
			if b == f.Entry() {
				continue
			}
			bound := bounds{top, top}
			for _, e := range b.Preds {
				if !reached[e.B] {
					continue
				}
				got := in[e.B]
				if o, c, ok := edgeFact(e.B, e.I); ok {
					got[o] = max(got[o], c)
				}
				for o := range bound {
					bound[o] = min(bound[o], got[o])
				}
			}
			if bound != in[b] {
				in[b] = bound
				changed = true
			}
		}
	}
	type key struct {
		origin int
		lo, hi int64
	}
	seen := map[key]bool{}
	for _, a := range accesses {
		k := key{a.origin, a.lo, a.hi}
		if !reached[a.v.Block] || in[a.v.Block][a.origin] >= a.hi || seen[k] {
			continue
		}
		seen[k] = true
		if a.origin == originMeta {
			c.Diags.Errorf(diag.At(a.v.Pos), "packet metadata access to bytes %d..%d is not covered by a bounds check against data", a.lo, a.hi).
				Hint("test the metadata length first: if meta + %d > ctx.data: return", a.hi)
			continue
		}
		c.Diags.Errorf(diag.At(a.v.Pos), "packet access to bytes %d..%d is not covered by a bounds check against data_end", a.lo, a.hi).
			Hint("test the packet length first: if data + %d > ctx.data_end: return", a.hi)
	}
}

// Origins of checked packet pointers: the context's data field, bounded by
// data_end, and its data_meta field, bounded by data.
const (
	originData = iota
	originMeta
)

// bounds holds, per origin, the c proven by data + c <= data_end (or
// meta + c <= data).
type bounds [2]int64

// limitName is the context field that bounds pointers of an origin.
var limitName = [2]string{originData: "data_end", originMeta: "data"}

// headerRange finds the bytes [lo, hi) of the packet header that pointer
// p reaches into, when the header is at a constant offset from data or
// data_meta.
func headerRange(p *ssa.Value) (origin int, lo, hi int64, ok bool) {
	for p.Op == ssa.OpOffPtr || p.Op == ssa.OpCopy {
		p = p.Args[0]
	}
	if p.Op != ssa.OpPktHeader {
		return 0, 0, 0, false
	}
	o, k, ok := originOffset(p.Args[0])
	if !ok {
		return 0, 0, 0, false
	}
	return o, k, k + p.AuxInt, true
}

// originOffset is q's constant offset from a read of the context's data
// or data_meta field.
func originOffset(q *ssa.Value) (origin int, off int64, ok bool) {
	for {
		switch q.Op {
		case ssa.OpOffPtr:
			off += q.AuxInt
		case ssa.OpCopy, ssa.OpPtrToInt, ssa.OpPktHeader:
		case ssa.OpPktPtr:
			switch q.Aux {
			case "data":
				return originData, off, true
			case "data_meta":
				return originMeta, off, true
			}
			return 0, 0, false
		default:
			return 0, 0, false
		}
		q = q.Args[0]
	}
}

// isLimit reports whether v is a read of the field that bounds origin's
// pointers, with no offset.
func isLimit(v *ssa.Value, origin int) bool {
	for v.Op == ssa.OpCopy || v.Op == ssa.OpPtrToInt {
		v = v.Args[0]
	}
	return v.Op == ssa.OpPktPtr && v.Aux == limitName[origin]
}

// edgeFact is the bound c (q + c <= limit, q of the returned origin) that
// taking edge i of block b proves; ok is false when it proves none.
func edgeFact(b *ssa.Block, i int) (origin int, c int64, ok bool) {
	if b.Kind != ssa.BlockIf || b.Control == nil {
		return 0, 0, false
	}
	cmp := b.Control
	for cmp.Op == ssa.OpCopy {
		cmp = cmp.Args[0]
	}
	if !cmp.Op.IsCompare() {
		return 0, 0, false
	}
	op, x, y := cmp.Op, cmp.Args[0], cmp.Args[1]
	origin, c, ok = originOffset(x)
	if !ok || !isLimit(y, origin) {
		// Mirror `limit OP q` into `q OP' limit`.
		x, y = y, x
		op = map[ssa.Op]ssa.Op{ssa.OpLt: ssa.OpGt, ssa.OpLe: ssa.OpGe, ssa.OpGt: ssa.OpLt, ssa.OpGe: ssa.OpLe}[op]
		origin, c, ok = originOffset(x)
		if !ok || !isLimit(y, origin) {
			return 0, 0, false
		}
	}
	taken := i == 0
	switch {
	case op == ssa.OpGt && !taken, op == ssa.OpLe && taken: // q <= limit
		return origin, c, true
	case op == ssa.OpGe && !taken, op == ssa.OpLt && taken: // q < limit
		return origin, c + 1, true
	}
	return 0, 0, false
}
