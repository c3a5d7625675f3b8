package backend

import (
	"github.com/llir/llvm/ir/constant"
	"github.com/llir/llvm/ir/enum"
	"github.com/llir/llvm/ir/types"
	"github.com/llir/llvm/ir/value"
	"github.com/pybpfc/pybpfc/ssa"
)

// The language defines what LLVM leaves undefined (LANGUAGE.md 3.4):
// x/0 == 0, x%0 == x, MIN/-1 == MIN with remainder 0, shift counts modulo
// the width. LLVM treats division by zero as UB and over-wide shifts as
// poison, and clang -O2 exploits both, so every such operation is guarded
// here without UB: the guards cost a compare and a select, which LLVM
// removes whenever it can prove the divisor non-zero or the count in range.

// constArg returns the sign-extended value of an integer constant argument.
func constArg(v *ssa.Value) (int64, bool) {
	if v.Op != ssa.OpConst || !v.Type.IsInt() {
		return 0, false
	}
	return signExtend(v.AuxInt, v.Type.Bits), true
}

// unsignedDivMod: udiv/urem by select(b == 0, 1, b), then the zero case
// picked by a select (0 for /, the dividend for %).
func (l *funcLower) unsignedDivMod(v *ssa.Value, rem bool) value.Value {
	b := l.cur
	x, y := l.val(v.Args[0]), l.val(v.Args[1])
	bits := v.Type.Bits
	if c, ok := constArg(v.Args[1]); ok {
		switch {
		case c == 0 && rem:
			return x
		case c == 0:
			return intConst(bits, 0)
		case rem:
			return b.NewURem(x, y)
		}
		return b.NewUDiv(x, y)
	}
	isZero := b.NewICmp(enum.IPredEQ, y, intConst(bits, 0))
	d := b.NewSelect(isZero, intConst(bits, 1), y)
	if rem {
		return b.NewSelect(isZero, x, b.NewURem(x, d))
	}
	return b.NewSelect(isZero, intConst(bits, 0), b.NewUDiv(x, d))
}

// signedDivMod emulates sdiv/srem with unsigned division of the absolute
// values: LLVM's BPF backend refuses signed division before -mcpu=v4
// ("unsupported signed division"). |MIN| is 2^(N-1) as an unsigned
// number, so MIN/-1 gives 2^(N-1) negated, which is MIN again, and the
// remainder is 0, exactly as the language says.
func (l *funcLower) signedDivMod(v *ssa.Value, rem bool) value.Value {
	b := l.cur
	x, y := l.val(v.Args[0]), l.val(v.Args[1])
	bits := v.Type.Bits
	zero := intConst(bits, 0)
	xNeg := b.NewICmp(enum.IPredSLT, x, zero)
	absX := b.NewSelect(xNeg, b.NewSub(zero, x), x)
	// The quotient is negative when the signs differ; the remainder takes
	// the dividend's sign.
	fixSign := func(q value.Value, neg value.Value) value.Value {
		return b.NewSelect(neg, b.NewSub(zero, q), q)
	}
	if c, ok := constArg(v.Args[1]); ok {
		switch {
		case c == 0 && rem:
			return x
		case c == 0:
			return zero
		case c == -1 && rem:
			return zero
		case c == -1:
			return b.NewSub(zero, x) // wraps: -MIN == MIN
		}
		absC := c
		if c < 0 {
			absC = -c
		}
		d := intConst(bits, absC)
		if rem {
			return fixSign(b.NewURem(absX, d), xNeg)
		}
		q := b.NewUDiv(absX, d)
		if c < 0 {
			return fixSign(q, b.NewXor(xNeg, constant.True))
		}
		return fixSign(q, xNeg)
	}
	yNeg := b.NewICmp(enum.IPredSLT, y, zero)
	absY := b.NewSelect(yNeg, b.NewSub(zero, y), y)
	isZero := b.NewICmp(enum.IPredEQ, y, zero)
	d := b.NewSelect(isZero, intConst(bits, 1), absY)
	if rem {
		r := fixSign(b.NewURem(absX, d), xNeg)
		return b.NewSelect(isZero, x, r)
	}
	q := fixSign(b.NewUDiv(absX, d), b.NewXor(xNeg, yNeg))
	return b.NewSelect(isZero, zero, q)
}

// shift brings the count to the value's width and masks it to the low
// log2(width) bits, so a runtime count behaves as modulo the width instead
// of producing poison.
func (l *funcLower) shift(v *ssa.Value) value.Value {
	b := l.cur
	x := l.val(v.Args[0])
	bits := v.Type.Bits
	var n value.Value
	if c, ok := constArg(v.Args[1]); ok {
		n = intConst(bits, c&int64(bits-1))
	} else {
		n = l.val(v.Args[1])
		ct := v.Args[1].Type
		lt := types.NewInt(uint64(bits))
		switch {
		case ct.IsBool():
			n = b.NewZExt(n, lt)
		case ct.Bits > bits:
			n = b.NewTrunc(n, lt)
		case ct.Bits < bits:
			// Only the low bits matter, so the count's sign does not.
			n = b.NewZExt(n, lt)
		}
		n = b.NewAnd(n, intConst(bits, int64(bits-1)))
	}
	switch v.Op {
	case ssa.OpShl:
		return b.NewShl(x, n)
	case ssa.OpShr:
		return b.NewLShr(x, n)
	}
	return b.NewAShr(x, n)
}
