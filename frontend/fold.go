package frontend

import (
	"strconv"

	"github.com/pybpfc/pybpfc/ssa"
)

// foldOp evaluates an IR op on constants of type t (operands already
// converted to t, each held as the 64-bit register image of its value, see
// truncBits). The semantics are LANGUAGE.md 3.4 exactly, including the
// runtime-zero rules, so constant expressions and run-time code agree.
func foldOp(op ssa.Op, t *ssa.Type, a, b uint64) uint64 {
	bits := t.Bits
	if t.IsBool() {
		bits = 1
	}
	mask := uint64(1)<<bits - 1
	if bits >= 64 {
		mask = ^uint64(0)
	}
	ua, ub := a&mask, b&mask
	sa, sb := int64(truncBits(a, ssa.IntType(max(bits, 8), true))), int64(truncBits(b, ssa.IntType(max(bits, 8), true)))
	if bits < 8 {
		sa, sb = int64(a), int64(b)
	}
	var r uint64
	switch op {
	case ssa.OpAdd:
		r = a + b
	case ssa.OpSub:
		r = a - b
	case ssa.OpMul:
		r = a * b
	case ssa.OpDiv:
		if ub != 0 {
			r = ua / ub
		}
	case ssa.OpMod:
		r = ua
		if ub != 0 {
			r = ua % ub
		}
	case ssa.OpSDiv:
		switch {
		case sb == 0:
			r = 0
		case sb == -1:
			r = uint64(-sa) // MIN / -1 wraps to MIN
		default:
			r = uint64(sa / sb)
		}
	case ssa.OpSMod:
		switch {
		case sb == 0:
			r = uint64(sa)
		case sb == -1:
			r = 0
		default:
			r = uint64(sa % sb)
		}
	case ssa.OpAnd:
		r = a & b
	case ssa.OpOr:
		r = a | b
	case ssa.OpXor:
		r = a ^ b
	case ssa.OpShl:
		r = ua << (b % uint64(bits))
	case ssa.OpShr:
		r = ua >> (b % uint64(bits))
	case ssa.OpSar:
		r = uint64(sa >> (b % uint64(bits)))
	case ssa.OpEq:
		r = b2u(ua == ub)
	case ssa.OpNe:
		r = b2u(ua != ub)
	case ssa.OpLt:
		r = b2u(ua < ub)
	case ssa.OpLe:
		r = b2u(ua <= ub)
	case ssa.OpGt:
		r = b2u(ua > ub)
	case ssa.OpGe:
		r = b2u(ua >= ub)
	case ssa.OpSLt:
		r = b2u(sa < sb)
	case ssa.OpSLe:
		r = b2u(sa <= sb)
	case ssa.OpSGt:
		r = b2u(sa > sb)
	case ssa.OpSGe:
		r = b2u(sa >= sb)
	default:
		panic("BUG: foldOp of " + op.String())
	}
	if op.IsCompare() {
		return r
	}
	return truncBits(r, t)
}

func b2u(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}

// constString prints a constant of type t as its C value.
func constString(c uint64, t *ssa.Type) string {
	if t.IsInt() && t.Signed {
		return strconv.FormatInt(int64(truncBits(c, t)), 10)
	}
	return strconv.FormatUint(truncBits(c, t), 10)
}

// binOps maps a Python operator to the IR op for signed and unsigned
// operands.
var binOps = map[string][2]ssa.Op{
	"+": {ssa.OpAdd, ssa.OpAdd}, "-": {ssa.OpSub, ssa.OpSub}, "*": {ssa.OpMul, ssa.OpMul},
	"/": {ssa.OpSDiv, ssa.OpDiv}, "//": {ssa.OpSDiv, ssa.OpDiv}, "%": {ssa.OpSMod, ssa.OpMod},
	"&": {ssa.OpAnd, ssa.OpAnd}, "|": {ssa.OpOr, ssa.OpOr}, "^": {ssa.OpXor, ssa.OpXor},
	"<<": {ssa.OpShl, ssa.OpShl}, ">>": {ssa.OpSar, ssa.OpShr},
}

var cmpOps = map[string][2]ssa.Op{
	"==": {ssa.OpEq, ssa.OpEq}, "!=": {ssa.OpNe, ssa.OpNe}, "is": {ssa.OpEq, ssa.OpEq}, "is not": {ssa.OpNe, ssa.OpNe},
	"<": {ssa.OpSLt, ssa.OpLt}, "<=": {ssa.OpSLe, ssa.OpLe}, ">": {ssa.OpSGt, ssa.OpGt}, ">=": {ssa.OpSGe, ssa.OpGe},
}

func pick(ops [2]ssa.Op, t *ssa.Type) ssa.Op {
	if t.IsInt() && t.Signed {
		return ops[0]
	}
	return ops[1]
}
