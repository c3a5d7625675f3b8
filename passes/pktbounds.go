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
// are not constant (AddPtr) and accesses through data_meta are left to the
// kernel verifier.
func pktBounds(f *ssa.Func, c *Context) {
	type access struct {
		v      *ssa.Value
		lo, hi int64
	}
	var accesses []access
	for _, b := range f.Blocks {
		for _, v := range b.Values {
			if v.Op != ssa.OpLoad && v.Op != ssa.OpStore {
				continue
			}
			if lo, hi, ok := headerRange(v.Args[0]); ok {
				accesses = append(accesses, access{v, lo, hi})
			}
		}
	}
	if len(accesses) == 0 {
		return
	}
	const top = int64(1) << 62
	rpo := f.ReversePostorder()
	in := map[*ssa.Block]int64{}
	reached := map[*ssa.Block]bool{}
	for _, b := range rpo {
		in[b] = top
		reached[b] = true
	}
	in[f.Entry()] = 0
	for changed := true; changed; {
		changed = false
		for _, b := range rpo {
			if b == f.Entry() {
				continue
			}
			bound := top
			for _, e := range b.Preds {
				if !reached[e.B] {
					continue
				}
				bound = min(bound, max(in[e.B], edgeFact(e.B, e.I)))
			}
			if bound != in[b] {
				in[b] = bound
				changed = true
			}
		}
	}
	seen := map[[2]int64]bool{}
	for _, a := range accesses {
		if !reached[a.v.Block] || in[a.v.Block] >= a.hi || seen[[2]int64{a.lo, a.hi}] {
			continue
		}
		seen[[2]int64{a.lo, a.hi}] = true
		c.Diags.Errorf(diag.At(a.v.Pos), "packet access to bytes %d..%d is not covered by a bounds check against data_end", a.lo, a.hi).
			Hint("test the packet length first: if data + %d > ctx.data_end: return", a.hi)
	}
}

// headerRange finds the bytes [lo, hi) of the packet header that pointer
// p reaches into, when the header is at a constant offset from data.
func headerRange(p *ssa.Value) (lo, hi int64, ok bool) {
	for p.Op == ssa.OpOffPtr || p.Op == ssa.OpCopy {
		p = p.Args[0]
	}
	if p.Op != ssa.OpPktHeader {
		return 0, 0, false
	}
	k, ok := dataOffset(p.Args[0])
	if !ok {
		return 0, 0, false
	}
	return k, k + p.AuxInt, true
}

// dataOffset is q's constant offset from a read of the context's data.
func dataOffset(q *ssa.Value) (int64, bool) {
	var off int64
	for {
		switch q.Op {
		case ssa.OpOffPtr:
			off += q.AuxInt
		case ssa.OpCopy, ssa.OpPtrToInt, ssa.OpPktHeader:
		case ssa.OpPktPtr:
			return off, q.Aux == "data"
		default:
			return 0, false
		}
		q = q.Args[0]
	}
}

func isDataEnd(v *ssa.Value) bool {
	for v.Op == ssa.OpCopy || v.Op == ssa.OpPtrToInt {
		v = v.Args[0]
	}
	return v.Op == ssa.OpPktPtr && v.Aux == "data_end"
}

// edgeFact is the bound c (data + c <= data_end) that taking edge i of
// block b proves, or 0.
func edgeFact(b *ssa.Block, i int) int64 {
	if b.Kind != ssa.BlockIf || b.Control == nil {
		return 0
	}
	cmp := b.Control
	for cmp.Op == ssa.OpCopy {
		cmp = cmp.Args[0]
	}
	if !cmp.Op.IsCompare() {
		return 0
	}
	op, x, y := cmp.Op, cmp.Args[0], cmp.Args[1]
	if isDataEnd(x) {
		// Mirror `end OP q` into `q OP' end`.
		x, y = y, x
		op = map[ssa.Op]ssa.Op{ssa.OpLt: ssa.OpGt, ssa.OpLe: ssa.OpGe, ssa.OpGt: ssa.OpLt, ssa.OpGe: ssa.OpLe}[op]
	}
	if !isDataEnd(y) {
		return 0
	}
	c, ok := dataOffset(x)
	if !ok {
		return 0
	}
	taken := i == 0
	switch {
	case op == ssa.OpGt && !taken, op == ssa.OpLe && taken: // q <= end
		return c
	case op == ssa.OpGe && !taken, op == ssa.OpLt && taken: // q < end
		return c + 1
	}
	return 0
}
