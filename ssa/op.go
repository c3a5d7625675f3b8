package ssa

// Atomic operations (OpAtomic's AuxInt).
const (
	AtomicAdd int64 = iota
	AtomicAnd
	AtomicOr
	AtomicXor
	AtomicXchg
)

// Op is an SSA operation. The table below is the single source of truth
// about every op: passes decide what they may delete, merge or move by
// reading its columns, never by listing ops.
type Op uint8

// AuxKind says what a value's AuxInt/Aux fields mean for an op.
type AuxKind uint8

const (
	AuxNone   AuxKind = iota
	AuxInt            // AuxInt: a constant, an argument index, an offset, a helper id
	AuxSym            // Aux: a symbol name (string)
	AuxString         // Aux: string contents
	AuxIntSym         // AuxInt and Aux (string): size and name of a stack slot; helper id and name
)

// Effect is what an op does besides computing its result.
type Effect uint8

const (
	EffNone   Effect = iota // pure: may be deleted when unused, merged, moved
	EffReads                // reads memory: may be deleted when unused, not moved across writes
	EffWrites               // writes memory
	EffCall                 // calls a helper: may do anything
)

type OpInfo struct {
	Name        string
	Args        int // -1: variadic
	Aux         AuxKind
	Effect      Effect
	Commutative bool
	MayBeNull   bool // result is a pointer the kernel considers possibly NULL
	Packet      bool // touches packet memory (bounds checks apply)
}

const (
	OpInvalid Op = iota

	OpConst // AuxInt: the value (bits, sign-extended into int64); pointer-typed: NULL
	OpArg   // AuxInt: parameter index
	OpPhi
	OpCopy

	OpAdd
	OpSub
	OpMul
	OpDiv  // unsigned; x/0 == 0 as in BPF
	OpSDiv // signed, truncating; x/0 == 0, MIN/-1 == MIN
	OpMod  // unsigned; x%0 == x
	OpSMod // signed, sign of dividend; x%0 == x
	OpAnd
	OpOr
	OpXor
	OpShl // count taken modulo the width
	OpShr // logical
	OpSar // arithmetic
	OpNeg
	OpCom // bitwise complement
	OpNot // bool negation

	OpEq
	OpNe
	OpLt // unsigned comparisons
	OpLe
	OpGt
	OpGe
	OpSLt // signed comparisons
	OpSLe
	OpSGt
	OpSGe

	OpZExt  // to a wider int (bool: 0 or 1)
	OpSExt  // to a wider int by the sign
	OpTrunc // to a narrower int
	OpPtrToInt
	OpIntToPtr // an address as a kernel pointer

	OpAlloca  // AuxInt: size in bytes, Aux: the slot's name
	OpLoad    // Type: the loaded type; Args: pointer
	OpStore   // Args: pointer, value; stores value's width
	OpZero    // AuxInt: bytes; Args: pointer. Zero-fills memory
	OpOffPtr  // AuxInt: byte offset; same pointer kind as its argument
	OpAddPtr  // Args: pointer, integer offset (run time)
	OpGlobal  // Aux: the symbol of a map, a global variable or a function (a callback's address)
	OpString  // Aux: NUL-less string contents; a pointer to a read-only copy
	OpCall    // AuxInt: helper id, Aux: helper name; Args: the helper's arguments
	OpCallSub // Aux: subprogram name; Args: arguments
	// OpAtomic is one atomic read-modify-write: AuxInt selects it (see
	// AtomicAdd...), Args are the pointer and the operand, the result is the
	// old value. Shared map values and globals use it so concurrent
	// increments are never lost (LANGUAGE.md 5.7).
	OpAtomic
	// OpCastPtr gives a pointer another kind without changing it: a
	// reference local rebound to a private stack cell (LANGUAGE.md 5.5.5)
	// keeps one IR type on every path.
	OpCastPtr
	// OpCoreAddr is the address of a kernel struct member: Args[0] plus
	// AuxInt bytes, the offset in the compiler's BTF. Aux is the CO-RE
	// access "root:0:i:j" (root a struct name, "union.name" for a union;
	// then member indices as in BTF), from which the backend emits a
	// relocation so the loader fixes the offset for the running kernel
	// (LANGUAGE.md 8.3.1). Same pointer kind as its argument.
	OpCoreAddr
	// OpPktPtr turns the u64 read from a context's data, data_meta or
	// data_end field (Aux names it) into a packet pointer; the bounds-check
	// pass (passes/pktbounds.go) finds packet accesses' origins through it.
	OpPktPtr
	// OpPktHeader marks a packet header cast S(p): Args[0] unchanged,
	// AuxInt the header's size, so the bounds check covers the header's
	// bytes (LANGUAGE.md 8.6.7).
	OpPktHeader
	// OpAtomicCmpXchg is a compare-and-exchange: Args are the pointer, the
	// expected value and the new value; it stores the new value only when
	// memory holds the expected one and yields the value memory held
	// (LANGUAGE.md 5.7.2). Separate from OpAtomic because it has three
	// operands.
	OpAtomicCmpXchg

	opCount
)

var opTable = [opCount]OpInfo{
	OpInvalid: {Name: "Invalid"},
	OpConst:   {Name: "Const", Args: 0, Aux: AuxInt},
	OpArg:     {Name: "Arg", Args: 0, Aux: AuxInt},
	OpPhi:     {Name: "Phi", Args: -1},
	OpCopy:    {Name: "Copy", Args: 1},

	OpAdd:  {Name: "Add", Args: 2, Commutative: true},
	OpSub:  {Name: "Sub", Args: 2},
	OpMul:  {Name: "Mul", Args: 2, Commutative: true},
	OpDiv:  {Name: "Div", Args: 2},
	OpSDiv: {Name: "SDiv", Args: 2},
	OpMod:  {Name: "Mod", Args: 2},
	OpSMod: {Name: "SMod", Args: 2},
	OpAnd:  {Name: "And", Args: 2, Commutative: true},
	OpOr:   {Name: "Or", Args: 2, Commutative: true},
	OpXor:  {Name: "Xor", Args: 2, Commutative: true},
	OpShl:  {Name: "Shl", Args: 2},
	OpShr:  {Name: "Shr", Args: 2},
	OpSar:  {Name: "Sar", Args: 2},
	OpNeg:  {Name: "Neg", Args: 1},
	OpCom:  {Name: "Com", Args: 1},
	OpNot:  {Name: "Not", Args: 1},

	OpEq:  {Name: "Eq", Args: 2, Commutative: true},
	OpNe:  {Name: "Ne", Args: 2, Commutative: true},
	OpLt:  {Name: "Lt", Args: 2},
	OpLe:  {Name: "Le", Args: 2},
	OpGt:  {Name: "Gt", Args: 2},
	OpGe:  {Name: "Ge", Args: 2},
	OpSLt: {Name: "SLt", Args: 2},
	OpSLe: {Name: "SLe", Args: 2},
	OpSGt: {Name: "SGt", Args: 2},
	OpSGe: {Name: "SGe", Args: 2},

	OpZExt:     {Name: "ZExt", Args: 1},
	OpSExt:     {Name: "SExt", Args: 1},
	OpTrunc:    {Name: "Trunc", Args: 1},
	OpPtrToInt: {Name: "PtrToInt", Args: 1},
	OpIntToPtr: {Name: "IntToPtr", Args: 1},

	OpAlloca:  {Name: "Alloca", Args: 0, Aux: AuxIntSym},
	OpLoad:    {Name: "Load", Args: 1, Effect: EffReads},
	OpStore:   {Name: "Store", Args: 2, Effect: EffWrites},
	OpZero:    {Name: "Zero", Args: 1, Aux: AuxInt, Effect: EffWrites},
	OpOffPtr:  {Name: "OffPtr", Args: 1, Aux: AuxInt},
	OpAddPtr:  {Name: "AddPtr", Args: 2},
	OpGlobal:  {Name: "Global", Args: 0, Aux: AuxSym},
	OpString:  {Name: "String", Args: 0, Aux: AuxString},
	OpCall:    {Name: "Call", Args: -1, Aux: AuxIntSym, Effect: EffCall},
	OpCallSub: {Name: "CallSub", Args: -1, Aux: AuxSym, Effect: EffCall},
	OpAtomic:  {Name: "Atomic", Args: 2, Aux: AuxInt, Effect: EffWrites},
	OpCastPtr: {Name: "CastPtr", Args: 1},

	OpCoreAddr:  {Name: "CoreAddr", Args: 1, Aux: AuxIntSym},
	OpPktPtr:    {Name: "PktPtr", Args: 1, Aux: AuxSym},
	OpPktHeader: {Name: "PktHeader", Args: 1, Aux: AuxInt, Packet: true},

	OpAtomicCmpXchg: {Name: "AtomicCmpXchg", Args: 3, Effect: EffWrites},
}

func (o Op) Info() *OpInfo { return &opTable[o] }
func (o Op) String() string {
	if int(o) < len(opTable) {
		return opTable[o].Name
	}
	return "Op?"
}

var opByName = func() map[string]Op {
	m := map[string]Op{}
	for i := range opTable {
		if opTable[i].Name != "" {
			m[opTable[i].Name] = Op(i)
		}
	}
	return m
}()

// OpByName finds an op by its text-form name.
func OpByName(name string) (Op, bool) {
	o, ok := opByName[name]
	return o, ok && o != OpInvalid
}

// IsCompare reports whether o produces a bool from two operands.
func (o Op) IsCompare() bool { return o >= OpEq && o <= OpSGe }

// IsBinaryArith reports whether o is a two-operand integer op whose result
// has its operands' type.
func (o Op) IsBinaryArith() bool { return o >= OpAdd && o <= OpSar }

// Pure reports whether a value of this op can be removed when unused or
// merged with an identical one.
func (o Op) Pure() bool {
	return opTable[o].Effect == EffNone && o != OpPhi && o != OpArg && o != OpAlloca
}

// Removable reports whether an unused value of this op can be deleted.
func (o Op) Removable() bool {
	e := opTable[o].Effect
	return e == EffNone || e == EffReads
}
