package backend

import (
	"fmt"
	"strings"

	"github.com/llir/llvm/ir"
	"github.com/llir/llvm/ir/constant"
	"github.com/llir/llvm/ir/enum"
	"github.com/llir/llvm/ir/types"
	"github.com/pybpfc/pybpfc/ssa"
)

// i8ptr is the one pointer type of the generated IR: every SSA pointer kind
// is an `i8*`, bitcast to `iN*` only at the load or store that needs it.
var i8ptr = types.NewPointer(types.I8)

// emitter holds the module-wide state of one EmitLLVM call.
type emitter struct {
	m   *ssa.Module
	mod *ir.Module
	di  *debugInfo

	funcs   map[string]*ir.Func
	symbols map[string]*ir.Global // maps and globals by SSA symbol name
	strs    map[string]*ir.Global // constant strings by contents

	lifetimeStart, lifetimeEnd *ir.Func
	core                       *coreState // kernel types for CO-RE (core.go)
}

// EmitLLVM translates an SSA module into LLVM IR text for clang or llc
// with the BPF target. The output is deterministic: it depends only on m.
func EmitLLVM(m *ssa.Module) (string, error) {
	return EmitLLVMWithSource(m, nil)
}

// EmitLLVMWithSource is EmitLLVM with the program's source text embedded
// in the debug info (DIFile source:). LLVM copies the line of every line
// info record into .BTF.ext from it, so the kernel verifier log shows
// "; v.value += 1 @ prog.py:12" instead of "; @ prog.py:12". Without it
// LLVM would read the file from the tool's working directory instead,
// which Compile keeps empty so that the object does not depend on it.
func EmitLLVMWithSource(m *ssa.Module, source []byte) (text string, err error) {
	defer func() {
		// llir panics on malformed modules (a block without terminator,
		// duplicate names); report that as an error naming the cause.
		if r := recover(); r != nil {
			err = fmt.Errorf("emit llvm: %v", r)
		}
	}()
	e := &emitter{
		m:       m,
		mod:     newModule(),
		funcs:   map[string]*ir.Func{},
		symbols: map[string]*ir.Global{},
		strs:    map[string]*ir.Global{},
	}
	e.di = newDebugInfo(e.mod, m.File, source)
	e.emitLicense()
	for _, mp := range m.Maps {
		e.emitMap(mp)
	}
	for _, g := range m.Globals {
		if err := e.emitGlobal(g); err != nil {
			return "", err
		}
	}
	// Declare every function first: subprogram calls may refer forward.
	for _, f := range m.Funcs {
		if _, dup := e.funcs[f.Name]; dup {
			return "", fmt.Errorf("emit llvm: function %s defined twice", f.Name)
		}
		e.funcs[f.Name] = e.declareFunc(f)
	}
	e.fillProgArrays() // progarray.go: needs the functions' addresses
	e.keepCallbacks()
	for _, f := range m.Funcs {
		if err := e.lowerFunc(f, e.funcs[f.Name]); err != nil {
			return "", err
		}
	}
	e.di.finish()
	return e.mod.String(), nil
}

func newModule() *ir.Module {
	mod := ir.NewModule()
	// The triple only; the data layout is left to the target so that LLVM
	// 14 and 19 (whose BPF layouts differ) both accept the module.
	mod.TargetTriple = "bpf"
	return mod
}

// llType is the register type of an SSA value type.
func llType(t *ssa.Type) types.Type {
	switch t.Kind {
	case ssa.KBool:
		return types.I1
	case ssa.KInt:
		return types.NewInt(uint64(t.Bits))
	case ssa.KPtr:
		return i8ptr
	}
	panic(fmt.Sprintf("BUG: no register type for %s", t))
}

// memType is the in-memory type of a scalar: bool is a byte in memory.
func memType(t *ssa.Type) types.Type {
	if t.IsBool() {
		return types.I8
	}
	return llType(t)
}

func (e *emitter) emitLicense() {
	lic := e.m.License
	if lic == "" {
		lic = "GPL"
	}
	init := constant.NewCharArrayFromString(lic + "\x00")
	g := e.mod.NewGlobalDef("LICENSE", init)
	g.Section = "license"
	g.Align = 1
	g.Preemption = enum.PreemptionDSOLocal
	// Like C's `char LICENSE[] SEC("license") = "GPL";`.
	e.di.global(g, "LICENSE", e.di.arrayOf(e.di.typeOf(ssa.Char), 8, len(lic)+1), 0, false)
}

func (e *emitter) emitMap(mp *ssa.Map) {
	dt, n := e.di.mapType(mp)
	fields := make([]types.Type, n)
	for i := range fields {
		fields[i] = i8ptr
	}
	g := e.mod.NewGlobalDef(mp.Name, constant.NewZeroInitializer(progArrayType(mp, fields)))
	g.Section = ".maps"
	g.Align = 8
	g.Preemption = enum.PreemptionDSOLocal
	e.di.global(g, mp.Name, dt, mp.Pos.Line, false)
	e.symbols[mp.Name] = g
}

func (e *emitter) emitGlobal(gl *ssa.Global) error {
	if _, dup := e.symbols[gl.Name]; dup {
		return fmt.Errorf("emit llvm: symbol %s defined twice", gl.Name)
	}
	var init constant.Constant
	switch {
	case gl.Type.IsInt() || gl.Type.IsBool():
		init = constant.NewInt(memType(gl.Type).(*types.IntType), signExtend(gl.Init, gl.Type.Size()*8))
	case gl.Type.IsAggregate() && gl.Init == 0:
		// Aggregates are raw bytes to LLVM; BTF carries their shape.
		init = constant.NewZeroInitializer(types.NewArray(uint64(gl.Type.Size()), types.I8))
	default:
		return fmt.Errorf("emit llvm: global %s: cannot initialise a %s with %d", gl.Name, gl.Type, gl.Init)
	}
	sec := gl.Section
	if sec == "" {
		sec = ".data"
		if gl.Init == 0 {
			sec = ".bss"
		}
	}
	g := e.mod.NewGlobalDef(gl.Name, init)
	g.Section = sec
	g.Align = ir.Align(gl.Type.Align())
	g.Preemption = enum.PreemptionDSOLocal
	// .rodata is C's `const volatile`: a constant in a read-only section
	// (which the loader freezes), read with volatile loads so that LLVM
	// never folds it to its initial value.
	g.Immutable = sec == ".rodata" || strings.HasPrefix(sec, ".rodata.")
	e.di.global(g, gl.Name, e.di.typeOf(gl.Type), gl.Pos.Line, false)
	e.symbols[gl.Name] = g
	return nil
}

// stringGlobal returns the read-only copy of s, one per distinct contents,
// named in order of first use. bpf_trace_printk needs its format in
// read-only memory; cilium/ebpf loads .rodata as a frozen array map.
func (e *emitter) stringGlobal(s string) *ir.Global {
	if g, ok := e.strs[s]; ok {
		return g
	}
	init := constant.NewCharArrayFromString(s + "\x00")
	g := e.mod.NewGlobalDef(fmt.Sprintf(".str.%d", len(e.strs)), init)
	g.Linkage = enum.LinkagePrivate
	g.UnnamedAddr = enum.UnnamedAddrUnnamedAddr
	g.Immutable = true
	g.Section = ".rodata"
	g.Align = 1
	e.strs[s] = g
	return g
}

func (e *emitter) declareFunc(f *ssa.Func) *ir.Func {
	var params []*ir.Param
	for i, p := range f.Params {
		name := p.Name
		if name == "" {
			name = fmt.Sprintf("arg%d", i)
		}
		params = append(params, ir.NewParam(name, llType(p.Type)))
	}
	fn := e.mod.NewFunc(f.Name, types.I64, params...)
	if f.Section != "" {
		fn.Section = f.Section
		fn.Preemption = enum.PreemptionDSOLocal
	} else {
		// A static function: a BPF-to-BPF call target in .text, verified
		// in its caller's context rather than as a global function.
		fn.Linkage = enum.LinkageInternal
	}
	return fn
}

// keepCallbacks marks every function whose address is taken (bpf_loop's
// callback) noinline. Inlined copies would be fine for direct calls, but
// clang may also clone or change the signature of a static function it
// inlines everywhere else, and the kernel calls a callback with exactly
// (u64 index, void *ctx): it must stay one real function in .text.
func (e *emitter) keepCallbacks() {
	for _, f := range e.m.Funcs {
		for _, b := range f.Blocks {
			for _, v := range b.Values {
				if v.Op != ssa.OpGlobal {
					continue
				}
				if fn := e.funcs[v.Aux]; fn != nil && e.symbols[v.Aux] == nil && !hasNoInline(fn) {
					fn.FuncAttrs = append(fn.FuncAttrs, enum.FuncAttrNoInline)
				}
			}
		}
	}
}

func hasNoInline(fn *ir.Func) bool {
	for _, a := range fn.FuncAttrs {
		if a == enum.FuncAttrNoInline {
			return true
		}
	}
	return false
}

// lifetime returns the lifetime intrinsics, declared on first use. clang
// -O2 needs them to see that stack slots die, or stack and code grow.
func (e *emitter) lifetime() (start, end *ir.Func) {
	if e.lifetimeStart == nil {
		e.lifetimeStart = e.mod.NewFunc("llvm.lifetime.start.p0i8", types.Void, ir.NewParam("", types.I64), ir.NewParam("", i8ptr))
		e.lifetimeEnd = e.mod.NewFunc("llvm.lifetime.end.p0i8", types.Void, ir.NewParam("", types.I64), ir.NewParam("", i8ptr))
	}
	return e.lifetimeStart, e.lifetimeEnd
}

// signExtend reads the low bits of v as a signed number, the form LLVM
// prints integer constants in.
func signExtend(v int64, bits int) int64 {
	if bits >= 64 {
		return v
	}
	return v << (64 - bits) >> (64 - bits)
}
