package frontend

import (
	"github.com/pybpfc/pybpfc/frontend/syntax"
	"github.com/pybpfc/pybpfc/ssa"
)

// Explicit atomics (LANGUAGE.md 5.7.2): atomic_add(t, v) and friends are
// one BPF atomic instruction on shared memory and yield the value the
// target held before. The augmented-assignment form (5.7.1) is in
// structs.go/assign.go; these are the expression form, for code that needs
// the old value (a ticket, a test-and-set) or a compare-and-exchange.

// explicitAtomics maps each function to its OpAtomic variant; cmpxchg has
// its own op because it takes a third operand.
var explicitAtomics = map[string]int64{
	"atomic_add": ssa.AtomicAdd, "atomic_sub": ssa.AtomicAdd, "atomic_or": ssa.AtomicOr,
	"atomic_and": ssa.AtomicAnd, "atomic_xor": ssa.AtomicXor, "atomic_xchg": ssa.AtomicXchg,
	"atomic_cmpxchg": -1,
}

func isExplicitAtomic(name string) bool {
	_, ok := explicitAtomics[name]
	return ok
}

const atomicTargetMsg = "atomic target must be a 32- or 64-bit map value or global"

// explicitAtomic lowers one call of explicitAtomics. A NULL reference
// target skips the instruction and yields 0, as a read through it would.
func (f *fn) explicitAtomic(name string, e *syntax.Call) operand {
	cmpxchg := name == "atomic_cmpxchg"
	n, what := 2, "a target and a value"
	if cmpxchg {
		n, what = 3, "a target, the expected value and the new value"
	}
	if !f.checkArgCount(name, e, n, n, what) {
		return bad(e.Sp)
	}
	ptr, t, ok := f.atomicTarget(e.Args[0])
	var vals []*ssa.Value
	for _, a := range e.Args[1:] {
		o := f.expr(a)
		if !f.arith(o) || !ok {
			ok = false
			continue
		}
		vals = append(vals, f.value(f.convert(o, t, true)))
	}
	if !ok {
		return bad(e.Sp)
	}
	p := pos(e.Sp)
	if name == "atomic_sub" {
		// Adding the negation fetches the same old value and leaves the
		// same bits as a subtraction would.
		vals[0] = f.b.Value(ssa.OpNeg, vals[0].Type, p, vals[0])
	}
	rt := vals[0].Type
	do := func() *ssa.Value {
		if cmpxchg {
			return f.b.Value(ssa.OpAtomicCmpXchg, rt, p, ptr, vals[0], vals[1])
		}
		a := f.b.Value(ssa.OpAtomic, rt, p, ptr, vals[0])
		a.AuxInt = explicitAtomics[name]
		return a
	}
	var r *ssa.Value
	if ptr.Type.Ptr.Nullable() {
		r = f.nullSafe(ptr, p, do, rt)
	} else {
		r = do()
	}
	return operand{k: kVal, t: t, v: r, sp: e.Sp}
}

// atomicTarget resolves the first argument of an explicit atomic to the
// address of its memory and the memory's type: a reference local to a
// scalar, a field through a reference, or a @bpfglobal used in place (no
// global statement is needed: the update never rebinds the name).
func (f *fn) atomicTarget(e syntax.Expr) (*ssa.Value, *ssa.Type, bool) {
	var ptr *ssa.Value
	var t *ssa.Type
	switch x := e.(type) {
	case *syntax.Name:
		if f.used != nil {
			f.used[x.Id] = true
		}
		_, declared := f.globals[x.Id]
		if g := f.c.globals[x.Id]; g != nil && (declared || !f.assigned[x.Id]) {
			if g.readOnly {
				f.errorf(x.Sp, "'%s' is read-only configuration", x.Id)
				return nil, nil, false
			}
			ptr = f.b.Value(ssa.OpGlobal, ssa.PtrTo(ssa.PtrGlobal), pos(x.Sp))
			ptr.Aux = x.Id
			t = g.g.Type
			break
		}
		o := f.expr(x)
		if o.k == kBad {
			return nil, nil, false
		}
		if o.k != kRef || !o.t.IsScalar() {
			f.errorf(x.Sp, "%s", atomicTargetMsg).Hint("pass a reference such as p = m.lookup(k), a field p.f or a @bpfglobal")
			return nil, nil, false
		}
		ptr, t = o.v, o.t
	case *syntax.Attribute:
		base := f.expr(x.X)
		if base.k == kBad {
			return nil, nil, false
		}
		if base.k != kRef || base.t.Kind != ssa.KStruct || f.isKernelPtr(base) {
			f.errorf(x.Sp, "%s", atomicTargetMsg).Hint("the field must be reached through a map reference or a struct local")
			return nil, nil, false
		}
		fd, ok := f.fieldOf(base, x.Name, x.NameSpan)
		if !ok {
			return nil, nil, false
		}
		ptr, t = f.nullSafeFieldPtr(base.v, fd.Offset, pos(x.Sp)), fd.Type
	default:
		if o := f.expr(e); o.k == kBad {
			return nil, nil, false
		}
		f.errorf(e.Span(), "%s", atomicTargetMsg).Hint("a computed value has no memory to update")
		return nil, nil, false
	}
	if !t.IsInt() || t.Bits != 32 && t.Bits != 64 {
		f.errorf(e.Span(), "%s", atomicTargetMsg).Hint("this target is a %s", ctypeName(t))
		return nil, nil, false
	}
	return ptr, t, true
}
