package passes

import "github.com/pybpfc/pybpfc/ssa"

// replacer records "use w wherever v is used" for many values and applies
// them all in one sweep over the function, so a pass that replaces n values
// costs O(size) rather than O(n·size) as repeated Func.ReplaceUses would.
// Chains (v→w, w→x) resolve to the last value.
type replacer struct {
	to []*ssa.Value // by value ID; nil: not replaced
	n  int
}

func newReplacer(f *ssa.Func) *replacer {
	return &replacer{to: make([]*ssa.Value, f.NumValues())}
}

// find is the value that currently stands for v.
func (r *replacer) find(v *ssa.Value) *ssa.Value {
	w := v
	for w.ID < len(r.to) && r.to[w.ID] != nil {
		w = r.to[w.ID]
	}
	// Compress the path so long chains stay cheap.
	for v != w && v.ID < len(r.to) && r.to[v.ID] != nil {
		next := r.to[v.ID]
		r.to[v.ID] = w
		v = next
	}
	return w
}

// set records that v is to be replaced by w. A replacement that would make
// v stand for itself (a cycle of copies in dead code) is ignored.
func (r *replacer) set(v, w *ssa.Value) bool {
	w = r.find(w)
	if w == v || r.replaced(v) {
		return false
	}
	r.to[v.ID] = w
	r.n++
	return true
}

func (r *replacer) replaced(v *ssa.Value) bool { return v.ID < len(r.to) && r.to[v.ID] != nil }

// resolveArgs points v's arguments at their replacements now, so a pass
// walking in dominator or reverse postorder sees resolved operands.
func (r *replacer) resolveArgs(v *ssa.Value) {
	for i, a := range v.Args {
		if w := r.find(a); w != a {
			v.SetArg(i, w)
		}
	}
}

// apply rewrites every argument and block control of f through the
// replacements and then deletes the replaced values, which have no uses
// left.
func (r *replacer) apply(f *ssa.Func) {
	if r.n == 0 {
		return
	}
	for _, b := range f.Blocks {
		for _, v := range b.Values {
			r.resolveArgs(v)
		}
		if b.Control != nil {
			if w := r.find(b.Control); w != b.Control {
				b.SetControl(w)
			}
		}
	}
	removeValues(f, r.replaced)
}

// removeValues deletes every value for which dead is true. Uses among
// deleted values need not be zero, but no surviving value or control may
// use a deleted one.
func removeValues(f *ssa.Func, dead func(v *ssa.Value) bool) {
	for _, b := range f.Blocks {
		kept := b.Values[:0]
		for _, v := range b.Values {
			if !dead(v) {
				kept = append(kept, v)
				continue
			}
			for _, a := range v.Args {
				a.Uses--
			}
			v.Args = nil
			v.Block = nil
		}
		for i := len(kept); i < len(b.Values); i++ {
			b.Values[i] = nil
		}
		b.Values = kept
	}
}
