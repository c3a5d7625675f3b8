package ssa

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"
)

// refInt is an oracle for EvalOp written independently of it, in Go's own
// typed arithmetic (which wraps like C on every width), with the BPF rules
// that differ from Go spelled out: division by zero, shift counts.
type refInt interface {
	~int8 | ~uint8 | ~int16 | ~uint16 | ~int32 | ~uint32 | ~int64 | ~uint64
}

func refEval[T refInt](op Op, x, y T, width uint) (T, bool, bool) {
	var zero T
	switch op {
	case OpAdd:
		return x + y, false, true
	case OpSub:
		return x - y, false, true
	case OpMul:
		return x * y, false, true
	case OpDiv, OpSDiv:
		if y == 0 {
			return 0, false, true
		}
		return x / y, false, true // Go defines MIN / -1 == MIN
	case OpMod, OpSMod:
		if y == 0 {
			return x, false, true
		}
		return x % y, false, true
	case OpAnd:
		return x & y, false, true
	case OpOr:
		return x | y, false, true
	case OpXor:
		return x ^ y, false, true
	case OpShl:
		return x << (uint64(y) % uint64(width)), false, true
	case OpShr, OpSar: // Go shifts signed types arithmetically, unsigned logically
		return x >> (uint64(y) % uint64(width)), false, true
	case OpNeg:
		return zero - x, false, true
	case OpCom:
		return ^x, false, true
	case OpEq:
		return zero, x == y, true
	case OpNe:
		return zero, x != y, true
	case OpLt, OpSLt:
		return zero, x < y, true
	case OpLe, OpSLe:
		return zero, x <= y, true
	case OpGt, OpSGt:
		return zero, x > y, true
	case OpGe, OpSGe:
		return zero, x >= y, true
	}
	return zero, false, false
}

var unsignedOps = []Op{OpAdd, OpSub, OpMul, OpDiv, OpMod, OpAnd, OpOr, OpXor, OpShl, OpShr, OpNeg, OpCom, OpEq, OpNe, OpLt, OpLe, OpGt, OpGe}
var signedOps = []Op{OpAdd, OpSub, OpMul, OpSDiv, OpSMod, OpAnd, OpOr, OpXor, OpShl, OpSar, OpNeg, OpCom, OpEq, OpNe, OpSLt, OpSLe, OpSGt, OpSGe}

func checkAgainstRef[T refInt](t *testing.T, typ *Type, ops []Op, x, y T) {
	t.Helper()
	for _, op := range ops {
		want, wantB, _ := refEval(op, x, y, uint(typ.Bits))
		rt := typ
		if op.IsCompare() {
			rt = Bool
		}
		var args []uint64
		if op.Info().Args == 1 {
			args = []uint64{uint64(x)}
		} else {
			args = []uint64{uint64(x), uint64(y)}
		}
		got, ok := EvalOp(op, rt, typ, args...)
		if !ok {
			t.Fatalf("EvalOp(%s, %s) not ok", op, typ)
		}
		if op.IsCompare() {
			if got != b2u(wantB) {
				t.Fatalf("%s <%s> %d %d = %d, want %v", op, typ, x, y, got, wantB)
			}
		} else if got != Bits(typ, uint64(want)) {
			t.Fatalf("%s <%s> %d %d = %#x, want %#x", op, typ, x, y, got, Bits(typ, uint64(want)))
		}
	}
}

func TestEvalOpExhaustive8Bit(t *testing.T) {
	for x := 0; x < 256; x++ {
		for y := 0; y < 256; y++ {
			checkAgainstRef(t, U8, unsignedOps, uint8(x), uint8(y))
			checkAgainstRef(t, S8, signedOps, int8(x), int8(y))
		}
	}
}

func edgeAndRandom(r *rand.Rand, bits int) []uint64 {
	vs := []uint64{0, 1, 2, 3, 7, 8, 15, 16, 31, 32, 33, 63, 64, 65, 127, 128, 255}
	top := uint64(1) << uint(bits-1)
	vs = append(vs, top, top-1, top+1, 2*top-1, 2*top-2, ^uint64(0), ^uint64(0)-1)
	for i := 0; i < 40; i++ {
		vs = append(vs, r.Uint64())
	}
	return vs
}

func TestEvalOpWideAgainstGo(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	for _, bits := range []int{16, 32, 64} {
		vs := edgeAndRandom(r, bits)
		for _, x := range vs {
			for _, y := range vs {
				switch bits {
				case 16:
					checkAgainstRef(t, U16, unsignedOps, uint16(x), uint16(y))
					checkAgainstRef(t, S16, signedOps, int16(x), int16(y))
				case 32:
					checkAgainstRef(t, U32, unsignedOps, uint32(x), uint32(y))
					checkAgainstRef(t, S32, signedOps, int32(x), int32(y))
				case 64:
					checkAgainstRef(t, U64, unsignedOps, x, y)
					checkAgainstRef(t, S64, signedOps, int64(x), int64(y))
				}
			}
		}
	}
}

func TestEvalOpConversions(t *testing.T) {
	cases := []struct {
		op       Op
		to, from *Type
		x, want  uint64
	}{
		{OpZExt, U64, U32, 0xFFFFFFFF, 0xFFFFFFFF},
		{OpZExt, U64, S8, 0x80, 0x80},
		{OpSExt, U64, S8, 0x80, 0xFFFFFFFFFFFFFF80},
		{OpSExt, S32, S16, 0x8000, 0xFFFF8000},
		{OpSExt, U64, U32, 0x80000000, 0xFFFFFFFF80000000}, // SExt means the op, not the type
		{OpSExt, S64, Bool, 1, 1},                          // bool is never sign-extended
		{OpZExt, U32, Bool, 1, 1},
		{OpTrunc, U16, U32, 70000, 4464},
		{OpTrunc, S8, S64, 0xFFFFFFFFFFFFFF80, 0x80},
		{OpNot, Bool, Bool, 1, 0},
		{OpNot, Bool, Bool, 0, 1},
		{OpPtrToInt, U64, PtrTo(PtrStack), 0x100000008, 0x100000008},
		// A count is used modulo the width, whatever its type.
		{OpShl, U32, U32, 1, 2}, // args filled below
	}
	for _, c := range cases[:len(cases)-1] {
		got, ok := EvalOp(c.op, c.to, c.from, c.x)
		if !ok || got != c.want {
			t.Errorf("%s <%s> from %s of %#x = %#x (%v), want %#x", c.op, c.to, c.from, c.x, got, ok, c.want)
		}
	}
	if got, _ := EvalOp(OpShl, U32, U32, 1, 33); got != 2 {
		t.Errorf("u32 1 << 33 = %d, want 2", got)
	}
	if got, _ := EvalOp(OpShl, S64, S64, 1, 40); got != 1<<40 {
		t.Errorf("s64 1 << 40 = %d", got)
	}
	if _, ok := EvalOp(OpLoad, U32, PtrTo(PtrStack), 0); ok {
		t.Error("EvalOp evaluated a Load")
	}
	if _, ok := EvalOp(OpAdd, Bool, Bool, 1, 1); ok {
		t.Error("EvalOp added bools")
	}
}

func TestConstAuxIntSpellings(t *testing.T) {
	if ConstAuxInt(U32, 0xFFFFFFFF) != -1 || ConstAuxInt(U8, 4) != 4 || ConstAuxInt(Bool, 1) != 1 {
		t.Error("ConstAuxInt does not sign-extend the bits")
	}
	for _, aux := range []int64{-1, 0xFFFFFFFF} {
		v := &Value{Op: OpConst, Type: U32, AuxInt: aux}
		if ConstBits(v) != 0xFFFFFFFF {
			t.Errorf("ConstBits of [%d] = %#x", aux, ConstBits(v))
		}
	}
}

func mustInterp(t *testing.T, text string, args ...uint64) uint64 {
	t.Helper()
	m, err := Parse(text)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range m.Funcs {
		if err := Check(f); err != nil {
			t.Fatalf("%v\n%s", err, text)
		}
	}
	r, err := Interp(m.Funcs[0], args, nil)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// expr wraps straight-line values into a function returning the last one.
func expr(ret string, body ...string) string {
	var b strings.Builder
	b.WriteString("func f() " + ret + " @1:1\nb0:\n")
	for i, l := range body {
		b.WriteString("  v" + itoa(i) + " = " + l + " @1:1\n")
	}
	b.WriteString("  Ret v" + itoa(len(body)-1) + " @1:1\n")
	return b.String()
}

func itoa(i int) string { return fmt.Sprintf("%02d", i) }

// TestWorkedExamples runs every line of LANGUAGE.md 3.8, lowered by hand the
// way 3.3–3.5 say the frontend lowers it. Results are 64-bit registers:
// signed results come back sign-extended.
func TestWorkedExamples(t *testing.T) {
	neg := func(x int64) uint64 { return uint64(x) }
	cases := []struct {
		name string
		text string
		want uint64
	}{
		{"u32 max + 1 widened", expr("u64", "Const <u32> [4294967295]", "Const <u32> [1]", "Add <u32> v00 v01", "ZExt <u64> v02"), 0},
		{"s32 -1 + u32 0", expr("s64", "Const <u32> [-1]", "Const <u32> [0]", "Add <u32> v00 v01", "ZExt <s64> v02"), 4294967295},
		{"u32 10 / -2", expr("u32", "Const <u32> [10]", "Const <u32> [-2]", "Div <u32> v00 v01"), 0},
		{"s32 -7 / 2", expr("s32", "Const <s32> [-7]", "Const <s32> [2]", "SDiv <s32> v00 v01"), neg(-3)},
		{"s32 -7 % 2", expr("s32", "Const <s32> [-7]", "Const <s32> [2]", "SMod <s32> v00 v01"), neg(-1)},
		{"s64 -9 % u32 4", expr("s64", "Const <s64> [-9]", "Const <u32> [4]", "ZExt <s64> v01", "SMod <s64> v00 v02"), neg(-1)},
		{"u32 0xF0000000 >> 4", expr("u32", "Const <u32> [4026531840]", "Const <s32> [4]", "Shr <u32> v00 v01"), 0x0F000000},
		{"s32 -16 >> 2", expr("s32", "Const <s32> [-16]", "Const <s32> [2]", "Sar <s32> v00 v01"), neg(-4)},
		{"s32 -16 >> u32 2", expr("s32", "Const <s32> [-16]", "Const <u32> [2]", "Sar <s32> v00 v01"), neg(-4)},
		{"u8 0x80 << 24", expr("s32", "Const <u8> [128]", "ZExt <s32> v00", "Const <s32> [24]", "Shl <s32> v01 v02"), neg(-2147483648)},
		{"s64 1 << u8 40", expr("s64", "Const <s64> [1]", "Const <u8> [40]", "Shl <s64> v00 v01"), 1099511627776},
		{"1 << 31", expr("s32", "Const <s32> [1]", "Const <s32> [31]", "Shl <s32> v00 v01"), neg(-2147483648)},
		{"u64 10 > s64 -1", expr("bool", "Const <u64> [10]", "Const <u64> [-1]", "Gt <bool> v00 v01"), 0},
		{"s64 10 > s64 -1", expr("bool", "Const <s64> [10]", "Const <s64> [-1]", "SGt <bool> v00 v01"), 1},
		{"u32 0x80000000 * 2", expr("u64", "Const <u32> [2147483648]", "Const <u32> [2]", "Mul <u32> v00 v01", "ZExt <u64> v02"), 0},
		{"s32 max + 1", expr("s32", "Const <s32> [2147483647]", "Const <s32> [1]", "Add <s32> v00 v01"), neg(-2147483648)},
		{"u8 250 + u8 10", expr("s32", "Const <u8> [250]", "ZExt <s32> v00", "Const <u8> [10]", "ZExt <s32> v02", "Add <s32> v01 v03"), 260},
		{"u8 250 + u8 10 stored", expr("u8", "Const <u8> [250]", "ZExt <s32> v00", "Const <u8> [10]", "ZExt <s32> v02", "Add <s32> v01 v03", "Trunc <u8> v04"), 4},
		{"s8 -1 to u64", expr("u64", "Const <s8> [-1]", "SExt <u64> v00"), 18446744073709551615},
		{"u16(70000)", expr("u16", "Const <s32> [70000]", "Trunc <u16> v00"), 4464},
		{"bool(5)", expr("bool", "Const <s32> [5]", "Const <s32> [0]", "Ne <bool> v00 v01"), 1},
		{"True + True", expr("s32", "Const <bool> [1]", "ZExt <s32> v00", "Add <s32> v01 v01"), 2},
		{"5000000000 + 1", expr("s64", "Const <s64> [5000000000]", "Const <s64> [1]", "Add <s64> v00 v01"), 5000000001},
		{"0xFFFFFFFF + 1", expr("s64", "Const <s64> [4294967295]", "Const <s64> [1]", "Add <s64> v00 v01"), 4294967296},
		{"u32 3 - 5", expr("u32", "Const <u32> [3]", "Const <u32> [5]", "Sub <u32> v00 v01"), 4294967294},
		{"-u32 1", expr("u32", "Const <u32> [1]", "Neg <u32> v00"), 4294967295},
		{"s32 MIN / -1", expr("s32", "Const <s32> [-2147483648]", "Const <s32> [-1]", "SDiv <s32> v00 v01"), neg(-2147483648)},
		{"s32 MIN % -1", expr("s32", "Const <s32> [-2147483648]", "Const <s32> [-1]", "SMod <s32> v00 v01"), 0},
		{"s64 MIN / -1", expr("s64", "Const <s64> [-9223372036854775808]", "Const <s64> [-1]", "SDiv <s64> v00 v01"), 1 << 63},
		{"x / 0", expr("u32", "Const <u32> [7]", "Const <u32> [0]", "Div <u32> v00 v01"), 0},
		{"x % 0", expr("s32", "Const <s32> [-7]", "Const <s32> [0]", "SMod <s32> v00 v01"), neg(-7)},
		{"s64 2147483647 + 1", expr("s64", "Const <s64> [2147483647]", "Const <s64> [1]", "Add <s64> v00 v01"), 2147483648},
	}
	for _, c := range cases {
		if got := mustInterp(t, c.text); got != c.want {
			t.Errorf("%s: got %d (%#x), want %d (%#x)\n%s", c.name, got, got, c.want, c.want, c.text)
		}
	}
}

func TestInterpRuntimeShiftCount(t *testing.T) {
	text := `func f(n u32) u32 @1:1
b0:
  v0 = Const <u32> [1] @1:1
  v1 = Arg <u32> [0] @1:1
  v2 = Shl <u32> v0 v1 @1:1
  Ret v2 @1:1
`
	if got := mustInterp(t, text, 33); got != 2 {
		t.Errorf("1 << 33 on u32 = %d, want 2", got)
	}
	if got := mustInterp(t, text, 1<<32|3); got != 8 {
		t.Errorf("argument not reduced to u32: %d", got)
	}
}

// The loop swaps two phis each iteration: phis must read the old values.
func TestInterpPhisAreParallel(t *testing.T) {
	text := `func f(n s64) s64 @1:1
b0:
  v0 = Const <s64> [1] @1:1
  v1 = Const <s64> [2] @1:1
  v2 = Arg <s64> [0] @1:1
  v3 = Const <s64> [0] @1:1
  Jump b1 @1:1
b1: <- b0 b2
  v4 = Phi <s64> v0 v5 @1:1
  v5 = Phi <s64> v1 v4 @1:1
  v6 = Phi <s64> v2 v8 @1:1
  v7 = Ne <bool> v6 v3 @1:1
  If v7 -> b2 b3 @1:1
b2: <- b1
  v9 = Const <s64> [1] @1:1
  v8 = Sub <s64> v6 v9 @1:1
  Jump b1 @1:1
b3: <- b1
  v10 = Const <s64> [10] @1:1
  v11 = Mul <s64> v4 v10 @1:1
  v12 = Add <s64> v11 v5 @1:1
  Ret v12 @1:1
`
	if got := mustInterp(t, text, 3); got != 21 {
		t.Errorf("after 3 swaps want 21, got %d", got)
	}
	if got := mustInterp(t, text, 4); got != 12 {
		t.Errorf("after 4 swaps want 12, got %d", got)
	}
}

type recordEnv struct{ calls []string }

func (e *recordEnv) Call(id int64, name string, args []uint64) uint64 {
	e.calls = append(e.calls, name)
	if len(args) > 0 {
		return args[0] + uint64(id)
	}
	return uint64(id)
}

func TestInterpMemoryCallsAndGlobals(t *testing.T) {
	text := `license "GPL"
map counts hash key=u32 value=u64 max_entries=16 @1:1
global total u64 40 .data @1:1

func main(x s32) s64 "xdp" @1:1
b0:
  v0 = Alloca <ptr.stack> [16] {buf} @1:1
  v1 = Arg <s32> [0] @1:1
  v2 = Zero <void> [16] v0 @1:1
  v3 = OffPtr <ptr.stack> [4] v0 @1:1
  v4 = Store <void> v3 v1 @1:1
  v5 = Const <s64> [4] @1:1
  v6 = AddPtr <ptr.stack> v0 v5 @1:1
  v7 = Load <s64> v6 @1:1
  v8 = Global <ptr.global> {total} @1:1
  v9 = Load <s64> v8 @1:1
  v10 = Add <s64> v7 v9 @1:1
  v11 = CallSub <s64> {twice} v10 @1:1
  v12 = Global <ptr.map> {counts} @1:1
  v13 = Call <s64> [5] {ktime_get_ns} v11 @1:1
  v14 = String <ptr.global> {"hi"} @1:1
  v15 = Load <u8> v14 @1:1
  v16 = ZExt <s64> v15 @1:1
  v17 = Add <s64> v13 v16 @1:1
  v18 = Load <s64> v8 @1:1
  v19 = Add <s64> v17 v18 @1:1
  Ret v19 @1:1

func twice(y s64) s64 @2:1
b0:
  v0 = Arg <s64> [0] @2:1
  v1 = Add <s64> v0 v0 @2:1
  v2 = Global <ptr.global> {total} @2:1
  v3 = Store <void> v2 v1 @2:1
  Ret v1 @2:1
`
	m, err := Parse(text)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range m.Funcs {
		if err := Check(f); err != nil {
			t.Fatal(err)
		}
	}
	// x = -3 stored as 4 bytes at offset 4, read back as 8 bytes: the upper
	// half is the zero from Zero. total = 40, so y = 2*(0xFFFFFFFD + 40).
	env := &recordEnv{}
	got, err := Interp(m.Funcs[0], []uint64{uint64(0xFFFFFFFD)}, env)
	if err != nil {
		t.Fatal(err)
	}
	y := 2 * (uint64(0xFFFFFFFD) + 40)
	want := y + 5 + 'h' + y // helper adds its id; the callee stored y into total
	if got != want || len(env.calls) != 1 || env.calls[0] != "ktime_get_ns" {
		t.Errorf("got %d, want %d (calls %v)", got, want, env.calls)
	}
	if _, err := Interp(m.Funcs[0], []uint64{1}, nil); err == nil || !strings.Contains(err.Error(), "no environment") {
		t.Errorf("helper call with nil env: %v", err)
	}
}

func TestInterpErrors(t *testing.T) {
	cases := map[string]string{
		"step limit": `func f() s64 @1:1
b0:
  Jump b1 @1:1
b1: <- b0 b1
  Jump b1 @1:1
`,
		"Unreachable": `func f() s64 @1:1
b0:
  Unreachable @1:1
`,
		"not a valid pointer": `func f() s64 @1:1
b0:
  v0 = Const <ptr.mapval> [0] @1:1
  v1 = Load <s64> v0 @1:1
  Ret v1 @1:1
`,
		"8-byte object": `func f() s64 @1:1
b0:
  v0 = Alloca <ptr.stack> [8] {x} @1:1
  v1 = OffPtr <ptr.stack> [4] v0 @1:1
  v2 = Load <s64> v1 @1:1
  Ret v2 @1:1
`,
		"no subprogram": `func f() s64 @1:1
b0:
  v0 = CallSub <s64> {g} @1:1
  Ret v0 @1:1
`,
		"nested deeper": `func f() s64 @1:1
b0:
  v0 = CallSub <s64> {f} @1:1
  Ret v0 @1:1
`,
	}
	for want, text := range cases {
		f, err := ParseFunc(text)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := Interp(f, nil, nil); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("want an error about %q, got %v", want, err)
		}
	}
}

// String contents are read-only, so equal contents share one copy: merging
// two equal String values must not change what a comparison of them gives.
func TestInterpInternsStrings(t *testing.T) {
	text := `func f() bool @1:1
b0:
  v0 = String <ptr.global> {"ab"} @1:1
  v1 = String <ptr.global> {"ab"} @1:1
  v2 = String <ptr.global> {"abc"} @1:1
  v3 = Eq <bool> v0 v1 @1:1
  v4 = Ne <bool> v0 v2 @1:1
  v5 = Eq <bool> v3 v4 @1:1
  Ret v5 @1:1
`
	if got := mustInterp(t, text); got != 1 {
		t.Error("equal strings should share an address, different ones not")
	}
}

// IR integers are signless: a narrow AddPtr offset is read as signed, so
// a u32 0xFFFFFFFC and an s32 -4 both step back 4 bytes.
func TestInterpAddPtrNarrowOffset(t *testing.T) {
	for _, ty := range []string{"s32", "u32"} {
		text := `func f() s64 @1:1
b0:
  v0 = Alloca <ptr.stack> [16] {buf} @1:1
  v1 = OffPtr <ptr.stack> [8] v0 @1:1
  v2 = Const <s64> [77] @1:1
  v3 = Store <void> v0 v2 @1:1
  v4 = Const <` + ty + `> [-8] @1:1
  v5 = AddPtr <ptr.stack> v1 v4 @1:1
  v6 = Load <s64> v5 @1:1
  Ret v6 @1:1
`
		if got := mustInterp(t, text); got != 77 {
			t.Errorf("%s offset: got %d", ty, got)
		}
	}
}

type limitEnv struct{ recordEnv }

func (limitEnv) StepLimit() int { return 1000 }

func TestInterpEnvStepLimit(t *testing.T) {
	f, err := ParseFunc(`func f() s64 @1:1
b0:
  Jump b1 @1:1
b1: <- b0 b1
  Jump b1 @1:1
`)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Interp(f, nil, &limitEnv{}); err == nil || !strings.Contains(err.Error(), "step limit of 1000") {
		t.Errorf("want the env's step limit, got %v", err)
	}
}
