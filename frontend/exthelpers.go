package frontend

import (
	"github.com/pybpfc/pybpfc/frontend/syntax"
	"github.com/pybpfc/pybpfc/ssa"
)

// The helpers of LANGUAGE.md 6.5 that take plain values or a map:
// get_stackid and tail_call as functions (the method forms are in
// extmaps_methods.go), redirect, send_signal, skb_load_bytes, and the
// compile-time sizeof.

const (
	helperRedirect     = 23
	helperSkbLoadBytes = 26
	helperSendSignal   = 109
)

// extHelpers are the names extHelper lowers.
var extHelpers = map[string]bool{
	"get_stackid": true, "tail_call": true, "redirect": true, "send_signal": true,
	"skb_load_bytes": true, "sizeof": true,
}

func (f *fn) isExtHelper(name string) bool {
	return extHelpers[name] && !f.c.defs[name].IsValid()
}

func (f *fn) extHelper(name string, e *syntax.Call) operand {
	p := pos(e.Sp)
	switch name {
	case "get_stackid":
		if !f.checkArgCount(name, e, 1, 2, "a StackTrace map and optionally flags") {
			return bad(e.Sp)
		}
		m := f.mapArg(e.Args[0], name, ssa.MapStackTrace)
		if m == nil {
			return bad(e.Sp)
		}
		return f.getStackID(m, e.Args[1:], e.Sp)
	case "tail_call":
		if !f.checkArgCount(name, e, 2, 2, "a ProgArray map and a slot index") {
			return bad(e.Sp)
		}
		m := f.mapArg(e.Args[0], name, ssa.MapProgArray)
		if m == nil {
			return bad(e.Sp)
		}
		return f.tailCall(m, e.Args[1], e.Sp)
	case "redirect":
		if !f.checkArgCount(name, e, 1, 2, "an interface index and optionally flags") {
			return bad(e.Sp)
		}
		_, ok := f.checkHelper(name, "redirect()", e.Sp)
		ifindex := f.expr(e.Args[0])
		flags := f.flagsArg(e.Args, 1)
		if !ok || !f.arith(ifindex) || flags == nil {
			return bad(e.Sp)
		}
		iv := f.value(f.convert(ifindex, ssa.U32, true))
		return operand{k: kVal, t: ssa.S64, v: f.helperCall(helperRedirect, "redirect", ssa.S64, p, iv, flags), sp: e.Sp}
	case "send_signal":
		if !f.checkArgCount(name, e, 1, 1, "a signal number") {
			return bad(e.Sp)
		}
		_, ok := f.checkHelper(name, "send_signal()", e.Sp)
		sig := f.expr(e.Args[0])
		if !ok || !f.arith(sig) {
			return bad(e.Sp)
		}
		sv := f.value(f.convert(sig, ssa.U32, true))
		return operand{k: kVal, t: ssa.S64, v: f.helperCall(helperSendSignal, "send_signal", ssa.S64, p, sv), sp: e.Sp}
	case "skb_load_bytes":
		return f.skbLoadBytes(e)
	}
	return f.sizeOf(e)
}

// mapArg resolves a helper's map argument, which must be a map of kind k.
func (f *fn) mapArg(e syntax.Expr, helper string, k ssa.MapKind) *mapDecl {
	m := f.mapReceiver(e)
	if m == nil {
		if o := f.expr(e); o.k == kBad {
			return nil
		}
		f.errorf(e.Span(), "%s() needs a %s map here", helper, mapKindNames[k])
		return nil
	}
	if m.m.Kind != k {
		f.errorf(e.Span(), "%s() needs a %s map; '%s' is a %s", helper, mapKindNames[k], m.m.Name, mapKindNames[m.m.Kind])
		return nil
	}
	return m
}

// skbLoadBytes lowers skb_load_bytes(offset, dst[, len]): len defaults to
// sizeof(dst), and a constant len larger than dst is an error.
func (f *fn) skbLoadBytes(e *syntax.Call) operand {
	if !f.checkArgCount("skb_load_bytes", e, 2, 3, "an offset, a destination and optionally a length") {
		return bad(e.Sp)
	}
	ctx, ok := f.checkHelper("skb_load_bytes", "skb_load_bytes()", e.Sp)
	off := f.expr(e.Args[0])
	dst, good := f.memArg(e.Args[1], "skb_load_bytes()", "writes into")
	if !ok || !good || !f.arith(off) {
		return bad(e.Sp)
	}
	p := pos(e.Sp)
	n := constOp(uint64(dst.size), ssa.U32, e.Sp)
	if len(e.Args) == 3 {
		n = f.expr(e.Args[2])
		if !f.arith(n) {
			return bad(e.Sp)
		}
		if n.k == kConst && n.c > uint64(dst.size) {
			f.errorf(n.sp, "skb_load_bytes() of %d bytes overflows its destination of %d bytes", n.c, dst.size)
			return bad(e.Sp)
		}
	}
	offV := f.value(f.convert(off, ssa.U32, true))
	nV := f.value(f.convert(n, ssa.U32, true))
	return f.withBuffer(dst, e.Sp, func(d *ssa.Value) *ssa.Value {
		return f.helperCall(helperSkbLoadBytes, "skb_load_bytes", ssa.S64, p, ctx, offV, d, nV)
	})
}

// sizeOf lowers sizeof(T) and sizeof(x) to a constant. Nothing is
// evaluated: x must be a name or a field chain whose type is known
// without running code.
func (f *fn) sizeOf(e *syntax.Call) operand {
	if !f.checkArgCount("sizeof", e, 1, 1, "a type or a variable") {
		return bad(e.Sp)
	}
	t := f.staticType(e.Args[0])
	if t == nil {
		f.errorf(e.Args[0].Span(), "sizeof() takes a type, a local, a global or a field; '%s' is none of them", exprText(e.Args[0]))
		return bad(e.Sp)
	}
	n := uint64(t.Size())
	return constOp(n, literalType(n, false), e.Sp)
}

// staticType is the C type of a type name or of a local, global or field
// chain, found without lowering anything; nil when it has none.
func (f *fn) staticType(e syntax.Expr) *ssa.Type {
	switch x := e.(type) {
	case *syntax.Name:
		if _, g := f.globals[x.Id]; !g && f.assigned[x.Id] {
			if l := f.locals[x.Id]; l != nil && !l.bad {
				return l.t
			}
			return nil
		}
		if g := f.c.globals[x.Id]; g != nil {
			return g.g.Type
		}
		if s := f.c.structs[x.Id]; s != nil {
			return s.t
		}
		return f.c.scalarAnnotation(x)
	case *syntax.Attribute:
		if t := f.c.scalarAnnotation(x); t != nil {
			return t // ctypes.c_uint32
		}
		if base := f.staticType(x.X); base != nil && base.Kind == ssa.KStruct {
			if fd := base.Field(x.Name); fd != nil {
				return fd.Type
			}
		}
	}
	return nil
}
