package ssa

import (
	"fmt"
	"strings"
)

// TypeKind separates the shapes a Type can have. SSA values only ever have
// Bool, Int or Ptr types; Struct and Array types describe memory (stack
// slots, map keys and values, globals) and the BTF the backend emits.
type TypeKind uint8

const (
	KVoid TypeKind = iota
	KBool
	KInt
	KPtr
	KStruct
	KArray
)

// PtrKind is what the kernel verifier knows about a pointer. The passes that
// turn verifier rejections into compile errors key on it.
type PtrKind uint8

const (
	PtrNone      PtrKind = iota
	PtrCtx               // the program context
	PtrStack             // a stack slot (Alloca)
	PtrMapValue          // a map value from lookup: may be NULL
	PtrMap               // the map object itself (helper argument)
	PtrPacket            // packet data (start or meta)
	PtrPacketEnd         // data_end: may only be compared
	PtrKernel            // kernel memory, read with probe_read
	PtrRingbuf           // a reserved ring buffer record: may be NULL
	PtrGlobal            // a .data/.bss/.rodata variable or constant string
	// PtrRef is a subprogram's struct parameter: the caller's stack slot,
	// map value, record or global, so it may be NULL (LANGUAGE.md 7.6.2).
	PtrRef
	// PtrFunc is a subprogram's address: bpf_loop's callback.
	PtrFunc

	lastPtrKind = PtrFunc
)

var ptrKindNames = [...]string{
	PtrNone: "none", PtrCtx: "ctx", PtrStack: "stack", PtrMapValue: "mapval",
	PtrMap: "map", PtrPacket: "pkt", PtrPacketEnd: "pktend", PtrKernel: "kernel",
	PtrRingbuf: "ringbuf", PtrGlobal: "global", PtrRef: "ref", PtrFunc: "func",
}

func (k PtrKind) String() string { return ptrKindNames[k] }

// Nullable reports whether a pointer of this kind may be NULL at run time,
// so that every dereference must be dominated by a null check.
func (k PtrKind) Nullable() bool { return k == PtrMapValue || k == PtrRingbuf || k == PtrRef }

// Field is one member of a struct type.
type Field struct {
	Name   string
	Type   *Type
	Offset int // bytes
}

// Type describes a value or a piece of memory. Scalar types are shared
// singletons for the common spellings; compare scalar types with Same.
type Type struct {
	Kind   TypeKind
	Bits   int  // KInt: 8, 16, 32 or 64; KBool: 8 in memory; KPtr: 64
	Signed bool // KInt
	Ptr    PtrKind
	// CName is the C spelling used in BTF ("unsigned int", "long"); empty
	// means the default spelling for Bits and Signed.
	CName string
	// Struct: Name, Fields, size and alignment. Array: Elem and Len.
	Name   string
	Fields []Field
	Elem   *Type
	Len    int
	size   int
	align  int
}

var (
	Void = &Type{Kind: KVoid}
	Bool = &Type{Kind: KBool, Bits: 8}
	S8   = &Type{Kind: KInt, Bits: 8, Signed: true}
	U8   = &Type{Kind: KInt, Bits: 8}
	S16  = &Type{Kind: KInt, Bits: 16, Signed: true}
	U16  = &Type{Kind: KInt, Bits: 16}
	S32  = &Type{Kind: KInt, Bits: 32, Signed: true}
	U32  = &Type{Kind: KInt, Bits: 32}
	S64  = &Type{Kind: KInt, Bits: 64, Signed: true}
	U64  = &Type{Kind: KInt, Bits: 64}
	// Char is the element of str(N) arrays: one byte, BTF "char".
	Char = &Type{Kind: KInt, Bits: 8, Signed: true, CName: "char"}
)

var ptrTypes = map[PtrKind]*Type{}

func init() {
	for k := PtrCtx; k <= lastPtrKind; k++ {
		ptrTypes[k] = &Type{Kind: KPtr, Bits: 64, Ptr: k}
	}
}

// PtrTo returns the pointer type of kind k.
func PtrTo(k PtrKind) *Type { return ptrTypes[k] }

// IntType returns the canonical integer type of the given width and sign.
func IntType(bits int, signed bool) *Type {
	switch {
	case bits == 8 && signed:
		return S8
	case bits == 8:
		return U8
	case bits == 16 && signed:
		return S16
	case bits == 16:
		return U16
	case bits == 32 && signed:
		return S32
	case bits == 32:
		return U32
	case bits == 64 && signed:
		return S64
	case bits == 64:
		return U64
	}
	panic(fmt.Sprintf("BUG: no %d-bit integer type", bits))
}

// Named returns an integer type with a specific BTF spelling.
func Named(t *Type, cname string) *Type {
	c := *t
	c.CName = cname
	return &c
}

// NewStruct lays out fields in order with natural alignment, as clang does
// for the same C struct (LANGUAGE.md 4.2).
func NewStruct(name string, fields []Field) *Type {
	t := &Type{Kind: KStruct, Name: name, align: 1}
	off := 0
	for _, f := range fields {
		a := f.Type.Align()
		off = (off + a - 1) / a * a
		f.Offset = off
		t.Fields = append(t.Fields, f)
		off += f.Type.Size()
		if a > t.align {
			t.align = a
		}
	}
	t.size = (off + t.align - 1) / t.align * t.align
	return t
}

// ArrayOf makes an array type of n elements.
func ArrayOf(elem *Type, n int) *Type {
	return &Type{Kind: KArray, Elem: elem, Len: n}
}

// Size is the type's size in bytes.
func (t *Type) Size() int {
	switch t.Kind {
	case KVoid:
		return 0
	case KBool:
		return 1
	case KInt, KPtr:
		return t.Bits / 8
	case KStruct:
		return t.size
	case KArray:
		return t.Elem.Size() * t.Len
	}
	return 0
}

// Align is the type's natural alignment in bytes.
func (t *Type) Align() int {
	switch t.Kind {
	case KStruct:
		return t.align
	case KArray:
		return t.Elem.Align()
	case KVoid:
		return 1
	}
	return t.Size()
}

func (t *Type) IsInt() bool       { return t.Kind == KInt }
func (t *Type) IsPtr() bool       { return t.Kind == KPtr }
func (t *Type) IsBool() bool      { return t.Kind == KBool }
func (t *Type) IsScalar() bool    { return t.Kind == KInt || t.Kind == KBool || t.Kind == KPtr }
func (t *Type) IsVoid() bool      { return t.Kind == KVoid }
func (t *Type) IsAggregate() bool { return t.Kind == KStruct || t.Kind == KArray }

// Field returns the named field, or nil.
func (t *Type) Field(name string) *Field {
	for i := range t.Fields {
		if t.Fields[i].Name == name {
			return &t.Fields[i]
		}
	}
	return nil
}

// Same reports whether two types are the same for the IR: equal shape,
// width and pointer kind. IR integers are signless, as in LLVM: ops say
// whether they treat bits as signed (SDiv, SLt, SExt), and the sign a type
// prints with is only what the source declared. BTF spellings do not
// matter, and struct types are the same only when they are one declaration.
func Same(a, b *Type) bool {
	if a == b {
		return true
	}
	if a == nil || b == nil || a.Kind != b.Kind {
		return false
	}
	switch a.Kind {
	case KInt:
		return a.Bits == b.Bits
	case KPtr:
		return a.Ptr == b.Ptr
	case KBool, KVoid:
		return true
	case KArray:
		return a.Len == b.Len && Same(a.Elem, b.Elem)
	}
	return false
}

// DefaultCName is the C spelling BTF uses for an integer type.
func (t *Type) DefaultCName() string {
	if t.CName != "" {
		return t.CName
	}
	switch t.Kind {
	case KBool:
		return "_Bool"
	case KPtr:
		return "unsigned long"
	case KInt:
		base := map[int]string{8: "char", 16: "short", 32: "int", 64: "long long"}[t.Bits]
		if t.Bits == 8 {
			if t.Signed {
				return "signed char"
			}
			return "unsigned char"
		}
		if !t.Signed {
			return "unsigned " + base
		}
		return base
	}
	return ""
}

// String is the type's spelling in the SSA text form: s32, u64, bool,
// ptr.mapval, struct names, [16]char. An integer with a non-default BTF
// spelling prints it after a colon: s64:long.
func (t *Type) String() string {
	switch t.Kind {
	case KVoid:
		return "void"
	case KBool:
		return "bool"
	case KInt:
		s := fmt.Sprintf("u%d", t.Bits)
		if t.Signed {
			s = fmt.Sprintf("s%d", t.Bits)
		}
		if t.CName != "" {
			s += ":" + strings.ReplaceAll(t.CName, " ", "_")
		}
		return s
	case KPtr:
		return "ptr." + t.Ptr.String()
	case KStruct:
		return t.Name
	case KArray:
		return fmt.Sprintf("[%d]%s", t.Len, t.Elem)
	}
	return "?"
}
