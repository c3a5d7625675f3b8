package frontend

import (
	"github.com/pybpfc/pybpfc/internal/diag"
	"github.com/pybpfc/pybpfc/ssa"
)

// okind is what an expression denotes while it is being lowered.
type okind int

const (
	kBad   okind = iota // an error was reported; the operand is a poisoned 0
	kConst              // a constant expression (LANGUAGE.md 3.2.5), folded
	kVal                // a run-time scalar in v (int, bool or pointer)
	kRef                // a reference (nullable pointer v) to a value of type t
	kStr                // a string literal
	kVoid               // a call with no value
	kMap                // a map used as a method receiver
	kArr                // an array in memory (a str(N) or c_T * N field): v points to it
)

// operand is the result of lowering an expression. Constants stay
// symbolic until a run-time value is needed, so constant expressions are
// folded with exactly the language's semantics and can be diagnosed
// (division by zero, shift counts, implicit conversions that change them).
type operand struct {
	k okind
	t *ssa.Type // kConst/kVal: the value's C type; kRef: the pointee type
	v *ssa.Value
	c uint64 // kConst: the 64-bit register image (see truncBits)
	// explicit is set when a constant came through a c_T(...) conversion,
	// which silences the "does not fit" warning (LANGUAGE.md 3.5.4).
	explicit bool
	str      string
	m        *mapDecl
	sp       diag.Span
	// fresh marks a struct just made by S(): assigning it to a new local
	// adopts its stack slot instead of copying it.
	fresh bool
	// percpu marks a reference into a per-CPU map: no other CPU writes it,
	// so updates through it need no atomic instruction.
	percpu bool
}

func bad(sp diag.Span) operand { return operand{k: kBad, t: ssa.S32, sp: sp} }

func constOp(c uint64, t *ssa.Type, sp diag.Span) operand {
	return operand{k: kConst, t: t, c: truncBits(c, t), sp: sp}
}

// isNumeric reports whether the operand can take part in arithmetic.
func (o operand) isNumeric() bool {
	switch o.k {
	case kConst, kRef, kBad:
		return o.k != kRef || o.t.IsScalar()
	case kVal:
		return true
	}
	return false
}

// valueType is the C type of the operand's value (a reference's pointee).
func (o operand) valueType() *ssa.Type {
	if o.k == kVal && o.t.IsPtr() {
		return ssa.U64
	}
	return o.t
}
