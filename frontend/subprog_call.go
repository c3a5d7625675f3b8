package frontend

import (
	"github.com/pybpfc/pybpfc/frontend/syntax"
	"github.com/pybpfc/pybpfc/internal/diag"
	"github.com/pybpfc/pybpfc/ssa"
)

// callSub lowers a call of a subprogram (LANGUAGE.md 7.6.4): positional
// then keyword arguments, evaluated left to right as written, each
// converted to its parameter's type.
func (f *fn) callSub(name string, e *syntax.Call, stmt bool) operand {
	s := f.c.sig(name)
	if s == nil || !s.ok {
		return bad(e.Sp) // the subprogram's own errors are reported at its definition
	}
	exprs, ok := f.bindArgs(name, s, e)
	if !ok {
		return bad(e.Sp)
	}
	args := make([]*ssa.Value, len(s.params))
	for _, a := range exprs {
		v := f.subArg(name, s.params[a.param], f.expr(a.e))
		if v == nil {
			ok = false
		}
		args[a.param] = v
	}
	if !ok {
		return bad(e.Sp)
	}
	if s.ret == nil && f.noValue(name+"()", e, stmt) {
		return bad(e.Sp)
	}
	rt := s.ret
	if rt == nil {
		rt = ssa.Void
	}
	v := f.b.Value(ssa.OpCallSub, rt, pos(e.Sp), args...)
	v.Aux = name
	f.noteCall(name, e.Func.Span())
	if s.ret == nil {
		return operand{k: kVoid, t: ssa.Void, sp: e.Sp}
	}
	return operand{k: kVal, t: s.ret, v: v, sp: e.Sp}
}

type boundArg struct {
	e     syntax.Expr
	param int
}

// bindArgs matches a call's arguments with the parameters, in the order
// they are written (the order they are evaluated in).
func (f *fn) bindArgs(name string, s *subSig, e *syntax.Call) ([]boundArg, bool) {
	n := len(s.params)
	if len(e.Args) > n {
		f.errorf(e.Args[n].Span(), "%s() takes %d arguments (%d given)", name, n, len(e.Args)+len(e.Keywords))
		return nil, false
	}
	seen := make([]bool, n)
	var out []boundArg
	for i, a := range e.Args {
		seen[i] = true
		out = append(out, boundArg{a, i})
	}
	ok := true
	for _, k := range e.Keywords {
		i := -1
		for j, p := range s.params {
			if p.name == k.Name {
				i = j
			}
		}
		switch {
		case k.Name == "":
			f.errorf(k.Sp, "%s() takes no **arguments", name)
			ok = false
		case i < 0:
			f.errorf(k.Sp, "%s() has no parameter named '%s'", name, k.Name)
			ok = false
		case seen[i]:
			f.errorf(k.Sp, "%s() got multiple values for argument '%s'", name, k.Name)
			ok = false
		default:
			seen[i] = true
			out = append(out, boundArg{k.Value, i})
		}
	}
	for i, p := range s.params {
		if !seen[i] && ok {
			f.errorf(e.Sp, "%s() missing argument '%s' (it takes %d arguments)", name, p.name, n)
			ok = false
		}
	}
	return out, ok
}

// subArg converts one argument for parameter p (LANGUAGE.md 7.6.2); nil
// after an error.
func (f *fn) subArg(name string, p subParam, o operand) *ssa.Value {
	if o.k == kBad {
		return nil
	}
	at := pos(o.sp)
	switch p.kind {
	case pStruct:
		if o.k != kRef || o.t.Kind != ssa.KStruct || !sameCType(o.t, p.t) {
			f.errorf(o.sp, "argument '%s' of %s() is a %s: pass a %s local, field, record or map value", p.name, name, p.t.Name, p.t.Name)
			return nil
		}
		return o.v
	case pCtx:
		if o.k == kVal && o.v.Type.IsPtr() && o.v.Type.Ptr == ssa.PtrCtx {
			return o.v
		}
		if p.ann != "c_void_p" {
			f.errorf(o.sp, "argument '%s' of %s() is the context; pass the caller's context", p.name, name)
			return nil
		}
	case pKernel:
		if f.isKernelPtr(o) {
			return o.v
		}
		if o.k == kVal && o.v.Type.IsPtr() || !f.arith(o) {
			f.errorf(o.sp, "argument '%s' of %s() is a kernel pointer; pass one or an address", p.name, name)
			return nil
		}
		return f.kernelPointerTo(f.c.kern.pointee[p.t], o, o.sp).v
	}
	if o.k == kVal && o.v.Type.IsPtr() && (p.kind == pVoid || p.kind == pCtx) {
		return f.b.Value(ssa.OpPtrToInt, ssa.U64, at, o.v) // an address as a u64
	}
	if o.k == kVoid {
		f.errorf(o.sp, "this call has no value")
		return nil
	}
	if !f.arith(o) {
		return nil
	}
	t := p.t
	if p.kind == pCtx {
		t = ssa.U64 // the backend passes the integer in the context's register
	}
	return f.value(f.convert(o, t, true))
}

// noteCall records a call edge for the recursion and depth checks, once
// per call site of the real lowering (not of return type probes).
func (f *fn) noteCall(callee string, sp diag.Span) {
	if f.f == nil || f.f.Module != f.c.mod {
		return
	}
	st := f.c.subInfo()
	st.edges[f.f.Name] = append(st.edges[f.f.Name], callEdge{callee, sp})
}
