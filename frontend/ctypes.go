package frontend

import (
	"github.com/pybpfc/pybpfc/ssa"
)

// ctypesTypes maps every ctypes spelling of LANGUAGE.md 3.1 to its IR type.
// The BTF spelling rides along in the type's CName so that `c_long` and
// `c_longlong` compute alike but describe themselves as C does.
var ctypesTypes = map[string]*ssa.Type{
	"c_int8":      ssa.S8,
	"c_byte":      ssa.S8,
	"c_uint8":     ssa.U8,
	"c_ubyte":     ssa.U8,
	"c_int16":     ssa.S16,
	"c_short":     ssa.S16,
	"c_uint16":    ssa.U16,
	"c_ushort":    ssa.U16,
	"c_int32":     ssa.S32,
	"c_int":       ssa.S32,
	"c_uint32":    ssa.U32,
	"c_uint":      ssa.U32,
	"c_int64":     ssa.S64,
	"c_longlong":  ssa.S64,
	"c_long":      ssa.Named(ssa.S64, "long"),
	"c_uint64":    ssa.U64,
	"c_ulonglong": ssa.U64,
	"c_size_t":    ssa.U64,
	"c_ulong":     ssa.Named(ssa.U64, "unsigned long"),
	"c_ssize_t":   ssa.Named(ssa.S64, "long"),
	"c_void_p":    ssa.Named(ssa.U64, "unsigned long"),
	"c_bool":      ssa.Bool,
}

// rejectedCtypes are ctypes names that exist but have no BPF meaning.
var rejectedCtypes = map[string][2]string{
	"c_float":      {"floating point is not available in BPF", ""},
	"c_double":     {"floating point is not available in BPF", ""},
	"c_longdouble": {"floating point is not available in BPF", ""},
	"c_char":       {"'c_char' is not supported in BPF code", "use c_uint8 or str(N)"},
	"c_char_p":     {"'c_char_p' is not supported in BPF code", "use c_uint8 or str(N)"},
	"c_wchar":      {"'c_wchar' is not supported in BPF code", "use c_uint8 or str(N)"},
	"c_wchar_p":    {"'c_wchar_p' is not supported in BPF code", "use c_uint8 or str(N)"},
}

// promote applies the integer promotions of LANGUAGE.md 3.3.1: bool and
// every integer narrower than int become int.
func promote(t *ssa.Type) *ssa.Type {
	if t.IsBool() || t.IsInt() && t.Bits < 32 {
		return ssa.S32
	}
	if t.IsPtr() {
		return ssa.U64
	}
	return canonical(t)
}

// canonical drops the BTF spelling: arithmetic results are plain types.
func canonical(t *ssa.Type) *ssa.Type {
	if t.IsInt() {
		return ssa.IntType(t.Bits, t.Signed)
	}
	return t
}

// commonType is the usual arithmetic conversion of LANGUAGE.md 3.3.
func commonType(a, b *ssa.Type) *ssa.Type {
	a, b = promote(a), promote(b)
	switch {
	case a.Bits == b.Bits && a.Signed == b.Signed:
		return a
	case a.Signed == b.Signed:
		if a.Bits >= b.Bits {
			return a
		}
		return b
	}
	u, s := a, b
	if a.Signed {
		u, s = b, a
	}
	if u.Bits >= s.Bits {
		return u
	}
	return s
}

// truncBits keeps the low bits of c for type t and sign- or zero-extends
// them back to 64 bits, so that a constant's uint64 always equals what a
// 64-bit register holding the value of type t would contain after an
// extension by t's sign.
func truncBits(c uint64, t *ssa.Type) uint64 {
	if t.IsBool() {
		if c != 0 {
			return 1
		}
		return 0
	}
	bits := t.Bits
	if bits >= 64 || bits == 0 {
		return c
	}
	mask := uint64(1)<<bits - 1
	c &= mask
	if t.Signed && c>>(bits-1)&1 == 1 {
		c |= ^mask
	}
	return c
}

// literalType ranks an integer literal (LANGUAGE.md 3.2.1): int if it
// fits, else long long, else u64.
func literalType(v uint64, big bool) *ssa.Type {
	switch {
	case big:
		return nil
	case v <= 0x7FFFFFFF:
		return ssa.S32
	case v <= 0x7FFFFFFFFFFFFFFF:
		return ssa.S64
	}
	return ssa.U64
}

// ctypeName gives the ctypes spelling of a type for messages.
func ctypeName(t *ssa.Type) string {
	switch {
	case t.IsBool():
		return "c_bool"
	case t.IsInt():
		if t.Signed {
			return map[int]string{8: "c_int8", 16: "c_int16", 32: "c_int32", 64: "c_int64"}[t.Bits]
		}
		return map[int]string{8: "c_uint8", 16: "c_uint16", 32: "c_uint32", 64: "c_uint64"}[t.Bits]
	case t.Kind == ssa.KStruct:
		return t.Name
	}
	return t.String()
}
