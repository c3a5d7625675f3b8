package backend

import (
	"fmt"

	"github.com/llir/llvm/ir"
	"github.com/llir/llvm/ir/constant"
	"github.com/llir/llvm/ir/enum"
	"github.com/llir/llvm/ir/metadata"
	"github.com/llir/llvm/ir/types"
	"github.com/llir/llvm/ir/value"
	"github.com/pybpfc/pybpfc/ssa"
)

// CO-RE (LANGUAGE.md 8.3): a kernel member address is a chain of
// llvm.preserve.{struct,union}.access.index calls, each tagged with
// !llvm.preserve.access.index naming the composite's debug type. clang's
// BPF backend (BPFAbstractMemberAccess) turns every chain into one
// relocatable offset and records a field relocation in .BTF.ext, which the
// loader resolves against the running kernel's BTF. The composites come
// from the kernel's BTF through ssa.Module.Kernel, so the relocation names
// the kernel's own struct (xdp_md, task_struct) and matches on any kernel.
//
// Only the debug type and the access indices matter to that pass; the
// LLVM struct type just has the composite's size and alignment. llc 14
// does not run the pass (it fails with "Cannot select: intrinsic"), so
// programs that use kernel fields need clang.

// coreState caches the LLVM and debug types of kernel composites.
type coreState struct {
	llTypes map[*ssa.KType]types.Type
	diTypes map[*ssa.KType]metadata.Field
	intrins map[string]*ir.Func
	anon    int
}

func (e *emitter) coreState() *coreState {
	if e.core == nil {
		e.core = &coreState{llTypes: map[*ssa.KType]types.Type{}, diTypes: map[*ssa.KType]metadata.Field{}, intrins: map[string]*ir.Func{}}
	}
	return e.core
}

// kernelAlign is a composite's alignment: the largest power of two up to 8
// that divides its size, which is what the kernel's own layout implies.
func kernelAlign(t *ssa.KType) int {
	a := 8
	for a > 1 && t.Size%a != 0 {
		a /= 2
	}
	return a
}

// llKernel is the LLVM type of a kernel type, as a pointee.
func (e *emitter) llKernel(t *ssa.KType) types.Type {
	cs := e.coreState()
	if lt, ok := cs.llTypes[t]; ok {
		return lt
	}
	var lt types.Type
	switch t.Kind {
	case ssa.KernInt:
		lt = types.NewInt(uint64(max(t.Size, 1) * 8))
	case ssa.KernPtr:
		lt = i8ptr
	case ssa.KernArray:
		lt = types.NewArray(uint64(t.Len), e.llKernel(t.Elem))
	case ssa.KernStruct, ssa.KernUnion:
		a := kernelAlign(t)
		body := types.NewStruct(types.NewArray(uint64(t.Size/a), types.NewInt(uint64(a*8))))
		name := t.Name
		if name == "" {
			cs.anon++
			name = fmt.Sprintf("anon.%d", cs.anon)
		}
		prefix := "struct."
		if t.Kind == ssa.KernUnion {
			prefix = "union."
		}
		lt = e.mod.NewTypeDef(prefix+name, body)
	default:
		lt = types.I8
	}
	cs.llTypes[t] = lt
	return lt
}

// mangle spells a type in an overloaded intrinsic's name, as LLVM does for
// typed pointers ("p0i32", "p0s_struct.xdp_mds").
func mangle(t types.Type) string {
	switch t := t.(type) {
	case *types.PointerType:
		return "p0" + mangle(t.ElemType)
	case *types.IntType:
		return fmt.Sprintf("i%d", t.BitSize)
	case *types.ArrayType:
		return fmt.Sprintf("a%d", t.Len) + mangle(t.ElemType)
	case *types.StructType:
		return "s_" + t.Name() + "s"
	}
	panic(fmt.Sprintf("BUG: cannot mangle %s", t))
}

// intrinsic declares (once) an access intrinsic for the given types.
func (e *emitter) intrinsic(kind string, ret, base types.Type, nIdx int) *ir.Func {
	name := "llvm.preserve." + kind + ".access.index." + mangle(ret) + "." + mangle(base)
	cs := e.coreState()
	if f, ok := cs.intrins[name]; ok {
		return f
	}
	params := []*ir.Param{ir.NewParam("", base)}
	for i := 0; i < nIdx; i++ {
		p := ir.NewParam("", types.I32)
		p.Attrs = append(p.Attrs, enum.ParamAttrImmArg)
		params = append(params, p)
	}
	f := e.mod.NewFunc(name, ret, params...)
	cs.intrins[name] = f
	return f
}

// coreAddr lowers OpCoreAddr to its chain of access intrinsics.
func (l *funcLower) coreAddr(v *ssa.Value) value.Value {
	acc, err := ssa.ParseCoreAccess(v.Aux)
	if err != nil {
		l.fail(v, "%v", err)
		return nil
	}
	t := l.f.Module.Kernel[acc.Root]
	if t == nil || len(acc.Indices) == 0 || acc.Indices[0] != 0 {
		l.fail(v, "no kernel type for the CO-RE access %q", v.Aux)
		return nil
	}
	b := l.cur
	cur := b.NewBitCast(l.val(v.Args[0]), types.NewPointer(l.e.llKernel(t)))
	var x value.Value = cur
	for _, idx := range acc.Indices[1:] {
		if t.Kind != ssa.KernStruct && t.Kind != ssa.KernUnion || idx >= len(t.Members) {
			l.fail(v, "CO-RE access %q does not fit %s", v.Aux, t.Name)
			return nil
		}
		m := t.Members[idx]
		baseTy := x.Type()
		retTy := types.NewPointer(l.e.llKernel(m.Type))
		md := &metadata.Attachment{Name: "llvm.preserve.access.index", Node: l.e.diKernel(t).(metadata.MDNode)}
		var call *ir.InstCall
		if t.Kind == ssa.KernStruct {
			fn := l.e.intrinsic("struct", retTy, baseTy, 2)
			arg := ir.NewArg(x, ir.ElementType{Typ: l.e.llKernel(t)})
			call = b.NewCall(fn, arg, constant.NewInt(types.I32, int64(idx)), constant.NewInt(types.I32, int64(idx)))
		} else {
			// A union access keeps the pointer; the member is at offset 0.
			fn := l.e.intrinsic("union", baseTy, baseTy, 1)
			call = b.NewCall(fn, x, constant.NewInt(types.I32, int64(idx)))
		}
		call.Metadata = append(call.Metadata, md)
		x = call
		if t.Kind == ssa.KernUnion {
			x = b.NewBitCast(x, retTy)
		}
		t = m.Type
	}
	return b.NewBitCast(x, i8ptr)
}

// diKernel is the debug type of a kernel type. Composites with members
// list them all at their BTF bit offsets (bitfields flagged), so the BTF
// clang writes matches the kernel's wherever an access goes through it.
func (e *emitter) diKernel(t *ssa.KType) metadata.Field {
	cs := e.coreState()
	if n, ok := cs.diTypes[t]; ok {
		return n
	}
	d := e.di
	var n metadata.Field
	switch t.Kind {
	case ssa.KernVoid:
		n = metadata.Null
	case ssa.KernPtr:
		n = d.voidPtr()
	case ssa.KernArray:
		n = d.arrayOf(e.diKernel(t.Elem), uint64(t.Elem.Size*8), t.Len)
	case ssa.KernInt:
		if t.Enum {
			n = e.diEnum(t)
			break
		}
		enc := enum.DwarfAttEncodingUnsigned
		switch {
		case t.Bool:
			enc = enum.DwarfAttEncodingBoolean
		case t.Signed:
			enc = enum.DwarfAttEncodingSigned
		}
		b := &metadata.DIBasicType{Tag: enum.DwarfTagBaseType, Name: t.Name, Size: uint64(t.Size * 8), Encoding: enc}
		d.def(b)
		n = b
	case ssa.KernStruct, ssa.KernUnion:
		tag := enum.DwarfTagStructureType
		if t.Kind == ssa.KernUnion {
			tag = enum.DwarfTagUnionType
		}
		s := &metadata.DICompositeType{Tag: tag, Name: t.Name, File: d.file, Size: uint64(t.Size * 8)}
		d.def(s)
		cs.diTypes[t] = s // before the members: they may point back
		var members []metadata.Field
		for _, m := range t.Members {
			dm := &metadata.DIDerivedType{Tag: enum.DwarfTagMember, Name: m.Name, Scope: s, File: d.file,
				BaseType: e.diKernel(m.Type), Size: uint64(m.Type.Size * 8), Offset: uint64(m.BitOff)}
			if m.BitSize > 0 {
				dm.Size = uint64(m.BitSize)
				dm.Flags = enum.DIFlagBitField
				dm.ExtraData = constant.NewInt(types.I64, int64(m.BitOff/8*8))
			}
			d.def(dm)
			members = append(members, dm)
		}
		s.Elements = d.tuple(members...)
		return s
	default:
		n = d.voidPtr()
	}
	cs.diTypes[t] = n
	return n
}

// diEnum describes an enum with its enumerators: CO-RE matches enum
// members by kind and name, so an enum-typed field must stay an enum.
func (e *emitter) diEnum(t *ssa.KType) metadata.Field {
	d := e.di
	var elems []metadata.Field
	for _, v := range t.Enums {
		en := &metadata.DIEnumerator{Name: v.Name, Value: v.Value, IsUnsigned: !t.Signed}
		d.def(en)
		elems = append(elems, en)
	}
	base := &metadata.DIBasicType{Tag: enum.DwarfTagBaseType, Name: "unsigned int", Size: uint64(t.Size * 8), Encoding: enum.DwarfAttEncodingUnsigned}
	if t.Signed {
		base.Name, base.Encoding = "int", enum.DwarfAttEncodingSigned
	}
	d.def(base)
	c := &metadata.DICompositeType{Tag: enum.DwarfTagEnumerationType, Name: t.Name, File: d.file, Size: uint64(t.Size * 8),
		BaseType: base, Elements: d.tuple(elems...)}
	d.def(c)
	return c
}

// pktPtr lowers OpPktPtr: the context's u32 field, zero-extended, used as
// a pointer, which is the shape the verifier knows from C's
// `(void *)(long)ctx->data`.
func (l *funcLower) pktPtr(v *ssa.Value) value.Value {
	return l.cur.NewIntToPtr(l.val(v.Args[0]), i8ptr)
}
