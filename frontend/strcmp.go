package frontend

import (
	"github.com/pybpfc/pybpfc/internal/diag"
	"github.com/pybpfc/pybpfc/ssa"
)

const helperStrncmp = 182

// stringCompare lowers `x.name == "bash"` and `!=` (LANGUAGE.md 4.4.5):
// the NUL-terminated contents of a str(N) field against a string literal,
// with bpf_strncmp (helper 182, available to every program type). ok is
// false when the operands are not a char array and a literal.
func (f *fn) stringCompare(x operand, op string, y operand, sp diag.Span) (operand, bool) {
	if x.k == kStr && y.k == kArr {
		x, y = y, x
	}
	if x.k != kArr || y.k != kStr || x.t.Elem.Bits != 8 || (op != "==" && op != "!=") {
		return operand{}, false
	}
	p := pos(sp)
	want := op == "=="
	if len(y.str) >= x.t.Len {
		// The field holds at most N-1 characters before its NUL.
		f.c.warnf(y.sp, "\"%s\" is longer than the str(%d) field can hold; the comparison is always %v", y.str, x.t.Len, !want)
		return constOp(b2u(!want), ssa.Bool, sp), true
	}
	key := new(int)
	f.b.DeclareVariable(key, ssa.Bool)
	f.b.WriteVariable(key, f.b.Const(ssa.Bool, 0, p)) // a NULL reference equals nothing
	compare := func() {
		lit := f.b.Value(ssa.OpString, ssa.PtrTo(ssa.PtrGlobal), p)
		lit.Aux = y.str
		r := f.helperCall(helperStrncmp, "strncmp", ssa.S64, p, x.v, f.b.Const(ssa.U32, int64(x.t.Len), p), lit)
		f.b.WriteVariable(key, f.b.Value(ssa.OpEq, ssa.Bool, p, r, f.b.Const(ssa.S64, 0, p)))
	}
	if x.v.Type.Ptr.Nullable() {
		f.when(f.b.Value(ssa.OpNe, ssa.Bool, p, x.v, f.b.Const(x.v.Type, 0, p)), p, compare)
	} else {
		compare()
	}
	eq := f.b.ReadVariable(key, p)
	if !want {
		eq = f.b.Value(ssa.OpNot, ssa.Bool, p, eq)
	}
	return operand{k: kVal, t: ssa.Bool, v: eq, sp: sp}, true
}
