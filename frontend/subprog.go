package frontend

import (
	"strings"

	"github.com/pybpfc/pybpfc/frontend/syntax"
	"github.com/pybpfc/pybpfc/internal/diag"
	"github.com/pybpfc/pybpfc/ssa"
)

// Subprograms (LANGUAGE.md 7.6): a @bpf def without a role is a static
// function in .text that programs and other subprograms call. A caller
// needs the callee's signature before the callee is lowered (callers may
// come first in the file, and the return type may be inferred from the
// body, 2.3.1), so signatures are computed on demand and cached; the
// diagnostics about a signature are reported once, when the subprogram
// itself is lowered.

// paramKind is how a subprogram parameter is passed.
type paramKind int

const (
	pInt    paramKind = iota // a ctypes integer: a value
	pStruct                  // a @struct: a reference to the caller's struct
	pKernel                  // a kernel struct: a kernel pointer
	pCtx                     // the first parameter with a context type: the caller's context
	pVoid                    // c_void_p after the first: a u64
)

type subParam struct {
	name string
	kind paramKind
	t    *ssa.Type // pInt/pVoid: the value type; pStruct: the struct; pKernel: the pointer type
	ann  string    // the annotation's name (the context's kernel type for pCtx)
	sp   diag.Span
}

// ssaType is the parameter's type in the IR (and its register in LLVM).
func (p subParam) ssaType() *ssa.Type {
	switch p.kind {
	case pStruct:
		return ssa.PtrTo(ssa.PtrRef)
	case pCtx:
		return ssa.PtrTo(ssa.PtrCtx)
	case pKernel:
		return p.t
	}
	return loadType(p.t)
}

// subSig is a subprogram's signature; ret is nil for `-> None`.
type subSig struct {
	d       *funcDecl
	params  []subParam
	ret     *ssa.Type
	ok      bool
	state   int // 0 not computed, 1 being computed, 2 done
	checked bool
}

// callEdge is a call (or a bpf_loop callback) from one function to a
// subprogram, for the recursion and call depth checks (subprog_graph.go).
type callEdge struct {
	callee string
	sp     diag.Span
}

type subState struct {
	sigs  map[string]*subSig
	edges map[string][]callEdge // by caller
}

func (c *compiler) subInfo() *subState {
	if c.subs == nil {
		c.subs = &subState{sigs: map[string]*subSig{}, edges: map[string][]callEdge{}}
		for _, d := range c.subprogs {
			c.subs.sigs[d.def.Name] = &subSig{d: d}
		}
	}
	return c.subs
}

// sig returns the signature of subprogram name (nil when there is none),
// computing it silently: lowerSub reports what is wrong with it.
func (c *compiler) sig(name string) *subSig {
	s := c.subInfo().sigs[name]
	if s == nil || s.state != 0 {
		return s // while its return type is being inferred, a recursive call sees s as it is
	}
	s.state = 1
	saved := c.diags
	c.diags = &diag.List{}
	s.params, s.ok = c.subParams(s.d)
	s.ret = ssa.S64 // what a recursive call sees while the return type is inferred
	if s.ok {
		s.ret, s.ok = c.subReturn(s.d)
	}
	c.diags = saved
	s.state = 2
	return s
}

// subParams checks a subprogram's parameters (LANGUAGE.md 7.6.2).
func (c *compiler) subParams(d *funcDecl) ([]subParam, bool) {
	def := d.def
	ok := true
	if len(def.Params) > 5 {
		c.errorf(def.Params[5].Sp, "a subprogram takes at most 5 parameters (%d given)", len(def.Params)).
			Hint("BPF passes arguments in 5 registers; group values in a @struct and pass it")
		ok = false
	}
	var ps []subParam
	for i, p := range def.Params {
		if p.Kind != syntax.ParamNormal && p.Kind != syntax.ParamPosOnly || p.Default != nil {
			c.errorf(p.Sp, "subprogram parameters are plain parameters without defaults")
			ok = false
			continue
		}
		if p.Annotation == nil {
			c.errorf(p.Sp, "parameter '%s' needs a type annotation such as c_uint64", p.Name)
			ok = false
			continue
		}
		sp := subParam{name: p.Name, sp: p.Sp}
		name, _ := c.plainName(p.Annotation)
		sp.ann = name
		switch {
		case name == "c_void_p" && i == 0:
			sp.kind = pCtx
		case name == "c_void_p":
			sp.kind, sp.t = pVoid, ssa.U64
		case c.scalarAnnotation(p.Annotation) != nil:
			sp.kind, sp.t = pInt, c.scalarAnnotation(p.Annotation)
		case c.structs[name] != nil:
			sp.kind, sp.t = pStruct, c.structs[name].t
		case c.failed[name]:
			ok = false
			continue
		case c.kernelComposite(name) != nil && i == 0 && isContextStruct(name):
			sp.kind = pCtx
		case c.kernelComposite(name) != nil:
			sp.kind, sp.t = pKernel, c.kernelPtrType(ssa.PtrKernel, c.kernelComposite(name))
		default:
			c.errorf(p.Annotation.Span(), "'%s' is not a parameter type; use a ctypes integer type, a @struct, a kernel struct or c_void_p", exprText(p.Annotation))
			ok = false
			continue
		}
		ps = append(ps, sp)
	}
	return ps, ok
}

// isContextStruct reports whether a kernel struct is some program type's
// context: a subprogram's first parameter of such a type is the context
// (LANGUAGE.md 6.6.1); other kernel struct parameters are kernel pointers.
func isContextStruct(name string) bool {
	if strings.HasPrefix(name, "struct_trace_event_raw_") {
		return true
	}
	for _, names := range contextTypes {
		for _, n := range names {
			if n == name {
				return true
			}
		}
	}
	return false
}

// subReturn is the declared return type, nil for `-> None`, or the type
// inferred from the body's return statements (LANGUAGE.md 7.6.3, 2.3.1).
func (c *compiler) subReturn(d *funcDecl) (*ssa.Type, bool) {
	def := d.def
	if def.Returns != nil {
		if k, ok := def.Returns.(*syntax.Constant); ok && k.Value == "None" {
			return nil, true
		}
		t := c.scalarAnnotation(def.Returns)
		if t == nil {
			c.errorf(def.Returns.Span(), "a subprogram returns an integer type such as c_int64, or None, not '%s'", exprText(def.Returns))
			return ssa.S64, false
		}
		return canonical(t), true
	}
	saved := c.diags
	c.diags = &diag.List{}
	probe := c.lowerBody(d, ssa.S64, &ssa.Module{})
	c.diags = saved
	return inferredReturn(probe.retSeen), true
}

// lowerSub lowers a subprogram, reporting what is wrong with its
// signature; unused subprograms are lowered too, so they are checked.
func (c *compiler) lowerSub(d *funcDecl) {
	s := c.sig(d.def.Name)
	if _, ok := c.subParams(d); !ok {
		return
	}
	if _, ok := c.subReturn(d); !ok {
		return
	}
	ret := s.ret
	if ret == nil {
		ret = ssa.S64 // `-> None`: the register holds 0, which no caller reads
	}
	f := c.lowerBody(d, ret, c.mod)
	if f != nil && f.f != nil {
		c.mod.Funcs = append(c.mod.Funcs, f.f)
	}
}

// subprogParams binds a subprogram's parameters: integers and kernel
// pointers become locals holding the argument, a struct parameter a
// reference local, a context parameter the function's context.
func (f *fn) subprogParams(def *syntax.FunctionDef) bool {
	s := f.c.sig(def.Name)
	if s == nil || len(s.params) != len(def.Params) {
		return false
	}
	f.sub = s
	for i, p := range s.params {
		t := p.ssaType()
		f.f.Params = append(f.f.Params, &ssa.Param{Name: p.name, Type: t, Pos: p.sp.Start})
		arg := f.b.Value(ssa.OpArg, t, p.sp.Start)
		arg.AuxInt = int64(i)
		if p.kind == pCtx {
			f.ctxName, f.ctxVal = p.name, arg
			if p.ann != "c_void_p" {
				f.ctxAnn = p.ann
			}
			continue
		}
		l := &local{name: p.name, first: p.sp, t: p.t}
		if p.kind == pStruct {
			l.ref, l.pk = true, ssa.PtrRef
		}
		f.locals[p.name] = l
		f.assigned[p.name] = true
		f.b.DeclareVariable(l, varType(l))
		f.b.WriteVariable(l, arg)
	}
	return true
}
