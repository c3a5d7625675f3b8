package kbtf

import (
	"github.com/cilium/ebpf/btf"
)

// Kind is the shape of a kernel type, typedefs and qualifiers resolved.
type Kind int

const (
	Void Kind = iota
	Int       // integers, bools and enums (an enum reads as an integer, 8.3.2)
	Ptr
	Array
	Struct
	Union
	Func  // function prototypes: a pointer to one reads as u64 (8.3.3)
	Other // floats and anything BPF code cannot use
)

// Type is a kernel type as the frontend sees it. Members and pointer
// targets are converted on first use: task_struct reaches most of the
// kernel's types, and a program touches a handful.
type Type struct {
	Kind   Kind
	Name   string // struct, union, enum or integer name; "" when anonymous
	Size   int    // bytes
	Signed bool   // Int
	Bool   bool   // Int: _Bool
	Enum   bool   // Int: an enum type in BTF
	Len    int    // Array: element count
	Elem   *Type  // Array: element type

	b       *BTF
	src     btf.Type
	members []Member
	loaded  bool
}

// Member is one member of a struct or union.
type Member struct {
	Name    string // "" for an anonymous struct or union member
	Type    *Type
	BitOff  int // from the start of the enclosing composite
	BitSize int // non-zero for a bitfield
	Index   int // position among the composite's members (the CO-RE access index)
}

// convert describes a BTF type, memoized so equal types are one *Type.
func (b *BTF) convert(t btf.Type) *Type {
	t = btf.UnderlyingType(t)
	b.mu.Lock()
	if k, ok := b.types[t]; ok {
		b.mu.Unlock()
		return k
	}
	k := &Type{b: b, src: t, Kind: Other}
	b.types[t] = k
	b.mu.Unlock()
	switch t := t.(type) {
	case *btf.Void:
		k.Kind = Void
	case *btf.Int:
		k.Kind, k.Name, k.Size = Int, t.Name, int(t.Size)
		k.Signed = t.Encoding == btf.Signed
		k.Bool = t.Encoding == btf.Bool
	case *btf.Enum:
		k.Kind, k.Name, k.Size, k.Signed, k.Enum = Int, t.Name, int(t.Size), t.Signed, true
	case *btf.Pointer:
		k.Kind, k.Size = Ptr, 8
	case *btf.Array:
		k.Kind, k.Len = Array, int(t.Nelems)
		k.Elem = b.convert(t.Type)
		k.Size = k.Len * k.Elem.Size
	case *btf.Struct:
		k.Kind, k.Name, k.Size = Struct, t.Name, int(t.Size)
	case *btf.Union:
		k.Kind, k.Name, k.Size = Union, t.Name, int(t.Size)
	case *btf.FuncProto:
		k.Kind = Func
	case *btf.Fwd:
		k.Kind, k.Name = Struct, t.Name
		if t.Kind == btf.FwdUnion {
			k.Kind = Union
		}
	}
	return k
}

// Members lists a struct's or union's members in BTF order.
func (t *Type) Members() []Member {
	if t.loaded || t.b == nil {
		return t.members
	}
	t.loaded = true
	var ms []btf.Member
	switch s := t.src.(type) {
	case *btf.Struct:
		ms = s.Members
	case *btf.Union:
		ms = s.Members
	}
	for i, m := range ms {
		t.members = append(t.members, Member{Name: m.Name, Type: t.b.convert(m.Type),
			BitOff: int(m.Offset), BitSize: int(m.BitfieldSize), Index: i})
	}
	return t.members
}

// Target is what a pointer points to (nil for void and non-pointers).
func (t *Type) Target() *Type {
	p, ok := t.src.(*btf.Pointer)
	if !ok {
		return nil
	}
	k := t.b.convert(p.Target)
	if k.Kind == Void {
		return nil
	}
	return k
}

// IsComposite reports whether t is a struct or union.
func (t *Type) IsComposite() bool { return t.Kind == Struct || t.Kind == Union }

// CName is the C spelling used in messages: "struct xdp_md", "u32".
func (t *Type) CName() string {
	switch t.Kind {
	case Struct:
		return "struct " + t.Name
	case Union:
		return "union " + t.Name
	}
	return t.Name
}

// Path is a member found by name, possibly inside anonymous members.
type Path struct {
	Steps  []Member // the members walked from the root, the last is the field
	BitOff int      // the field's offset from the root
}

// Field returns the member called name, looking through anonymous structs
// and unions as C does (LANGUAGE.md 8.3.3).
func (t *Type) Field(name string) (Path, bool) {
	for _, m := range t.Members() {
		if m.Name == name {
			return Path{Steps: []Member{m}, BitOff: m.BitOff}, true
		}
	}
	for _, m := range t.Members() {
		if m.Name != "" || !m.Type.IsComposite() {
			continue
		}
		if p, ok := m.Type.Field(name); ok {
			return Path{Steps: append([]Member{m}, p.Steps...), BitOff: m.BitOff + p.BitOff}, true
		}
	}
	return Path{}, false
}

// FieldNames lists the names reachable with Field, for error messages.
func (t *Type) FieldNames() []string {
	var names []string
	for _, m := range t.Members() {
		if m.Name == "" && m.Type.IsComposite() {
			names = append(names, m.Type.FieldNames()...)
		} else if m.Name != "" {
			names = append(names, m.Name)
		}
	}
	return names
}

// EnumValue is one value of an enum.
type EnumValue struct {
	Name  string
	Value int64
}

// Enumerators lists an enum type's values (nil for other types).
func (t *Type) Enumerators() []EnumValue {
	e, ok := t.src.(*btf.Enum)
	if !ok {
		return nil
	}
	var out []EnumValue
	for _, v := range e.Values {
		out = append(out, EnumValue{v.Name, int64(v.Value)})
	}
	return out
}
