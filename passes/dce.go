package passes

import "github.com/pybpfc/pybpfc/ssa"

// dce deletes values whose results nobody needs. It marks from the roots
// (values the op table says are not Removable — stores, calls — and block
// controls) through arguments, then sweeps what is unmarked. Unlike
// deleting use-count-zero values, marking also removes dead cycles: a loop
// phi that only feeds its own increment.
//
// Stores and Zeros into a stack slot nobody reads are not roots: the
// frontend zero-fills every local (LANGUAGE.md 3.7.4), and a slot only
// written costs stack out of BPF's 512 bytes for nothing.
func dce(f *ssa.Func, _ *Context) {
	deadStore := writeOnlySlotStores(f)
	live := make([]bool, f.NumValues())
	var work []*ssa.Value
	mark := func(v *ssa.Value) {
		if !live[v.ID] {
			live[v.ID] = true
			work = append(work, v)
		}
	}
	for _, b := range f.Blocks {
		if b.Control != nil {
			mark(b.Control)
		}
		for _, v := range b.Values {
			if !v.Op.Removable() && !deadStore[v.ID] {
				mark(v)
			}
		}
	}
	for len(work) > 0 {
		v := work[len(work)-1]
		work = work[:len(work)-1]
		for _, a := range v.Args {
			mark(a)
		}
	}
	removeValues(f, func(v *ssa.Value) bool { return !live[v.ID] })
}

// writeOnlySlotStores finds the Stores and Zeros whose target is an Alloca
// (directly or through OffPtrs) that is never read and never escapes: every
// use of the slot's address is another OffPtr, or the address operand of a
// Store or Zero. Anything else — a Load, a call argument, the address
// stored as a value, AddPtr, a comparison, a phi — may read the slot.
func writeOnlySlotStores(f *ssa.Func) []bool {
	users := make([][]*ssa.Value, f.NumValues())
	escapes := make([]bool, f.NumValues())
	for _, b := range f.Blocks {
		for _, v := range b.Values {
			for _, a := range v.Args {
				users[a.ID] = append(users[a.ID], v)
			}
		}
		if b.Control != nil {
			escapes[b.Control.ID] = true
		}
	}
	dead := make([]bool, f.NumValues())
	var writes []*ssa.Value
	var writeOnly func(p *ssa.Value) bool
	writeOnly = func(p *ssa.Value) bool {
		if escapes[p.ID] {
			return false
		}
		for _, u := range users[p.ID] {
			switch {
			case u.Op == ssa.OpOffPtr:
				if !writeOnly(u) {
					return false
				}
			case (u.Op == ssa.OpStore && u.Args[1] != p) || u.Op == ssa.OpZero:
				writes = append(writes, u)
			default:
				return false
			}
		}
		return true
	}
	for _, v := range f.Entry().Values {
		if v.Op != ssa.OpAlloca {
			continue
		}
		writes = writes[:0]
		if writeOnly(v) {
			for _, w := range writes {
				dead[w.ID] = true
			}
		}
	}
	return dead
}
