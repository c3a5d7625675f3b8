package passes

import (
	"github.com/pybpfc/pybpfc/internal/diag"
	"github.com/pybpfc/pybpfc/ssa"
)

// Part of the pktbounds pass: packet pointers invalidated by a helper
// (LANGUAGE.md 8.6.8). skb_store_bytes and the xdp_adjust_* helpers may
// move or reallocate the packet, so the verifier forgets every packet
// pointer held across such a call and rejects the next access through one
// with a message that names a register. Here the error names the Python
// line of the use and of the call instead.
//
// For each read P of data, data_meta or data_end, the pass marks the
// program points reachable from P through an invalidating call without
// passing P again (a new read makes a fresh pointer), then reports the
// first value that uses P, or a pointer derived from it, at such a point.

// invalidating are the helpers (by id) that invalidate packet pointers.
var invalidating = map[int64]bool{9: true, 44: true, 54: true, 65: true}

// pointerDerived ops carry a packet pointer's identity to their result.
func pointerDerived(op ssa.Op) bool {
	switch op {
	case ssa.OpOffPtr, ssa.OpAddPtr, ssa.OpPktHeader, ssa.OpCopy, ssa.OpPtrToInt, ssa.OpPhi, ssa.OpCastPtr:
		return true
	}
	return false
}

func checkInvalidated(f *ssa.Func, c *Context) {
	hasCall := false
	for _, b := range f.Blocks {
		for _, v := range b.Values {
			hasCall = hasCall || v.Op == ssa.OpCall && invalidating[v.AuxInt]
		}
	}
	if !hasCall {
		return
	}
	for _, b := range f.Blocks {
		for _, v := range b.Values {
			if v.Op == ssa.OpPktPtr {
				checkPointer(f, c, v)
			}
		}
	}
}

// dirtyMap says, per block, which positions (value indices, and len for
// the block's exit) see P invalidated, and by which call.
type dirtyMap map[*ssa.Block][]*ssa.Value

func checkPointer(f *ssa.Func, c *Context, p *ssa.Value) {
	dirty := dirtyMap{}
	mark := func(b *ssa.Block, from, to int, cause *ssa.Value) bool {
		d := dirty[b]
		if d == nil {
			d = make([]*ssa.Value, len(b.Values)+1)
			dirty[b] = d
		}
		changed := false
		for i := from; i <= to && i < len(d); i++ {
			if d[i] == nil {
				d[i], changed = cause, true
			}
		}
		return changed
	}
	indexOf := func(v *ssa.Value) int {
		for i, w := range v.Block.Values {
			if w == v {
				return i
			}
		}
		return -1
	}
	home, at := p.Block, indexOf(p)
	type state struct {
		b     *ssa.Block
		cause *ssa.Value // nil: entered clean
	}
	cleanSeen := map[*ssa.Block]bool{}
	work := []state{}
	// scan walks block b from index from; cause is the invalidating call
	// already passed, or nil.
	scan := func(b *ssa.Block, from int, cause *ssa.Value) {
		end := len(b.Values)
		if b == home && from <= at {
			end = at // P is read again there: a fresh pointer from then on
		}
		for i := from; i < end; i++ {
			if cause == nil {
				v := b.Values[i]
				if v.Op == ssa.OpCall && invalidating[v.AuxInt] {
					cause = v
				}
				continue
			}
			mark(b, i, i, cause)
		}
		if end < len(b.Values) {
			return
		}
		if cause != nil {
			mark(b, end, end, cause)
		}
		for _, e := range b.Succs {
			work = append(work, state{e.B, cause})
		}
	}
	scan(home, at+1, nil)
	for len(work) > 0 {
		s := work[len(work)-1]
		work = work[:len(work)-1]
		if s.cause == nil {
			if cleanSeen[s.b] {
				continue
			}
			cleanSeen[s.b] = true
			scan(s.b, 0, nil)
			continue
		}
		if d := dirty[s.b]; d != nil && d[0] != nil {
			continue
		}
		scan(s.b, 0, s.cause)
	}
	if len(dirty) == 0 {
		return
	}
	derived := map[*ssa.Value]bool{p: true}
	for changed := true; changed; {
		changed = false
		for _, b := range f.Blocks {
			for _, v := range b.Values {
				if derived[v] || !pointerDerived(v.Op) {
					continue
				}
				for _, a := range v.Args {
					if derived[a] {
						derived[v], changed = true, true
						break
					}
				}
			}
		}
	}
	for _, b := range f.ReversePostorder() {
		for i, v := range b.Values {
			for j, a := range v.Args {
				if !derived[a] {
					continue
				}
				var cause *ssa.Value
				if v.Op == ssa.OpPhi {
					pred := b.Preds[j].B
					if d := dirty[pred]; d != nil {
						cause = d[len(d)-1]
					}
				} else if d := dirty[b]; d != nil {
					cause = d[i]
				}
				if cause != nil {
					at := v.Pos
					if v.Op == ssa.OpPhi {
						at = cause.Pos
					}
					c.Diags.Errorf(diag.At(at), "packet pointer invalidated by %s() at line %d; read ctx.%s again", cause.Aux, cause.Pos.Line, p.Aux).
						Hint("helpers that change the packet make earlier packet pointers unusable")
					return
				}
			}
		}
	}
}
