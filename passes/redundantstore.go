package passes

import "github.com/pybpfc/pybpfc/ssa"

// redundantStores deletes a store into a stack slot when the slot already
// holds that value: the same value was stored at the same offset by a
// store that dominates this one, and nothing else ever writes those bytes.
// The frontend stores a map key into a scratch slot for each helper call,
// so `p = m.lookup(k)` followed by `m.update(k, ...)` stores k twice; the
// map helpers only read their key (ssa.HelperOnlyReadsArgs), so the second
// store is dead. LLVM cannot remove it across the null check's join.
func redundantStores(f *ssa.Func, _ *Context) {
	users := make([][]*ssa.Value, f.NumValues())
	for _, b := range f.Blocks {
		for _, v := range b.Values {
			for _, a := range v.Args {
				users[a.ID] = append(users[a.ID], v)
			}
		}
	}
	controls := map[*ssa.Value]bool{}
	for _, b := range f.Blocks {
		if b.Control != nil {
			controls[b.Control] = true
		}
	}
	type write struct {
		v        *ssa.Value // the Store (nil for other writes)
		off, end int64
		val      *ssa.Value
	}
	dom := f.Dom()
	var removed []*ssa.Value
	for _, a := range f.Entry().Values {
		if a.Op != ssa.OpAlloca {
			continue
		}
		var writes []write
		ok := true
		var walk func(p *ssa.Value, off int64)
		walk = func(p *ssa.Value, off int64) {
			if controls[p] {
				ok = false
			}
			for _, u := range users[p.ID] {
				switch {
				case !ok:
					return
				case u.Op == ssa.OpOffPtr:
					walk(u, off+u.AuxInt)
				case u.Op == ssa.OpLoad:
				case u.Op == ssa.OpStore && u.Args[0] == p && u.Args[1] != p:
					writes = append(writes, write{u, off, off + int64(u.Args[1].Type.Size()), u.Args[1]})
				case u.Op == ssa.OpZero:
					writes = append(writes, write{nil, off, off + u.AuxInt, nil})
				case u.Op == ssa.OpCall && ssa.HelperOnlyReadsArgs(u.AuxInt):
				default:
					ok = false // escapes, or written in ways we do not follow
				}
			}
		}
		walk(a, 0)
		if !ok {
			continue
		}
		for i, w := range writes {
			if w.v == nil {
				continue
			}
			// Every write overlapping w must store the same value at the
			// same place; then one of them that dominates w makes w dead.
			same, covered := true, false
			for j, x := range writes {
				if i == j || x.end <= w.off || w.end <= x.off {
					continue
				}
				if x.v == nil || x.off != w.off || x.end != w.end || x.val != w.val {
					same = false
					break
				}
				if !isRemoved(removed, x.v) && dominatesValue(dom, x.v, w.v) {
					covered = true
				}
			}
			if same && covered {
				removed = append(removed, w.v)
			}
		}
	}
	for _, v := range removed {
		b := v.Block
		for i, x := range b.Values {
			if x == v {
				b.RemoveValueAt(i)
				break
			}
		}
	}
}

func isRemoved(list []*ssa.Value, v *ssa.Value) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

// dominatesValue reports whether x executes before y on every path.
func dominatesValue(dom *ssa.DomTree, x, y *ssa.Value) bool {
	if x.Block != y.Block {
		return dom.Dominates(x.Block, y.Block)
	}
	for _, v := range x.Block.Values {
		if v == x {
			return true
		}
		if v == y {
			return false
		}
	}
	return false
}
