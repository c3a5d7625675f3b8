package backend

import (
	"github.com/llir/llvm/ir/constant"
	"github.com/llir/llvm/ir/enum"
	"github.com/llir/llvm/ir/metadata"
	"github.com/llir/llvm/ir/types"
	"github.com/pybpfc/pybpfc/ssa"
)

// A statically filled ProgArray (LANGUAGE.md 5.7) is the libbpf
// convention C writes as `__array(values, int (void *))` with an
// initializer `.values = {[1] = &prog}`: the map struct ends in a flexible
// array of function pointers, and the loader reads slot i from the
// relocation at the i'th pointer of the global's initializer. BTF carries
// only the member's type; the entries live in the relocations.

// progArrayValues is the debug type of the `values` member: a flexible
// array (no elements, so no size) of pointers to `int (void *)`.
func (d *debugInfo) progArrayValues() metadata.Field {
	proto := &metadata.DISubroutineType{Types: d.tuple(d.basic(ssa.S32), d.voidPtr())}
	d.def(proto)
	ptr := &metadata.DIDerivedType{Tag: enum.DwarfTagPointerType, BaseType: proto, Size: 64}
	d.def(ptr)
	return d.arrayOf(ptr, 64, 0)
}

// progArrayType is the LLVM type of a map global with n members, the last
// of which is the values array when the map has programs.
func progArrayType(mp *ssa.Map, fields []types.Type) *types.StructType {
	if len(mp.Programs) > 0 {
		fields[len(fields)-1] = types.NewArray(uint64(len(mp.Programs)), i8ptr)
	}
	return types.NewStruct(fields...)
}

// fillProgArrays gives each statically filled ProgArray its initializer,
// once every function is declared: the values are function addresses.
func (e *emitter) fillProgArrays() {
	for _, mp := range e.m.Maps {
		if len(mp.Programs) == 0 {
			continue
		}
		g := e.symbols[mp.Name]
		st := g.ContentType.(*types.StructType)
		n := len(st.Fields)
		fields := make([]constant.Constant, n)
		for i := 0; i < n-1; i++ {
			fields[i] = constant.NewNull(i8ptr)
		}
		slots := make([]constant.Constant, len(mp.Programs))
		for i, name := range mp.Programs {
			slots[i] = constant.NewNull(i8ptr)
			if fn := e.funcs[name]; name != "" && fn != nil {
				slots[i] = constant.NewBitCast(fn, i8ptr)
			}
		}
		fields[n-1] = constant.NewArray(st.Fields[n-1].(*types.ArrayType), slots...)
		g.Init = constant.NewStruct(st, fields...)
	}
}
