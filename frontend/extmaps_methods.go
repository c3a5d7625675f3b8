package frontend

import (
	"github.com/pybpfc/pybpfc/frontend/syntax"
	"github.com/pybpfc/pybpfc/internal/diag"
	"github.com/pybpfc/pybpfc/ssa"
)

// Methods of the extension maps (LANGUAGE.md 5.7): Queue/Stack push, pop
// and peek, StackTrace get_stackid, ProgArray tail_call; and keyword
// arguments for every map method (5.4.4).

// Kernel helper ids of 5.7 and 6.5.
const (
	helperTailCall    = 12
	helperGetStackID  = 27
	helperMapPushElem = 87
	helperMapPopElem  = 88
	helperMapPeekElem = 89
)

// methodParams are each method's parameters in positional order; only
// key, value and flags may be given as keywords (5.4.4).
var methodParams = map[string][]string{
	"lookup": {"key"}, "update": {"key", "value", "flags"}, "delete": {"key"},
	"output": {"data", "flags"}, "submit": {"rec", "flags"}, "discard": {"rec", "flags"},
	"push": {"value", "flags"}, "get_stackid": {"flags"},
}

// methodKeywords rewrites key=, value= and flags= into positional
// arguments so each method sees one argument list; nil after an error.
func (f *fn) methodKeywords(name string, e *syntax.Call) *syntax.Call {
	if len(e.Keywords) == 0 {
		return e
	}
	params := methodParams[name]
	args := make([]syntax.Expr, len(params))
	copy(args, e.Args)
	for _, k := range e.Keywords {
		i := -1
		for j, p := range params {
			if p == k.Name && (p == "key" || p == "value" || p == "flags") {
				i = j
			}
		}
		switch {
		case i < 0:
			f.errorf(k.Sp, "%s() takes no keyword argument '%s'", name, k.Name)
			return nil
		case i < len(e.Args) || args[i] != nil:
			f.errorf(k.Sp, "%s() argument '%s' given twice", name, k.Name)
			return nil
		}
		args[i] = k.Value
	}
	n := len(args)
	for n > 0 && args[n-1] == nil {
		n--
	}
	for i := 0; i < n; i++ {
		if args[i] == nil {
			f.errorf(e.Sp, "%s() is missing '%s'", name, params[i])
			return nil
		}
	}
	c := *e
	c.Args, c.Keywords = args[:n], nil
	return &c
}

// extMethod lowers the methods that only 5.7's kinds have; handled is
// false for any other method.
func (f *fn) extMethod(m *mapDecl, name string, e *syntax.Call) (o operand, handled bool) {
	switch name {
	case "push":
		return f.pushMethod(m, e), true
	case "pop", "peek":
		return f.popMethod(m, name, e), true
	case "get_stackid":
		if !f.checkArgCount(name, e, 0, 1, "optionally flags") {
			return bad(e.Sp), true
		}
		return f.getStackID(m, e.Args, e.Sp), true
	case "tail_call":
		if !f.checkArgCount(name, e, 1, 1, "a slot index") {
			return bad(e.Sp), true
		}
		return f.tailCall(m, e.Args[0], e.Sp), true
	}
	return operand{}, false
}

// pushMethod lowers q.push(v[, flags]); flags BPF_EXIST overwrites the
// oldest element of a full map.
func (f *fn) pushMethod(m *mapDecl, e *syntax.Call) operand {
	if !f.checkArgCount("push", e, 1, 2, "a value and optionally flags") {
		return bad(e.Sp)
	}
	val := f.expr(e.Args[0])
	flags := f.flagsArg(e.Args, 1)
	mark := f.tempMark()
	vp := f.spill(val, m.m.Elem)
	if vp == nil || flags == nil {
		return bad(e.Sp)
	}
	p := pos(e.Sp)
	r := f.helperCall(helperMapPushElem, "map_push_elem", ssa.S64, p, f.mapAddr(m, p), vp, flags)
	f.releaseTemps(mark)
	return operand{k: kVal, t: ssa.S64, v: r, sp: e.Sp}
}

// popMethod lowers q.pop(dst) and q.peek(dst). The kernel zero-fills its
// buffer when the map is empty, but dst must keep its value then (5.7),
// so the helper writes a scratch slot that is copied to dst on success.
func (f *fn) popMethod(m *mapDecl, name string, e *syntax.Call) operand {
	if !f.checkArgCount(name, e, 1, 1, "a local or field to write the element into") {
		return bad(e.Sp)
	}
	elem := m.m.Elem
	what := name + "()"
	var reg *local // a scalar local: it lives in a register, not memory
	var buf memBuf
	if n, isName := e.Args[0].(*syntax.Name); isName {
		if _, g := f.globals[n.Id]; !g && f.assigned[n.Id] {
			if l := f.locals[n.Id]; l != nil && !l.bad && !l.ref && l.slot == nil {
				reg = l
			}
		}
	}
	dstType := (*ssa.Type)(nil)
	if reg != nil {
		dstType = reg.t
	} else {
		b, ok := f.memArg(e.Args[0], what, "writes into")
		if !ok {
			return bad(e.Sp)
		}
		buf, dstType = b, b.t
	}
	if elem.IsScalar() != dstType.IsScalar() || !elem.IsScalar() && !sameCType(elem, dstType) {
		f.errorf(e.Args[0].Span(), "%s writes a %s; this destination is a %s", what, ctypeName(elem), ctypeName(dstType))
		return bad(e.Sp)
	}
	p := pos(e.Sp)
	mark := f.tempMark()
	tmp := f.tempSlot(elem.Size(), e.Sp)
	id, kname := int64(helperMapPopElem), "map_pop_elem"
	if name == "peek" {
		id, kname = helperMapPeekElem, "map_peek_elem"
	}
	r := f.helperCall(id, kname, ssa.S64, p, f.mapAddr(m, p), tmp)
	ok := f.b.Value(ssa.OpEq, ssa.Bool, p, r, f.b.Const(ssa.S64, 0, p))
	f.when(ok, p, func() {
		if !elem.IsScalar() {
			f.whenNotNull(buf.ptr, p, func() { f.copyMem(buf.ptr, tmp, elem.Size(), elem.Align(), p) })
			return
		}
		v := f.b.Value(ssa.OpLoad, loadType(elem), p, tmp)
		cv := f.value(f.convert(operand{k: kVal, t: elem, v: v, sp: e.Sp}, dstType, true))
		if reg != nil {
			f.b.WriteVariable(reg, cv)
			return
		}
		if dstType.IsBool() {
			cv = f.b.Value(ssa.OpZExt, ssa.U8, p, cv)
		}
		f.whenNotNull(buf.ptr, p, func() { f.b.Value(ssa.OpStore, ssa.Void, p, buf.ptr, cv) })
	})
	f.releaseTemps(mark)
	return operand{k: kVal, t: ssa.S64, v: r, sp: e.Sp}
}

// getStackID lowers stacks.get_stackid([flags]) and get_stackid(stacks[,
// flags]): the id of the current stack in the StackTrace map.
func (f *fn) getStackID(m *mapDecl, flagArgs []syntax.Expr, sp diag.Span) operand {
	ctx, ok := f.checkHelper("get_stackid", "get_stackid()", sp)
	var flags *ssa.Value
	if len(flagArgs) == 0 {
		flags = f.b.Const(ssa.U64, 0, pos(sp))
	} else {
		flags = f.flagsArg(flagArgs, 0)
	}
	if !ok || flags == nil {
		return bad(sp)
	}
	p := pos(sp)
	r := f.helperCall(helperGetStackID, "get_stackid", ssa.S64, p, ctx, f.mapAddr(m, p), flags)
	return operand{k: kVal, t: ssa.S64, v: r, sp: sp}
}

// tailCall lowers progs.tail_call(i) and tail_call(progs, i). On success
// the helper does not return; on failure (an empty slot, an index out of
// range, too many nested calls) execution continues with its result.
func (f *fn) tailCall(m *mapDecl, index syntax.Expr, sp diag.Span) operand {
	ctx, ok := f.checkHelper("tail_call", "tail_call()", sp)
	i := f.expr(index)
	if !f.arith(i) || !ok {
		return bad(sp)
	}
	if f.decl != nil && f.decl.section != "" {
		for _, name := range m.m.Programs {
			if d := f.c.program(name); d != nil && d.prog != f.decl.prog {
				f.errorf(sp, "'%s' holds %s programs; a %s program cannot tail-call them", m.m.Name, d.prog.displayName(), f.decl.prog.displayName())
				return bad(sp)
			}
		}
	}
	p := pos(sp)
	iv := f.value(f.convert(i, ssa.U32, true))
	r := f.helperCall(helperTailCall, "tail_call", ssa.S64, p, ctx, f.mapAddr(m, p), iv)
	return operand{k: kVal, t: ssa.S64, v: r, sp: sp}
}
