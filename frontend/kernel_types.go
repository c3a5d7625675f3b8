package frontend

import (
	"sort"

	"github.com/pybpfc/pybpfc/internal/diag"
	"github.com/pybpfc/pybpfc/internal/kbtf"
	"github.com/pybpfc/pybpfc/ssa"
)

// Conversions from kernel BTF (package kbtf) to what the rest of the
// compiler understands: ssa.KTypes for the backend's CO-RE debug info,
// ssa struct types for packet headers, pointer types that carry their
// pointee.

// ktype converts t for the backend. Composites start as shells (name and
// size); expand gives a composite its members when an access goes
// through it, so the debug info stays small even for task_struct.
func (c *compiler) ktype(t *kbtf.Type) *ssa.KType {
	if k, ok := c.kern.ktypes[t]; ok {
		return k
	}
	k := &ssa.KType{Name: t.Name, Size: t.Size}
	c.kern.ktypes[t] = k
	switch t.Kind {
	case kbtf.Int:
		k.Kind, k.Signed, k.Bool, k.Enum = ssa.KernInt, t.Signed, t.Bool, t.Enum
		for _, e := range t.Enumerators() {
			k.Enums = append(k.Enums, ssa.KEnum{Name: e.Name, Value: e.Value})
		}
	case kbtf.Ptr, kbtf.Func:
		k.Kind, k.Size = ssa.KernPtr, 8
	case kbtf.Array:
		k.Kind, k.Len, k.Elem = ssa.KernArray, t.Len, c.ktype(t.Elem)
	case kbtf.Struct:
		k.Kind = ssa.KernStruct
	case kbtf.Union:
		k.Kind = ssa.KernUnion
	default:
		// Floats and the like: an unsigned integer of their size keeps the
		// layout right; no access can reach them.
		k.Kind = ssa.KernInt
	}
	return k
}

// expand gives a composite its members (once) and registers it as a
// possible CO-RE root.
func (c *compiler) expand(t *kbtf.Type) *ssa.KType {
	k := c.ktype(t)
	if k.Members == nil {
		k.Members = []ssa.KMember{}
		for _, m := range t.Members() {
			k.Members = append(k.Members, ssa.KMember{Name: m.Name, Type: c.ktype(m.Type), BitOff: m.BitOff, BitSize: m.BitSize})
		}
	}
	if c.mod.Kernel == nil {
		c.mod.Kernel = map[string]*ssa.KType{}
	}
	if t.Name != "" {
		c.mod.Kernel[k.Key()] = k
	}
	return k
}

// coreAccess expands every composite along a member path and returns the
// CO-RE access string "root:0:i:j" for it.
func (c *compiler) coreAccess(root *kbtf.Type, indices []int, path kbtf.Path) (string, []int) {
	c.expand(root)
	idx := append([]int(nil), indices...)
	for _, m := range path.Steps {
		idx = append(idx, m.Index)
		if m.Type.IsComposite() {
			c.expand(m.Type)
		}
	}
	// Composites between the root and the path (an earlier place) were
	// expanded when that place was made.
	return ssa.FormatCoreAccess(c.ktype(root), idx), idx
}

// kernelPtrType is the pointer type of a kernel pointer (or context
// sub-struct) to t: a KPtr of the given kind that remembers t.
func (c *compiler) kernelPtrType(kind ssa.PtrKind, t *kbtf.Type) *ssa.Type {
	k := ptrKey{kind, t}
	if p, ok := c.kern.ptrTypes[k]; ok {
		return p
	}
	p := &ssa.Type{Kind: ssa.KPtr, Bits: 64, Ptr: kind, Name: t.CName()}
	c.kern.ptrTypes[k] = p
	c.kern.pointee[p] = t
	return p
}

// headerType converts a kernel struct to an ssa struct for packet header
// access (LANGUAGE.md 8.6.6): wire formats never change layout, so header
// fields are plain loads at BTF offsets. Members of anonymous members are
// flattened; bitfields are left out and remembered for the error message;
// a member overlapping an earlier one (another union alternative) is
// dropped.
func (c *compiler) headerType(t *kbtf.Type, sp diag.Span) *ssa.Type {
	if h, ok := c.kern.headers[t]; ok {
		return h
	}
	type fld struct {
		name string
		off  int
		typ  *ssa.Type
	}
	var flds []fld
	bits := map[string]bool{}
	for _, name := range t.FieldNames() {
		p, _ := t.Field(name)
		m := p.Steps[len(p.Steps)-1]
		if m.BitSize > 0 || p.BitOff%8 != 0 {
			bits[name] = true
			continue
		}
		var ft *ssa.Type
		switch m.Type.Kind {
		case kbtf.Int:
			ft = kernelIntType(m.Type)
		case kbtf.Array:
			if m.Type.Elem.Kind == kbtf.Int {
				if et := kernelIntType(m.Type.Elem); et != nil && !et.IsBool() {
					ft = ssa.ArrayOf(et, m.Type.Len)
				}
			}
		case kbtf.Struct:
			ft = c.headerType(m.Type, sp)
		}
		if ft != nil {
			flds = append(flds, fld{name, p.BitOff / 8, ft})
		}
	}
	sort.SliceStable(flds, func(i, j int) bool { return flds[i].off < flds[j].off })
	var fields []ssa.Field
	end, pad := 0, 0
	for _, f := range flds {
		if f.off < end {
			continue // overlaps an earlier member
		}
		if f.off > end {
			fields = append(fields, ssa.Field{Name: "", Type: ssa.ArrayOf(ssa.U8, f.off-end)})
			pad++
		}
		fields = append(fields, ssa.Field{Name: f.name, Type: f.typ})
		end = f.off + f.typ.Size()
	}
	if t.Size > end {
		fields = append(fields, ssa.Field{Name: "", Type: ssa.ArrayOf(ssa.U8, t.Size-end)})
	}
	h := ssa.NewStruct(t.Name, fields)
	for _, f := range flds {
		if fd := h.Field(f.name); fd != nil && fd.Offset != f.off {
			c.errorf(sp, "%s is packed in a way packet headers do not support yet", t.CName())
			return nil
		}
	}
	if h.Size() != t.Size {
		c.errorf(sp, "%s is packed in a way packet headers do not support yet", t.CName())
		return nil
	}
	c.kern.headers[t] = h
	c.kern.bitfields[h] = bits
	return h
}
