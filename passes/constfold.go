package passes

import "github.com/pybpfc/pybpfc/ssa"

// constFold evaluates values whose operands are constants and applies the
// algebraic identities that hold under wrap-around arithmetic
// (LANGUAGE.md 3: signed overflow is defined, so nothing may assume it
// cannot happen). Evaluation is ssa.EvalOp, the interpreter's arithmetic,
// so a folded program computes exactly what the unfolded one would.
//
// A value folds in place (it becomes a Const, or a simpler op on the same
// or fewer operands, keeping its ID and position), or is replaced by an
// operand (x+0 is x) through the replacer. Blocks are walked in reverse
// postorder, so operands fold before their users and folds cascade in one
// walk; a few walks reach the fixed point that loops need.
//
// Folding an If on a constant condition changes the CFG and belongs to
// simplifycfg.
func constFold(f *ssa.Func, _ *Context) {
	for range 16 {
		fl := &folder{f: f, r: newReplacer(f)}
		for _, b := range f.ReversePostorder() {
			fl.b = b
			for fl.i = 0; fl.i < len(b.Values); fl.i++ {
				v := b.Values[fl.i]
				fl.r.resolveArgs(v)
				if fl.fold(v) {
					fl.changed = true
				}
			}
		}
		fl.r.apply(f)
		if !fl.changed {
			return
		}
	}
}

type folder struct {
	f       *ssa.Func
	r       *replacer
	b       *ssa.Block
	i       int // index of the value being folded in b.Values
	changed bool
}

func constBits(v *ssa.Value) (uint64, bool) {
	if v.Op != ssa.OpConst || !(v.Type.IsInt() || v.Type.IsBool()) {
		return 0, false
	}
	return ssa.ConstBits(v), true
}

func isConst(v *ssa.Value, bits uint64) bool {
	c, ok := constBits(v)
	return ok && c == ssa.Bits(v.Type, bits)
}

// toConst turns v into a constant in place.
func toConst(v *ssa.Value, bits uint64) {
	v.ResetArgs()
	v.Op = ssa.OpConst
	v.Aux = ""
	v.AuxInt = ssa.ConstAuxInt(v.Type, bits)
}

// rewrite turns v in place into op on args.
func rewrite(v *ssa.Value, op ssa.Op, args ...*ssa.Value) {
	for _, a := range args {
		a.Uses++ // hold them while ResetArgs lets go of the old ones
	}
	v.ResetArgs()
	v.Op = op
	for _, a := range args {
		v.AddArg(a)
		a.Uses--
	}
}

// constBefore makes a constant just before the value being folded, so it
// dominates it; cse merges duplicates later.
func (fl *folder) constBefore(t *ssa.Type, bits uint64) *ssa.Value {
	v := fl.b.Values[fl.i]
	c := fl.b.NewValueAt(fl.i, ssa.OpConst, t, v.Pos)
	c.AuxInt = ssa.ConstAuxInt(t, bits)
	fl.i++
	return c
}

func (fl *folder) replace(v, w *ssa.Value) bool { return fl.r.set(v, w) }

// inverse maps each comparison to its negation, for Not of a comparison.
var inverse = map[ssa.Op]ssa.Op{
	ssa.OpEq: ssa.OpNe, ssa.OpNe: ssa.OpEq,
	ssa.OpLt: ssa.OpGe, ssa.OpGe: ssa.OpLt, ssa.OpLe: ssa.OpGt, ssa.OpGt: ssa.OpLe,
	ssa.OpSLt: ssa.OpSGe, ssa.OpSGe: ssa.OpSLt, ssa.OpSLe: ssa.OpSGt, ssa.OpSGt: ssa.OpSLe,
}

// reflexive is the value of x OP x.
var reflexive = map[ssa.Op]uint64{
	ssa.OpEq: 1, ssa.OpLe: 1, ssa.OpGe: 1, ssa.OpSLe: 1, ssa.OpSGe: 1,
	ssa.OpNe: 0, ssa.OpLt: 0, ssa.OpGt: 0, ssa.OpSLt: 0, ssa.OpSGt: 0,
}

func (fl *folder) fold(v *ssa.Value) bool {
	if fl.r.replaced(v) || v.Op == ssa.OpConst || v.Op == ssa.OpPhi {
		return false
	}
	// All operands constant: evaluate. Pointer results stay as they are
	// (a constant pointer other than NULL is not IR, and the verifier
	// tracks pointers by how they were made).
	if len(v.Args) > 0 && (v.Type.IsInt() || v.Type.IsBool()) {
		ins := make([]uint64, len(v.Args))
		all := true
		for i, a := range v.Args {
			c, ok := constBits(a)
			if !ok {
				all = false
				break
			}
			ins[i] = c
		}
		if all {
			if r, ok := ssa.EvalOp(v.Op, v.Type, v.Args[0].Type, ins...); ok {
				toConst(v, r)
				return true
			}
		}
	}
	// A constant goes right in commutative ops, so the identities below
	// and cse see one shape.
	if v.Op.Info().Commutative && len(v.Args) == 2 {
		if _, c0 := constBits(v.Args[0]); c0 {
			if _, c1 := constBits(v.Args[1]); !c1 {
				x, y := v.Args[0], v.Args[1]
				rewrite(v, v.Op, y, x)
				fl.fold(v)
				return true
			}
		}
	}
	switch {
	case v.Op.IsBinaryArith():
		return fl.foldArith(v)
	case v.Op.IsCompare():
		return fl.foldCompare(v)
	}
	return fl.foldUnary(v)
}

func (fl *folder) foldArith(v *ssa.Value) bool {
	t := v.Type
	x, y := v.Args[0], v.Args[1]
	ones := ssa.Bits(t, ^uint64(0))
	cy, yc := constBits(y)
	if fl.identity(v, x, y, cy, yc, ones) {
		return true
	}
	switch v.Op {
	case ssa.OpAdd, ssa.OpMul, ssa.OpAnd, ssa.OpOr, ssa.OpXor:
		// (x op c1) op c2 = x op (c1 op c2): these ops are associative
		// modulo 2^N, so the regrouping is exact.
		if yc && x.Op == v.Op {
			if c1, ok := constBits(x.Args[1]); ok {
				r, _ := ssa.EvalOp(v.Op, t, t, c1, cy)
				rewrite(v, v.Op, x.Args[0], fl.constBefore(t, r))
				return true
			}
		}
	}
	return false
}

// identity applies the identities of binary arithmetic; they come before
// regrouping so that (x+c)+0 is x+c, not a second copy of it.
func (fl *folder) identity(v, x, y *ssa.Value, cy uint64, yc bool, ones uint64) bool {
	t := v.Type
	switch v.Op {
	case ssa.OpAdd:
		if yc && cy == 0 {
			return fl.replace(v, x)
		}
	case ssa.OpSub:
		switch {
		case x == y:
			toConst(v, 0)
			return true
		case yc && cy == 0:
			return fl.replace(v, x)
		case yc: // x - c = x + (-c), which joins the Add identities
			rewrite(v, ssa.OpAdd, x, fl.constBefore(t, -cy))
			return true
		case isConst(x, 0):
			rewrite(v, ssa.OpNeg, y)
			return true
		}
	case ssa.OpMul:
		switch {
		case yc && cy == 0:
			toConst(v, 0)
			return true
		case yc && cy == 1:
			return fl.replace(v, x)
		case yc && cy == ones:
			rewrite(v, ssa.OpNeg, x)
			return true
		}
	case ssa.OpDiv, ssa.OpSDiv:
		switch {
		case yc && cy == 0: // BPF: x/0 == 0
			toConst(v, 0)
			return true
		case yc && cy == 1:
			return fl.replace(v, x)
		case v.Op == ssa.OpSDiv && yc && cy == ones: // also MIN/-1 == MIN == -MIN
			rewrite(v, ssa.OpNeg, x)
			return true
		case isConst(x, 0):
			toConst(v, 0)
			return true
		}
		// Not x/x: it is 0, not 1, when x is 0.
	case ssa.OpMod, ssa.OpSMod:
		switch {
		case yc && cy == 0: // BPF: x%0 == x
			return fl.replace(v, x)
		case yc && (cy == 1 || v.Op == ssa.OpSMod && cy == ones):
			toConst(v, 0)
			return true
		case x == y, isConst(x, 0): // x%x is 0 also for x == 0
			toConst(v, 0)
			return true
		}
	case ssa.OpAnd:
		switch {
		case yc && cy == 0:
			toConst(v, 0)
			return true
		case yc && cy == ones, x == y:
			return fl.replace(v, x)
		}
	case ssa.OpOr:
		switch {
		case yc && cy == ones:
			toConst(v, ones)
			return true
		case yc && cy == 0, x == y:
			return fl.replace(v, x)
		}
	case ssa.OpXor:
		switch {
		case x == y:
			toConst(v, 0)
			return true
		case yc && cy == 0:
			return fl.replace(v, x)
		case yc && cy == ones:
			rewrite(v, ssa.OpCom, x)
			return true
		}
	case ssa.OpShl, ssa.OpShr, ssa.OpSar:
		w := uint64(t.Bits)
		switch {
		case yc && cy%w == 0:
			return fl.replace(v, x)
		case yc && cy >= w:
			// The count is used modulo the width (LANGUAGE.md 3.4.3):
			// say so, so the backend never sees an out-of-range count.
			v.SetArg(1, fl.constBefore(y.Type, cy%w))
			return true
		case isConst(x, 0), v.Op == ssa.OpSar && isConst(x, ones):
			return fl.replace(v, x)
		}
	}
	return false
}

func (fl *folder) foldCompare(v *ssa.Value) bool {
	x, y := v.Args[0], v.Args[1]
	if x == y {
		toConst(v, reflexive[v.Op])
		return true
	}
	cy, yc := constBits(y)
	switch v.Op {
	case ssa.OpEq, ssa.OpNe:
		// A bool compared with a constant is itself or its negation
		// (bools are 0 or 1).
		if x.Type.IsBool() && yc {
			if (v.Op == ssa.OpEq) == (cy == 1) {
				return fl.replace(v, x)
			}
			rewrite(v, ssa.OpNot, x)
			return true
		}
	case ssa.OpLt: // unsigned x < 0 never holds
		if yc && cy == 0 {
			toConst(v, 0)
			return true
		}
	case ssa.OpGe:
		if yc && cy == 0 {
			toConst(v, 1)
			return true
		}
	case ssa.OpGt:
		if isConst(x, 0) {
			toConst(v, 0)
			return true
		}
	case ssa.OpLe:
		if isConst(x, 0) {
			toConst(v, 1)
			return true
		}
	}
	return false
}

func (fl *folder) foldUnary(v *ssa.Value) bool {
	if len(v.Args) != 1 {
		return false
	}
	x := v.Args[0]
	switch v.Op {
	case ssa.OpNeg, ssa.OpCom, ssa.OpNot:
		if x.Op == v.Op { // involutions
			return fl.replace(v, x.Args[0])
		}
		if inv, ok := inverse[x.Op]; ok && v.Op == ssa.OpNot {
			rewrite(v, inv, x.Args[0], x.Args[1])
			return true
		}
	case ssa.OpZExt, ssa.OpSExt:
		// Extending twice is extending once; a zero-extended value's sign
		// bit is 0 (ZExt strictly widens), so sign-extending it further
		// is zero-extending.
		if x.Op == ssa.OpZExt || x.Op == v.Op {
			rewrite(v, x.Op, x.Args[0])
			return true
		}
	case ssa.OpTrunc:
		switch x.Op {
		case ssa.OpTrunc:
			v.SetArg(0, x.Args[0])
			return true
		case ssa.OpZExt, ssa.OpSExt:
			// The low bits of an extension are the bits of the original.
			src := x.Args[0]
			switch {
			case ssa.Same(src.Type, v.Type): // signless: the declared sign may differ
				return fl.replace(v, src)
			case src.Type.IsBool() || src.Type.Size() < v.Type.Size():
				rewrite(v, x.Op, src)
				return true
			case src.Type.Size() > v.Type.Size():
				v.SetArg(0, src)
				return true
			}
		}
	}
	return false
}
