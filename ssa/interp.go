package ssa

import (
	"encoding/binary"
	"fmt"
)

// The reference interpreter. It is the oracle of the differential tests: an
// optimisation is correct when Interp gives the same result before and
// after it, and the compiled program is correct when the kernel gives the
// result Interp gives. So it implements LANGUAGE.md 3.3–3.5 literally and
// shares its arithmetic (EvalOp) with constant folding: a fold can never
// disagree with execution.
//
// Inside the interpreter a value is held as its bits: the low N bits of a
// uint64 for an N-bit integer, zero above (Bits). IR integers are signless
// (Same ignores the sign; ops such as SDiv, SLt and SExt say how they read
// the bits), so nothing here depends on the sign a value's type was
// declared with. The one exception is the boundary of the whole run: the
// result is widened by the sign of the function's declared result type
// (Extend), as the kernel sees a returned int.

// InterpEnv supplies helper calls (OpCall) to Interp.
type InterpEnv interface {
	// Call runs helper id (named name for messages) with its arguments'
	// bits (zero-extended to 64) and returns r0.
	Call(id int64, name string, args []uint64) uint64
}

// InterpMemEnv is an InterpEnv whose helpers also need the interpreter's
// memory (map lookups that return pointers, probe_read that writes).
type InterpMemEnv interface {
	InterpEnv
	CallMem(mem *InterpMemory, id int64, name string, args []uint64) uint64
}

// InterpLimitEnv is an InterpEnv that sets its own step limit (tests that
// run loops that never end do not want to wait for ten million steps).
type InterpLimitEnv interface {
	InterpEnv
	StepLimit() int
}

// InterpStepLimit bounds the values and blocks Interp executes, so a
// non-terminating loop is an error instead of a hang.
const InterpStepLimit = 10_000_000

const interpMaxDepth = 64 // BPF allows 8 frames; deeper means runaway recursion

// Bits returns x reduced to t's width: the low N bits of an N-bit integer,
// 0 or 1 for bool, all 64 bits of a pointer.
func Bits(t *Type, x uint64) uint64 {
	switch t.Kind {
	case KBool:
		if x&0xff != 0 {
			return 1
		}
		return 0
	case KInt:
		if t.Bits < 64 {
			return x & (1<<uint(t.Bits) - 1)
		}
	}
	return x
}

// Extend widens x's bits to 64 by t's sign: how Interp returns the result
// of a function declared to return t.
func Extend(t *Type, x uint64) uint64 {
	x = Bits(t, x)
	if t.Kind == KInt && t.Signed {
		return uint64(signExtend(x, t.Bits))
	}
	return x
}

func signExtend(x uint64, bits int) int64 {
	s := uint(64 - bits)
	return int64(x<<s) >> s
}

// ConstBits is the bits of constant v, whatever spelling its AuxInt has
// (sign-extended, as op.go asks, or zero-extended, as a person may write).
func ConstBits(v *Value) uint64 { return Bits(v.Type, uint64(v.AuxInt)) }

// ConstAuxInt is the canonical AuxInt of a constant of type t with the given
// bits: the bits sign-extended into int64 (op.go), 0/1 for bool.
func ConstAuxInt(t *Type, bits uint64) int64 {
	bits = Bits(t, bits)
	if t.Kind == KInt {
		return signExtend(bits, t.Bits)
	}
	return int64(bits)
}

// EvalOp computes op on argument bits with exactly the run-time semantics.
// t is the result type and argType the type of the first argument: signed
// comparisons and SExt need the operands' width, which the result type (bool,
// or the wider int) does not give. ok is false for ops that are not pure
// computations on their arguments (memory, calls, phis, constants) or when
// the types do not fit the op.
func EvalOp(op Op, t, argType *Type, args ...uint64) (r uint64, ok bool) {
	info := op.Info()
	if info.Args < 0 || len(args) != info.Args || t == nil || (len(args) > 0 && argType == nil) {
		return 0, false
	}
	a := func(i int) uint64 { return Bits(argType, args[i]) }
	w := t.Bits
	switch {
	case op.IsBinaryArith() || op == OpNeg || op == OpCom:
		if !t.IsInt() {
			return 0, false
		}
	case op.IsCompare():
		if !t.IsBool() || !argType.IsScalar() {
			return 0, false
		}
	}
	switch op {
	case OpCopy, OpZExt, OpTrunc, OpPtrToInt, OpIntToPtr:
		return Bits(t, a(0)), true
	case OpSExt:
		if argType.Kind != KInt {
			return Bits(t, a(0)), true // bool widens to 0 or 1, never by a sign
		}
		return Bits(t, uint64(signExtend(a(0), argType.Bits))), true
	case OpAdd:
		return Bits(t, a(0)+a(1)), true
	case OpSub:
		return Bits(t, a(0)-a(1)), true
	case OpMul:
		return Bits(t, a(0)*a(1)), true
	case OpAnd:
		return a(0) & a(1), true
	case OpOr:
		return a(0) | a(1), true
	case OpXor:
		return a(0) ^ a(1), true
	case OpDiv:
		if a(1) == 0 {
			return 0, true
		}
		return a(0) / a(1), true
	case OpMod:
		if a(1) == 0 {
			return a(0), true
		}
		return a(0) % a(1), true
	case OpSDiv, OpSMod:
		x, y := signExtend(a(0), w), signExtend(a(1), w)
		var q, m int64
		switch y {
		case 0:
			q, m = 0, x
		case -1: // MIN/-1 wraps to MIN; spelled out so no CPU trap is possible
			q, m = -x, 0
		default:
			q, m = x/y, x%y // Go truncates toward zero; % has the dividend's sign
		}
		if op == OpSDiv {
			return Bits(t, uint64(q)), true
		}
		return Bits(t, uint64(m)), true
	case OpShl, OpShr, OpSar:
		// The count's own type never matters, only its low bits: the BPF
		// instructions use count mod 32 or 64 (LANGUAGE.md 3.4.3).
		n := uint(args[1] % uint64(w))
		switch op {
		case OpShl:
			return Bits(t, a(0)<<n), true
		case OpShr:
			return a(0) >> n, true
		}
		return Bits(t, uint64(signExtend(a(0), w)>>n)), true
	case OpNeg:
		return Bits(t, -a(0)), true
	case OpCom:
		return Bits(t, ^a(0)), true
	case OpNot:
		if !t.IsBool() {
			return 0, false
		}
		return b2u(a(0) == 0), true
	case OpEq:
		return b2u(a(0) == a(1)), true
	case OpNe:
		return b2u(a(0) != a(1)), true
	case OpLt:
		return b2u(a(0) < a(1)), true
	case OpLe:
		return b2u(a(0) <= a(1)), true
	case OpGt:
		return b2u(a(0) > a(1)), true
	case OpGe:
		return b2u(a(0) >= a(1)), true
	}
	if op >= OpSLt && op <= OpSGe {
		x, y := signExtend(a(0), argType.Bits), signExtend(a(1), argType.Bits)
		switch op {
		case OpSLt:
			return b2u(x < y), true
		case OpSLe:
			return b2u(x <= y), true
		case OpSGt:
			return b2u(x > y), true
		default:
			return b2u(x >= y), true
		}
	}
	return 0, false
}

func b2u(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}

// InterpMemory is a byte-addressed memory of separate regions: stack slots,
// globals, strings. Region i occupies addresses (i+1)<<32 onwards, so 0 is
// NULL and running off a region is caught instead of touching a neighbour.
type InterpMemory struct {
	regions [][]byte
}

// Alloc makes a zeroed region of n bytes and returns its address.
func (m *InterpMemory) Alloc(n int) uint64 {
	m.regions = append(m.regions, make([]byte, n))
	return uint64(len(m.regions)) << 32
}

func (m *InterpMemory) slice(addr uint64, n int) ([]byte, error) {
	r, off := addr>>32, addr&0xffffffff
	if r == 0 || r > uint64(len(m.regions)) {
		return nil, fmt.Errorf("access of %d bytes at %#x: not a valid pointer", n, addr)
	}
	reg := m.regions[r-1]
	if off+uint64(n) > uint64(len(reg)) {
		return nil, fmt.Errorf("access of %d bytes at offset %d of a %d-byte object", n, off, len(reg))
	}
	return reg[off : off+uint64(n)], nil
}

// Read returns a copy of n bytes at addr.
func (m *InterpMemory) Read(addr uint64, n int) ([]byte, error) {
	s, err := m.slice(addr, n)
	if err != nil {
		return nil, err
	}
	return append([]byte(nil), s...), nil
}

// Write stores b at addr.
func (m *InterpMemory) Write(addr uint64, b []byte) error {
	s, err := m.slice(addr, len(b))
	if err != nil {
		return err
	}
	copy(s, b)
	return nil
}

func (m *InterpMemory) load(addr uint64, size int) (uint64, error) {
	s, err := m.slice(addr, size)
	if err != nil {
		return 0, err
	}
	var buf [8]byte
	copy(buf[:], s) // little-endian, like BPF on x86-64
	return binary.LittleEndian.Uint64(buf[:]), nil
}

func (m *InterpMemory) store(addr uint64, size int, x uint64) error {
	s, err := m.slice(addr, size)
	if err != nil {
		return err
	}
	var buf [8]byte
	binary.LittleEndian.PutUint64(buf[:], x)
	copy(s, buf[:size])
	return nil
}

type interp struct {
	env     InterpEnv
	mem     InterpMemory
	steps   int
	limit   int
	symbols map[string]uint64 // global and map name -> address
	// strings interns String contents: the copies are read-only, so one
	// copy per distinct contents is indistinguishable from many, and it
	// makes merging two equal String values (cse) an exact rewrite.
	strings map[string]uint64
}

// Interp runs f on args (one per parameter, reduced to the parameter's
// type) and returns its result extended by the sign of f's result type (0
// for a void function). Helper calls go to env; a helper call with a nil
// env, a bad memory access, reaching an Unreachable block or running more
// than InterpStepLimit steps (or env's StepLimit) is an error.
func Interp(f *Func, args []uint64, env InterpEnv) (uint64, error) {
	in := &interp{env: env, limit: InterpStepLimit, symbols: map[string]uint64{}, strings: map[string]uint64{}}
	if l, ok := env.(InterpLimitEnv); ok && l.StepLimit() > 0 {
		in.limit = l.StepLimit()
	}
	r, err := in.run(f, args, 0)
	if err != nil {
		return 0, err
	}
	if f.Ret == nil || f.Ret.IsVoid() {
		return 0, nil
	}
	return Extend(f.Ret, r), nil
}

func (in *interp) run(f *Func, args []uint64, depth int) (uint64, error) {
	if depth > interpMaxDepth {
		return 0, fmt.Errorf("interp %s: calls nested deeper than %d", f.Name, interpMaxDepth)
	}
	if len(args) != len(f.Params) {
		return 0, fmt.Errorf("interp %s: %d arguments for %d parameters", f.Name, len(args), len(f.Params))
	}
	if len(f.Blocks) == 0 {
		return 0, fmt.Errorf("interp %s: no blocks", f.Name)
	}
	vals := make([]uint64, f.NumValues())
	var phis []uint64
	b, from := f.Entry(), -1
	for {
		in.steps++
		if in.steps > in.limit {
			return 0, fmt.Errorf("interp %s: step limit of %d exceeded (a loop that does not end?)", f.Name, in.limit)
		}
		// Phis read their arguments as they were on the incoming edge, all
		// at once, before any of them is written.
		phis = phis[:0]
		for _, v := range b.Values {
			if v.Op != OpPhi {
				break
			}
			if from < 0 || from >= len(v.Args) {
				return 0, fmt.Errorf("interp %s: phi v%d in %s reached without a predecessor", f.Name, v.ID, b)
			}
			phis = append(phis, vals[v.Args[from].ID])
		}
		for i, x := range phis {
			vals[b.Values[i].ID] = x
		}
		for _, v := range b.Values[len(phis):] {
			in.steps++
			x, err := in.value(f, v, vals, args, depth)
			if err != nil {
				return 0, fmt.Errorf("interp %s: %s: %w", f.Name, v.LongString(), err)
			}
			vals[v.ID] = x
		}
		switch b.Kind {
		case BlockPlain, BlockIf:
			i := 0
			if b.Kind == BlockIf && vals[b.Control.ID] == 0 {
				i = 1
			}
			if i >= len(b.Succs) {
				return 0, fmt.Errorf("interp %s: %s has no successor %d", f.Name, b, i)
			}
			b, from = b.Succs[i].B, b.Succs[i].I
		case BlockRet:
			if b.Control == nil {
				return 0, nil
			}
			return vals[b.Control.ID], nil
		case BlockUnreachable:
			return 0, fmt.Errorf("interp %s: reached Unreachable block %s", f.Name, b)
		default:
			return 0, fmt.Errorf("interp %s: block %s has invalid kind", f.Name, b)
		}
	}
}

func (in *interp) value(f *Func, v *Value, vals, params []uint64, depth int) (uint64, error) {
	arg := func(i int) uint64 { return vals[v.Args[i].ID] }
	switch v.Op {
	case OpConst:
		return ConstBits(v), nil
	case OpArg:
		if v.AuxInt < 0 || int(v.AuxInt) >= len(params) {
			return 0, fmt.Errorf("no parameter %d", v.AuxInt)
		}
		return Bits(v.Type, params[v.AuxInt]), nil
	case OpAlloca:
		return in.mem.Alloc(int(v.AuxInt)), nil
	case OpLoad:
		x, err := in.mem.load(arg(0), v.Type.Size())
		return Bits(v.Type, x), err
	case OpStore:
		return 0, in.mem.store(arg(0), v.Args[1].Type.Size(), arg(1))
	case OpZero:
		return 0, in.mem.Write(arg(0), make([]byte, v.AuxInt))
	case OpCastPtr:
		return arg(0), nil
	case OpAtomic:
		size := v.Type.Size()
		old, err := in.mem.load(arg(0), size)
		if err != nil {
			return 0, err
		}
		x := arg(1)
		switch v.AuxInt {
		case AtomicAdd:
			x += old
		case AtomicAnd:
			x &= old
		case AtomicOr:
			x |= old
		case AtomicXor:
			x ^= old
		}
		return old, in.mem.store(arg(0), size, x)
	case OpAtomicCmpXchg:
		size := v.Type.Size()
		raw, err := in.mem.load(arg(0), size)
		old := Bits(v.Type, raw)
		if err != nil || old != Bits(v.Type, arg(1)) {
			return old, err
		}
		return old, in.mem.store(arg(0), size, arg(2))
	case OpOffPtr, OpCoreAddr:
		return arg(0) + uint64(v.AuxInt), nil
	case OpPktPtr, OpPktHeader:
		return arg(0), nil
	case OpAddPtr:
		// A signless offset narrower than a pointer is read as signed: a
		// negative s32 index is far more plausible than a u32 one of 2 GiB.
		w := v.Args[1].Type.Bits
		return arg(0) + uint64(signExtend(arg(1), w)), nil
	case OpGlobal:
		return in.symbol(f, v.Aux)
	case OpString:
		if p, ok := in.strings[v.Aux]; ok {
			return p, nil
		}
		p := in.mem.Alloc(len(v.Aux) + 1)
		_ = in.mem.Write(p, []byte(v.Aux))
		in.strings[v.Aux] = p
		return p, nil
	case OpCall:
		// Arguments go as their bits: widening one to a 64-bit register
		// by a sign is an explicit ZExt/SExt in signless IR.
		regs := make([]uint64, len(v.Args))
		for i, a := range v.Args {
			regs[i] = vals[a.ID]
		}
		var r uint64
		switch env := in.env.(type) {
		case nil:
			return 0, fmt.Errorf("helper call with no environment")
		case InterpMemEnv:
			r = env.CallMem(&in.mem, v.AuxInt, v.Aux, regs)
		default:
			r = env.Call(v.AuxInt, v.Aux, regs)
		}
		return Bits(v.Type, r), nil
	case OpCallSub:
		if f.Module == nil || f.Module.Func(v.Aux) == nil {
			return 0, fmt.Errorf("no subprogram %s", v.Aux)
		}
		regs := make([]uint64, len(v.Args))
		for i, a := range v.Args {
			regs[i] = vals[a.ID]
		}
		r, err := in.run(f.Module.Func(v.Aux), regs, depth+1)
		return Bits(v.Type, r), err
	}
	ins := make([]uint64, len(v.Args))
	for i, a := range v.Args {
		ins[i] = vals[a.ID]
	}
	var at *Type
	if len(v.Args) > 0 {
		at = v.Args[0].Type
	}
	r, ok := EvalOp(v.Op, v.Type, at, ins...)
	if !ok {
		return 0, fmt.Errorf("cannot interpret %s on %s", v.Op, v.Type)
	}
	return r, nil
}

// symbol gives each global variable and map one region per Interp call, so
// subprograms see the writes of their callers.
func (in *interp) symbol(f *Func, name string) (uint64, error) {
	if p, ok := in.symbols[name]; ok {
		return p, nil
	}
	m := f.Module
	if m == nil {
		return 0, fmt.Errorf("global %s in a function without a module", name)
	}
	var p uint64
	if g := m.Global(name); g != nil {
		size := max(g.Type.Size(), 1)
		p = in.mem.Alloc(size)
		if g.Type.IsScalar() {
			_ = in.mem.store(p, min(size, 8), uint64(g.Init))
		}
	} else if m.Map(name) != nil {
		p = in.mem.Alloc(8) // an opaque handle: only helpers use maps
	} else {
		return 0, fmt.Errorf("no global or map %s", name)
	}
	in.symbols[name] = p
	return p, nil
}
