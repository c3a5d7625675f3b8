package passes

import "github.com/pybpfc/pybpfc/ssa"

// copyProp removes Copy values and trivial phis: a phi whose arguments are
// all one value, apart from the phi itself (a loop that does not change a
// variable), is that value. Replacing one phi can make another trivial, so
// it iterates to a fixed point; the replacements are applied in one sweep.
//
// A trivial phi's one value dominates the phi's block: every path from the
// entry first enters the block along an edge whose argument is that value
// (an argument that is the phi itself comes along a back edge, from a block
// the phi's block dominates), so the replacement keeps SSA dominance.
func copyProp(f *ssa.Func, _ *Context) {
	r := newReplacer(f)
	for changed := true; changed; {
		changed = false
		for _, b := range f.Blocks {
			for _, v := range b.Values {
				if r.replaced(v) {
					continue
				}
				switch v.Op {
				case ssa.OpCopy:
					changed = r.set(v, v.Args[0]) || changed
				case ssa.OpPhi:
					if same := trivialPhi(v, r); same != nil {
						changed = r.set(v, same) || changed
					}
				}
			}
		}
	}
	r.apply(f)
}

// trivialPhi returns the one value other than itself that phi merges, or
// nil. A phi whose only arguments are itself lives in code no path from the
// entry reaches; it is left for simplifycfg to delete with its block.
func trivialPhi(phi *ssa.Value, r *replacer) *ssa.Value {
	var same *ssa.Value
	for _, a := range phi.Args {
		a = r.find(a)
		if a == phi || a == same {
			continue
		}
		if same != nil {
			return nil
		}
		same = a
	}
	return same
}
