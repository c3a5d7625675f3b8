package loader

import (
	"fmt"

	"github.com/cilium/ebpf/btf"
)

// BTFMember is one member of a BTF struct as the object describes it.
type BTFMember struct {
	Name      string
	Type      string // C-like spelling: "unsigned int", "int[16]*", "event_t", "char[16]"
	BitOffset uint32
}

// MapBTF returns the members of the BTF-defined map struct of the named
// map, in order (LANGUAGE.md 5.3): what libbpf and cilium/ebpf read to
// create the map. Tests use it to check the encoding the compiler writes.
func (o *Object) MapBTF(name string) ([]BTFMember, error) {
	if o.spec.Types == nil {
		return nil, fmt.Errorf("object has no BTF")
	}
	var ds *btf.Datasec
	if err := o.spec.Types.TypeByName(".maps", &ds); err != nil {
		return nil, fmt.Errorf("no .maps section in BTF: %w", err)
	}
	for _, vs := range ds.Vars {
		v, ok := vs.Type.(*btf.Var)
		if !ok || v.Name != name {
			continue
		}
		st, ok := btf.UnderlyingType(v.Type).(*btf.Struct)
		if !ok {
			return nil, fmt.Errorf("map %s: BTF type is %T, not a struct", name, v.Type)
		}
		return members(st), nil
	}
	return nil, fmt.Errorf("no map %s in the BTF", name)
}

// StructBTF returns the members of a named BTF struct (a @struct type).
func (o *Object) StructBTF(name string) (size uint32, ms []BTFMember, err error) {
	if o.spec.Types == nil {
		return 0, nil, fmt.Errorf("object has no BTF")
	}
	var st *btf.Struct
	if err := o.spec.Types.TypeByName(name, &st); err != nil {
		return 0, nil, err
	}
	return st.Size, members(st), nil
}

func members(st *btf.Struct) []BTFMember {
	var out []BTFMember
	for _, m := range st.Members {
		out = append(out, BTFMember{Name: m.Name, Type: typeString(m.Type), BitOffset: uint32(m.Offset)})
	}
	return out
}

// typeString spells a BTF type the way C declares it, enough to compare.
func typeString(t btf.Type) string {
	switch t := t.(type) {
	case *btf.Pointer:
		return typeString(t.Target) + "*"
	case *btf.Array:
		return fmt.Sprintf("%s[%d]", typeString(t.Type), t.Nelems)
	case *btf.Typedef:
		return t.Name
	case *btf.Const:
		return "const " + typeString(t.Type)
	case *btf.Volatile:
		return "volatile " + typeString(t.Type)
	case nil:
		return "void"
	}
	if n := t.TypeName(); n != "" {
		return n
	}
	return fmt.Sprintf("%T", t)
}

// MapUpdate writes one entry of a loaded map, as userspace does: key and
// value are the raw bytes of the map's key and value types.
func (l *Loaded) MapUpdate(name string, key, value []byte) error {
	if l.coll == nil {
		return fmt.Errorf("map %q: object is closed", name)
	}
	m := l.coll.Maps[name]
	if m == nil {
		return fmt.Errorf("no map named %q", name)
	}
	return m.Put(key, value)
}
