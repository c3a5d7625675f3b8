package passes

import "github.com/pybpfc/pybpfc/ssa"

// cse merges pure values that compute the same thing: a value is replaced by
// an identical one that dominates it. It walks the dominator tree keeping a
// scoped table of the expressions available at each point: what a block
// defines is visible in the blocks it dominates and forgotten on the way
// back up, so a replacement always dominates what it replaces.
//
// Only ops the table calls Pure take part (effect none, not Phi, Arg or
// Alloca: each Alloca is its own stack slot). Constants are keyed by their
// bits, so [-1] and [4294967295] of a u32 are the same constant, and the
// arguments of commutative ops are put in a fixed order.
func cse(f *ssa.Func, _ *Context) {
	dom := f.Dom()
	r := newReplacer(f)
	avail := map[cseKey]*ssa.Value{}
	var visit func(b *ssa.Block)
	visit = func(b *ssa.Block) {
		var added []cseKey
		for _, v := range b.Values {
			r.resolveArgs(v)
			if !v.Op.Pure() {
				continue
			}
			k := keyOf(v)
			if w, ok := avail[k]; ok {
				r.set(v, w)
				continue
			}
			avail[k] = v
			added = append(added, k)
		}
		for _, c := range dom.Children(b) {
			visit(c)
		}
		for _, k := range added {
			delete(avail, k)
		}
	}
	visit(f.Entry())
	r.apply(f)
}

// cseKey identifies an expression. Pure ops have at most two arguments.
// Types are keyed by what ssa.Same compares: IR integers are signless, so
// neither the declared sign nor the BTF spelling keeps equal values apart.
type cseKey struct {
	op     ssa.Op
	kind   ssa.TypeKind
	bits   int
	ptr    ssa.PtrKind
	aux    int64
	sym    string
	nargs  int
	a0, a1 int
}

func keyOf(v *ssa.Value) cseKey {
	k := cseKey{op: v.Op, kind: v.Type.Kind, bits: v.Type.Bits, ptr: v.Type.Ptr,
		aux: v.AuxInt, sym: v.Aux, nargs: len(v.Args), a0: -1, a1: -1}
	if v.Op == ssa.OpConst {
		k.aux = int64(ssa.ConstBits(v))
	}
	if len(v.Args) > 0 {
		k.a0 = v.Args[0].ID
	}
	if len(v.Args) > 1 {
		k.a1 = v.Args[1].ID
		if v.Op.Info().Commutative && k.a1 < k.a0 {
			k.a0, k.a1 = k.a1, k.a0
		}
	}
	if len(v.Args) > 2 {
		panic("BUG: cse: pure op " + v.Op.String() + " with more than two arguments")
	}
	return k
}
