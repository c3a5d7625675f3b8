package backend

import (
	"fmt"
	"path/filepath"

	"github.com/llir/llvm/ir"
	"github.com/llir/llvm/ir/constant"
	"github.com/llir/llvm/ir/enum"
	"github.com/llir/llvm/ir/metadata"
	"github.com/llir/llvm/ir/types"
	"github.com/pybpfc/pybpfc/ssa"
)

// debugInfo owns every metadata node of the module. clang turns this debug
// info into .BTF (types of maps, globals and functions) and .BTF.ext (line
// info), so it is part of the object's meaning, not decoration.
type debugInfo struct {
	mod     *ir.Module
	file    *metadata.DIFile
	cu      *metadata.DICompileUnit
	expr    *metadata.DIExpression
	globals []metadata.Field // DIGlobalVariableExpressions listed by the CU

	// Caches keep the output small and deterministic: equal types and
	// locations are one node each.
	structs map[*ssa.Type]*metadata.DICompositeType
	named   map[string]metadata.Field // basic types by spelling
	// Keyed by node identity: printing a node to make a key would recurse
	// through struct members that point back at their struct.
	ptrs   map[metadata.Field]metadata.Field
	arrays map[arrayKey]metadata.Field
	locs   map[locKey]*metadata.DILocation
}

type arrayKey struct {
	elem metadata.Field
	n    int
}

type locKey struct {
	sp        *metadata.DISubprogram
	line, col int
}

func newDebugInfo(mod *ir.Module, sourceFile string, source []byte) *debugInfo {
	d := &debugInfo{
		mod:     mod,
		structs: map[*ssa.Type]*metadata.DICompositeType{},
		named:   map[string]metadata.Field{},
		ptrs:    map[metadata.Field]metadata.Field{},
		arrays:  map[arrayKey]metadata.Field{},
		locs:    map[locKey]*metadata.DILocation{},
	}
	name := filepath.Base(sourceFile)
	if sourceFile == "" {
		name = "prog.py"
	}
	// Directory "." keeps the object identical wherever it is compiled.
	d.file = &metadata.DIFile{Filename: name, Directory: ".", Source: string(source)}
	d.def(d.file)
	d.cu = &metadata.DICompileUnit{
		Distinct:     true, // LLVM requires a distinct compile unit
		Language:     enum.DwarfLangC99,
		File:         d.file,
		Producer:     "pybpfc",
		EmissionKind: enum.EmissionKindFullDebug,
	}
	d.def(d.cu)
	d.expr = &metadata.DIExpression{}
	d.def(d.expr)
	return d
}

// def registers a node so that llir numbers it; a zero MetadataID would
// otherwise claim !0 for every node.
func (d *debugInfo) def(n metadata.Definition) {
	n.SetID(-1)
	d.mod.MetadataDefs = append(d.mod.MetadataDefs, n)
}

func (d *debugInfo) tuple(fields ...metadata.Field) *metadata.Tuple {
	t := &metadata.Tuple{Fields: fields}
	if t.Fields == nil {
		t.Fields = []metadata.Field{}
	}
	d.def(t)
	return t
}

// finish writes the module flags and the llvm.dbg.cu list. Without the
// "Debug Info Version" flag llc silently drops all debug info (and so all
// BTF); without llvm.dbg.cu no BTF is written at all.
func (d *debugInfo) finish() {
	d.cu.Globals = d.tuple(d.globals...)
	flag := func(behavior int64, name string, v int64) metadata.Node {
		return d.tuple(constant.NewInt(types.I32, behavior), &metadata.String{Value: name}, constant.NewInt(types.I32, v))
	}
	// Behavior 2 is "Warning"; LLVM 14 and 19 both accept it for both flags.
	flags := []metadata.Node{flag(2, "Dwarf Version", 5), flag(2, "Debug Info Version", 3)}
	d.mod.NamedMetadataDefs["llvm.module.flags"] = &metadata.NamedDef{Name: "llvm.module.flags", Nodes: flags}
	d.mod.NamedMetadataDefs["llvm.dbg.cu"] = &metadata.NamedDef{Name: "llvm.dbg.cu", Nodes: []metadata.Node{d.cu}}
}

// basic returns the base type for an integer or bool. Its name is the C
// spelling BTF carries ("unsigned int", "long", "_Bool").
func (d *debugInfo) basic(t *ssa.Type) metadata.Field {
	name := t.DefaultCName()
	bits := t.Bits
	enc := enum.DwarfAttEncodingUnsigned
	switch {
	case t.IsBool():
		enc, bits = enum.DwarfAttEncodingBoolean, 8
	case t.Bits == 8 && name == "unsigned char":
		enc = enum.DwarfAttEncodingUnsignedChar
	case t.Bits == 8 && t.Signed && (name == "char" || name == "signed char"):
		enc = enum.DwarfAttEncodingSignedChar
	case t.Signed:
		enc = enum.DwarfAttEncodingSigned
	}
	key := fmt.Sprintf("basic %s %d %d", name, bits, enc)
	if n, ok := d.named[key]; ok {
		return n
	}
	n := &metadata.DIBasicType{Tag: enum.DwarfTagBaseType, Name: name, Size: uint64(bits), Encoding: enc}
	d.def(n)
	d.named[key] = n
	return n
}

// voidPtr is C's `void *`: a pointer with a null base type. Every pointer
// parameter is described so; BTF needs no more to accept the function.
func (d *debugInfo) voidPtr() metadata.Field {
	if n, ok := d.named["void*"]; ok {
		return n
	}
	n := &metadata.DIDerivedType{Tag: enum.DwarfTagPointerType, BaseType: metadata.Null, Size: 64}
	d.def(n)
	d.named["void*"] = n
	return n
}

func (d *debugInfo) pointerTo(base metadata.Field) metadata.Field {
	if n, ok := d.ptrs[base]; ok {
		return n
	}
	n := &metadata.DIDerivedType{Tag: enum.DwarfTagPointerType, BaseType: base, Size: 64}
	d.def(n)
	d.ptrs[base] = n
	return n
}

func (d *debugInfo) arrayOf(elem metadata.Field, elemBits uint64, n int) metadata.Field {
	key := arrayKey{elem, n}
	if a, ok := d.arrays[key]; ok {
		return a
	}
	sub := &metadata.DISubrange{Count: metadata.IntLit(n)}
	d.def(sub)
	a := &metadata.DICompositeType{Tag: enum.DwarfTagArrayType, BaseType: elem, Size: elemBits * uint64(n), Elements: d.tuple(sub)}
	d.def(a)
	d.arrays[key] = a
	return a
}

// typeOf describes an SSA type exactly as BTF must see it (LANGUAGE.md 3.1,
// 4.2): struct members at their byte offsets, str(N) as char[N].
func (d *debugInfo) typeOf(t *ssa.Type) metadata.Field {
	switch t.Kind {
	case ssa.KVoid:
		return metadata.Null
	case ssa.KBool, ssa.KInt:
		return d.basic(t)
	case ssa.KPtr:
		return d.voidPtr()
	case ssa.KArray:
		return d.arrayOf(d.typeOf(t.Elem), uint64(t.Elem.Size()*8), t.Len)
	case ssa.KStruct:
		if s, ok := d.structs[t]; ok {
			return s
		}
		s := &metadata.DICompositeType{Tag: enum.DwarfTagStructureType, Name: t.Name, File: d.file, Size: uint64(t.Size() * 8)}
		d.def(s)
		d.structs[t] = s // before the members, so a member may point back
		var members []metadata.Field
		for _, f := range t.Fields {
			m := &metadata.DIDerivedType{Tag: enum.DwarfTagMember, Name: f.Name, Scope: s, File: d.file,
				BaseType: d.typeOf(f.Type), Size: uint64(f.Type.Size() * 8), Offset: uint64(f.Offset * 8)}
			d.def(m)
			members = append(members, m)
		}
		s.Elements = d.tuple(members...)
		return s
	}
	panic(fmt.Sprintf("BUG: no debug type for %s", t))
}

// intArrayPtr is the libbpf encoding of a numeric map property: `int
// (*name)[n]`, the number living in the array length.
func (d *debugInfo) intArrayPtr(n int) metadata.Field {
	return d.pointerTo(d.arrayOf(d.basic(ssa.S32), 32, n))
}

// global describes a global variable and attaches it to g.
func (d *debugInfo) global(g *ir.Global, name string, ty metadata.Field, line int, local bool) {
	v := &metadata.DIGlobalVariable{Name: name, Scope: d.cu, File: d.file, Line: int64(line), Type: ty,
		IsLocal: local, IsDefinition: true}
	d.def(v)
	gve := &metadata.DIGlobalVariableExpression{Var: v, Expr: d.expr}
	d.def(gve)
	d.globals = append(d.globals, gve)
	g.Metadata = append(g.Metadata, &metadata.Attachment{Name: "dbg", Node: gve})
}

// mapType is the anonymous struct of a BTF-defined map (LANGUAGE.md 5.3).
func (d *debugInfo) mapType(mp *ssa.Map) (metadata.Field, int) {
	type member struct {
		name string
		ty   metadata.Field
	}
	ms := []member{{"type", d.intArrayPtr(int(mp.Kind))}}
	if mp.Key != nil {
		ms = append(ms, member{"key", d.pointerTo(d.typeOf(mp.Key))})
	} else if mp.KeySize != 0 {
		ms = append(ms, member{"key_size", d.intArrayPtr(mp.KeySize)})
	}
	if mp.Value != nil {
		ms = append(ms, member{"value", d.pointerTo(d.typeOf(mp.Value))})
	} else if mp.ValueSize != 0 {
		ms = append(ms, member{"value_size", d.intArrayPtr(mp.ValueSize)})
	}
	if mp.MaxEntries != 0 {
		ms = append(ms, member{"max_entries", d.intArrayPtr(mp.MaxEntries)})
	}
	if mp.Flags != 0 {
		ms = append(ms, member{"map_flags", d.intArrayPtr(int(mp.Flags))})
	}
	size := uint64(64 * len(ms))
	if len(mp.Programs) > 0 {
		ms = append(ms, member{"values", d.progArrayValues()}) // flexible: adds no size
	}
	s := &metadata.DICompositeType{Tag: enum.DwarfTagStructureType, File: d.file, Line: int64(mp.Pos.Line), Size: size}
	d.def(s)
	var elems []metadata.Field
	for i, m := range ms {
		e := &metadata.DIDerivedType{Tag: enum.DwarfTagMember, Name: m.name, Scope: s, File: d.file,
			Line: int64(mp.Pos.Line), BaseType: m.ty, Size: 64, Offset: uint64(64 * i)}
		d.def(e)
		elems = append(elems, e)
	}
	s.Elements = d.tuple(elems...)
	return s, len(ms)
}

// retType is the BTF return type of a function. Every function returns i64
// (the value extended by its signedness), so BTF says a 64-bit integer of
// the same signedness, or void *, to match the register the caller sees.
func (d *debugInfo) retType(t *ssa.Type) metadata.Field {
	switch {
	case t.IsPtr():
		return d.voidPtr()
	case t.IsInt() && t.Signed:
		return d.basic(ssa.S64)
	}
	return d.basic(ssa.U64)
}

// subprogram makes the DISubprogram of f with a named DILocalVariable per
// parameter: a function without a DISubprogram crashes llc 14, and a
// parameter without a name makes the kernel reject the BTF ("Invalid arg#1").
func (d *debugInfo) subprogram(fn *ir.Func, f *ssa.Func) *metadata.DISubprogram {
	tys := []metadata.Field{d.retType(f.Ret)}
	for _, p := range f.Params {
		tys = append(tys, d.paramType(p.Type))
	}
	st := &metadata.DISubroutineType{Types: d.tuple(tys...)}
	d.def(st)
	line := int64(f.Pos.Line)
	sp := &metadata.DISubprogram{Distinct: true, Name: f.Name, Scope: d.file, File: d.file, Line: line, Type: st,
		ScopeLine: line, Flags: enum.DIFlagPrototyped, SPFlags: enum.DISPFlagDefinition, Unit: d.cu}
	if f.Section == "" {
		sp.SPFlags |= enum.DISPFlagLocalToUnit // a static function, as in C
	}
	d.def(sp)
	var vars []metadata.Field
	for i, p := range f.Params {
		pl := line
		if p.Pos.IsValid() {
			pl = int64(p.Pos.Line)
		}
		v := &metadata.DILocalVariable{Name: p.Name, Arg: uint64(i + 1), Scope: sp, File: d.file, Line: pl, Type: d.paramType(p.Type)}
		d.def(v)
		vars = append(vars, v)
	}
	sp.RetainedNodes = d.tuple(vars...)
	fn.Metadata = append(fn.Metadata, &metadata.Attachment{Name: "dbg", Node: sp})
	return sp
}

func (d *debugInfo) paramType(t *ssa.Type) metadata.Field {
	if t.IsPtr() {
		return d.voidPtr()
	}
	return d.basic(t)
}

// location returns the (shared) DILocation for pos in sp. It records the
// line only: a column would make the object depend on how a line is
// spelled, and LANGUAGE.md wants equivalent spellings (m().lookup vs
// m.lookup, C-57) to give byte-identical objects. Verifier rejections are
// still reported at the line; the CLI points at its first token.
func (d *debugInfo) location(sp *metadata.DISubprogram, pos lineCol) *metadata.DILocation {
	k := locKey{sp, pos.line, 0}
	if l, ok := d.locs[k]; ok {
		return l
	}
	l := &metadata.DILocation{Line: int64(pos.line), Scope: sp}
	d.def(l)
	d.locs[k] = l
	return l
}
