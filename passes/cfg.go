package passes

import "github.com/pybpfc/pybpfc/ssa"

// simplifyCFG cleans up the control-flow graph, repeating until nothing
// changes:
//
//   - an If on a constant becomes a Jump (the dead edge's phi arguments go
//     with it), and so does an If whose two edges reach one block with
//     the same phi arguments;
//   - blocks no path from the entry reaches are deleted;
//   - the phis of a block with one predecessor are replaced by their
//     argument;
//   - a block is merged into its predecessor when each is the other's only
//     neighbour;
//   - a Jump through an empty block goes straight to its target (jump
//     threading), unless that would give one predecessor two edges into a
//     block with different phi arguments on them, which LLVM cannot express.
//
// Every step only removes paths or relabels them, so dominance of values
// over their uses is kept (see the comments at each step).
func simplifyCFG(f *ssa.Func, _ *Context) {
	// Each round removes an edge, a block or a phi, so the number of rounds
	// is bounded by the size of the function; the cap is a safety net.
	for round := 0; round < 4*len(f.Blocks)+8; round++ {
		changed := false
		for _, b := range f.Blocks {
			changed = foldIf(b) || changed
		}
		changed = removeUnreachable(f) || changed
		changed = removeSinglePredPhis(f) || changed
		changed = mergeBlocks(f) || changed
		changed = threadEmptyBlocks(f) || changed
		if !changed {
			return
		}
	}
}

// foldIf turns an If with a known outcome into a Jump.
func foldIf(b *ssa.Block) bool {
	if b.Kind != ssa.BlockIf {
		return false
	}
	drop := -1
	if c, ok := constBits(b.Control); ok {
		drop = 0 // false: keep Succs[1]
		if c != 0 {
			drop = 1
		}
	} else if s := b.Succs[0]; s.B == b.Succs[1].B && samePhiArgs(s.B, s.I, b.Succs[1].I) {
		drop = 1
	}
	if drop < 0 {
		return false
	}
	b.RemoveSucc(drop)
	b.Kind = ssa.BlockPlain
	b.SetControl(nil)
	return true
}

// samePhiArgs reports whether every phi of b has the same argument on
// predecessor edges i and j.
func samePhiArgs(b *ssa.Block, i, j int) bool {
	for _, v := range b.Values {
		if v.Op == ssa.OpPhi && v.Args[i] != v.Args[j] {
			return false
		}
	}
	return true
}

// removeUnreachable deletes blocks the entry does not reach. No reachable
// value can use a value of theirs except a phi along an edge from them, and
// those edges go first.
func removeUnreachable(f *ssa.Func) bool {
	seen := make([]bool, f.NumBlocks())
	for _, b := range f.ReversePostorder() {
		seen[b.ID] = true
	}
	var dead []*ssa.Block
	for _, b := range f.Blocks {
		if !seen[b.ID] {
			dead = append(dead, b)
		}
	}
	if len(dead) == 0 {
		return false
	}
	// Cut every edge out of a dead block first: then dead blocks have no
	// predecessors left, as RemoveBlock wants.
	for _, b := range dead {
		for len(b.Succs) > 0 {
			b.RemoveSucc(len(b.Succs) - 1)
		}
	}
	for _, b := range dead {
		f.RemoveBlock(b)
	}
	return true
}

// removeSinglePredPhis replaces each phi of a block with one predecessor by
// its only argument, which dominates that predecessor and so the block.
func removeSinglePredPhis(f *ssa.Func) bool {
	r := newReplacer(f)
	for _, b := range f.Blocks {
		if len(b.Preds) != 1 {
			continue
		}
		for _, v := range b.Values {
			if v.Op == ssa.OpPhi {
				r.set(v, v.Args[0])
			}
		}
	}
	r.apply(f)
	return r.n > 0
}

// mergeBlocks appends c to b when b jumps to c and c has no other
// predecessor: c's values run right after b's in every execution anyway.
func mergeBlocks(f *ssa.Func) bool {
	merged := map[*ssa.Block]bool{}
	for _, b := range f.Blocks {
		if merged[b] {
			continue
		}
		for b.Kind == ssa.BlockPlain {
			c := b.Succs[0].B
			if c == b || c == f.Entry() || len(c.Preds) != 1 || hasPhis(c) {
				break
			}
			for _, v := range c.Values {
				v.Block = b
			}
			b.Values = append(b.Values, c.Values...)
			b.Kind, b.Pos = c.Kind, c.Pos
			b.Control, c.Control = c.Control, nil // the one use moves with it
			b.Succs = append(b.Succs[:0], c.Succs...)
			for i, e := range b.Succs {
				e.B.Preds[e.I] = ssa.Edge{B: b, I: i}
			}
			c.Values, c.Succs, c.Preds = nil, nil, nil
			merged[c] = true
		}
	}
	if len(merged) == 0 {
		return false
	}
	kept := f.Blocks[:0]
	for _, b := range f.Blocks {
		if !merged[b] {
			kept = append(kept, b)
		}
	}
	for i := len(kept); i < len(f.Blocks); i++ {
		f.Blocks[i] = nil
	}
	f.Blocks = kept
	f.InvalidateCFG()
	return true
}

func hasPhis(b *ssa.Block) bool {
	return len(b.Values) > 0 && b.Values[0].Op == ssa.OpPhi
}

// threadEmptyBlocks sends the predecessors of an empty Jump block straight
// to its target, giving the target's phis, on each new edge, the argument
// the empty block's edge had. That argument dominated the empty block and
// so dominates each of its predecessors. The empty block, left without
// predecessors, is deleted by removeUnreachable in the next round.
func threadEmptyBlocks(f *ssa.Func) bool {
	changed := false
	for _, b := range f.Blocks {
		if b == f.Entry() || b.Kind != ssa.BlockPlain || len(b.Values) != 0 || emptyCycle(b) {
			continue
		}
		c, k := b.Succs[0].B, b.Succs[0].I
		for j := len(b.Preds) - 1; j >= 0; j-- {
			p, i := b.Preds[j].B, b.Preds[j].I
			if !canAddEdge(p, c, k) {
				continue
			}
			// Unlink p -> b (b has no phis to shrink): the last
			// predecessor moves into slot j.
			n := len(b.Preds) - 1
			b.Preds[j] = b.Preds[n]
			if j != n {
				moved := b.Preds[j]
				moved.B.Succs[moved.I].I = j
			}
			b.Preds = b.Preds[:n]
			// Link p -> c in the same successor slot of p.
			c.Preds = append(c.Preds, ssa.Edge{B: p, I: i})
			p.Succs[i] = ssa.Edge{B: c, I: len(c.Preds) - 1}
			for _, v := range c.Values {
				if v.Op == ssa.OpPhi {
					v.AddArg(v.Args[k])
				}
			}
			changed = true
		}
	}
	if changed {
		f.InvalidateCFG()
	}
	return changed
}

// canAddEdge reports whether p may get an edge to c carrying the phi
// arguments of c's predecessor edge k: p must not already reach c along an
// edge with other arguments.
func canAddEdge(p, c *ssa.Block, k int) bool {
	for _, e := range p.Succs {
		if e.B == c && !samePhiArgs(c, e.I, k) {
			return false
		}
	}
	return true
}

// emptyCycle reports whether following Jumps from b through empty blocks
// comes back to b: threading such a loop would move edges round it forever.
func emptyCycle(b *ssa.Block) bool {
	x := b.Succs[0].B
	for steps := 0; steps <= len(b.Func.Blocks); steps++ {
		if x == b {
			return true
		}
		if x.Kind != ssa.BlockPlain || len(x.Values) != 0 {
			return false
		}
		x = x.Succs[0].B
	}
	return true
}
