package frontend

import (
	"fmt"

	"github.com/pybpfc/pybpfc/frontend/syntax"
	"github.com/pybpfc/pybpfc/internal/diag"
	"github.com/pybpfc/pybpfc/ssa"
)

// local is a Python local variable of BPF code. Its type is fixed by its
// first binding in source order (LANGUAGE.md 3.7).
type local struct {
	name   string
	t      *ssa.Type // the value type; for a reference, the pointee type
	ref    bool      // holds a pointer (a map reference, a record, a cast) to a t
	pk     ssa.PtrKind
	slot   *ssa.Value // a struct value: its stack slot (the local is the memory)
	bad    bool       // its first binding was an error: uses stay quiet
	loop   bool       // first bound by a for: each for gives it its counter type (3.7.3)
	percpu bool       // a reference into a per-CPU map
	cell   *ssa.Value // a reference rebound to a plain value points here (5.5.5)
	first  diag.Span
}

type loopCtx struct {
	brk, cont *ssa.Block
	hasBreak  bool
}

// fn lowers one function. With constOnly it only evaluates constant
// expressions (module-level initializers use it), so the same expression
// code serves both.
type fn struct {
	c         *compiler
	decl      *funcDecl
	f         *ssa.Func
	b         *ssa.Builder
	constOnly bool

	ctxName  string
	ctxVal   *ssa.Value
	ctxAnn   string // the context's annotation: "c_void_p", "" (none), a vmlinux or @struct name
	locals   map[string]*local
	assigned map[string]bool      // names bound anywhere in the function: locals
	globals  map[string]diag.Span // `global` statements
	used     map[string]bool      // names read so far, for "used prior to global declaration"
	loops    []*loopCtx
	ret      *ssa.Type
	retSeen  []*ssa.Type // types of return expressions, for inference
	sub      *subSig     // a subprogram's signature; nil in a program
	allocas  int
	temps    map[int][]*ssa.Value // free temporary stack slots by size
	inUse    []tempSlot
}

// stackLimit is the kernel's BPF stack size.
const stackLimit = 512

type tempSlot struct {
	size int
	v    *ssa.Value
}

func pos(sp diag.Span) diag.Pos { return sp.Start }

func (f *fn) errorf(sp diag.Span, format string, args ...any) *diag.Diagnostic {
	return f.c.errorf(sp, format, args...)
}

func (f *fn) notYet(sp diag.Span, what string) operand {
	f.errorf(sp, "%s is not supported yet", what).Hint("pybpfc does not compile this construct yet; see LANGUAGE.md for what is planned")
	return bad(sp)
}

// constExpr evaluates a module-level constant expression.
func (c *compiler) constExpr(e syntax.Expr) (operand, bool) {
	f := &fn{c: c, constOnly: true, locals: map[string]*local{}, assigned: map[string]bool{}, globals: map[string]diag.Span{}}
	n := len(c.diags.Diags)
	o := f.expr(e)
	if len(c.diags.Diags) != n && c.diags.HasErrors() {
		return o, o.k == kConst
	}
	return o, o.k == kConst
}

func (c *compiler) lowerAll() {
	if len(c.progs) == 0 {
		return // "no BPF program found" says it all
	}
	for _, d := range c.progs {
		c.lowerFunc(d)
	}
	for _, d := range c.subprogs {
		c.lowerSub(d) // subprog.go
	}
	c.checkCallGraph()
}

// lowerFunc lowers a program. Without a return annotation the return type
// is the common type of the return expressions (LANGUAGE.md 2.3.1): the
// function is lowered once to learn them, with diagnostics set aside, and
// again with the right type.
func (c *compiler) lowerFunc(d *funcDecl) {
	def := d.def
	var ret *ssa.Type
	if def.Returns != nil {
		ret = c.scalarAnnotation(def.Returns)
		if ret == nil {
			c.errorf(def.Returns.Span(), "a program must return an integer type such as c_int64, not '%s'", exprText(def.Returns))
			return
		}
		ret = canonical(ret)
	} else {
		saved := c.diags
		c.diags = &diag.List{}
		probe := c.lowerBody(d, ssa.S64, &ssa.Module{})
		c.diags = saved
		ret = inferredReturn(probe.retSeen)
	}
	f := c.lowerBody(d, ret, c.mod)
	if f != nil && f.f != nil {
		c.mod.Funcs = append(c.mod.Funcs, f.f)
	}
}

// inferredReturn is the return type of a function without an annotation
// (LANGUAGE.md 2.3.1): the common type of its return expressions, widened
// to 64 bits as the register the kernel sees, s64 when there is none.
func inferredReturn(seen []*ssa.Type) *ssa.Type {
	if len(seen) == 0 {
		return ssa.S64
	}
	ret := seen[0]
	for _, t := range seen[1:] {
		ret = commonType(ret, t)
	}
	ret = promote(ret)
	if ret.Bits < 64 {
		ret = ssa.IntType(64, ret.Signed)
	}
	return ret
}

func (c *compiler) lowerBody(d *funcDecl, ret *ssa.Type, mod *ssa.Module) *fn {
	def := d.def
	sf := &ssa.Func{Name: def.Name, Section: d.section, Ret: ret, Pos: def.Sp.Start, Module: mod}
	f := &fn{c: c, decl: d, f: sf, ret: ret, locals: map[string]*local{}, assigned: map[string]bool{},
		globals: map[string]diag.Span{}, temps: map[int][]*ssa.Value{}, used: map[string]bool{}}
	f.b = ssa.NewBuilder(sf)
	setup := f.params
	if d.section == "" {
		setup = f.subprogParams // subprog.go
	}
	if !setup(def) {
		return f
	}
	f.scan(def.Body)
	for name := range f.scanGlobals(def.Body) {
		delete(f.assigned, name) // `global g` anywhere makes g global in all the function
	}
	f.block(def.Body)
	if f.b.Cur != nil {
		end := def.Sp.Start
		if n := len(def.Body); n > 0 {
			end = def.Body[n-1].Span().Start
		}
		f.checkReturnRange(constOp(0, ssa.S32, diag.Span{Start: end}), def.NameSpan)
		f.b.Ret(f.b.Const(ret, 0, end), end)
	}
	f.b.Finish()
	return f
}

// params sets up the context parameter (LANGUAGE.md 2.1.3–2.1.4).
func (f *fn) params(def *syntax.FunctionDef) bool {
	if len(def.Params) > 1 {
		f.errorf(def.Params[1].Sp, "a program takes at most one parameter, its context")
		return false
	}
	if len(def.Params) == 0 {
		return true
	}
	p := def.Params[0]
	if p.Kind != syntax.ParamNormal && p.Kind != syntax.ParamPosOnly || p.Default != nil {
		f.errorf(p.Sp, "the context parameter must be a plain parameter")
		return false
	}
	if p.Annotation != nil {
		name, _ := f.c.plainName(p.Annotation)
		_, kernel := f.c.vmlinux[name]
		if name != "c_void_p" && !kernel {
			f.errorf(p.Annotation.Span(), "a context parameter is annotated c_void_p or with a kernel struct imported from vmlinux, not '%s'", exprText(p.Annotation))
			return false
		}
	}
	f.ctxName = p.Name
	if p.Annotation != nil {
		f.ctxAnn, _ = f.c.plainName(p.Annotation)
		if f.decl != nil && !contextFits(f.decl.prog, f.ctxAnn) {
			f.c.warnf(p.Annotation.Span(), "%s is not the context of %s programs", f.ctxAnn, f.decl.prog.displayName()).
				Hint("this section's programs usually take %s", expectedContexts(f.decl.prog))
		}
	}
	f.f.Params = []*ssa.Param{{Name: p.Name, Type: ssa.PtrTo(ssa.PtrCtx), Pos: p.Sp.Start}}
	f.ctxVal = f.b.Value(ssa.OpArg, ssa.PtrTo(ssa.PtrCtx), p.Sp.Start)
	return true
}

// scan finds every name the function binds (Python's rule: a name bound
// anywhere in a function is local to all of it) and its global statements.
func (f *fn) scan(body []syntax.Stmt) {
	var target func(e syntax.Expr)
	target = func(e syntax.Expr) {
		switch e := e.(type) {
		case *syntax.Name:
			f.assigned[e.Id] = true
		case *syntax.Tuple:
			for _, x := range e.Elts {
				target(x)
			}
		}
	}
	for _, s := range body {
		switch s := s.(type) {
		case *syntax.Assign:
			for _, t := range s.Targets {
				target(t)
			}
		case *syntax.AugAssign:
			target(s.Target)
		case *syntax.AnnAssign:
			target(s.Target)
		case *syntax.For:
			target(s.Target)
		}
		for _, b := range syntax.ControlBodies(s) {
			f.scan(b)
		}
	}
}

// scanGlobals collects the names of every global statement.
func (f *fn) scanGlobals(body []syntax.Stmt) map[string]bool {
	names := map[string]bool{}
	var walk func([]syntax.Stmt)
	walk = func(body []syntax.Stmt) {
		for _, s := range body {
			if g, ok := s.(*syntax.Global); ok {
				for _, n := range g.Names {
					if f.c.globals[n] != nil {
						names[n] = true
					}
				}
			}
			for _, b := range syntax.ControlBodies(s) {
				walk(b)
			}
		}
	}
	walk(body)
	return names
}

// block lowers a statement list. Statements after a return, break or
// continue are still lowered, into a block no edge reaches, so their errors
// are reported; the builder drops that block.
func (f *fn) block(body []syntax.Stmt) {
	for i, s := range body {
		if f.b.Cur == nil {
			if i > 0 {
				switch body[i-1].(type) {
				case *syntax.Return, *syntax.Break, *syntax.Continue:
					f.c.warnf(s.Span(), "unreachable code")
				}
			}
			dead := f.b.NewBlock(pos(s.Span()))
			f.b.Seal(dead)
			f.b.Cur = dead
		}
		f.stmt(s)
	}
}

func (f *fn) stmt(s syntax.Stmt) {
	switch s := s.(type) {
	case *syntax.Pass:
	case *syntax.ExprStmt:
		f.exprStmt(s)
	case *syntax.Return:
		f.returnStmt(s)
	case *syntax.Assign:
		f.assign(s)
	case *syntax.AnnAssign:
		f.annAssign(s)
	case *syntax.AugAssign:
		f.augAssign(s)
	case *syntax.If:
		f.ifStmt(s)
	case *syntax.While:
		f.whileStmt(s)
	case *syntax.For:
		f.forStmt(s)
	case *syntax.Break:
		f.breakStmt(s)
	case *syntax.Continue:
		f.continueStmt(s)
	case *syntax.Global:
		f.globalStmt(s)
	case *syntax.FunctionDef:
		f.errorf(s.Sp, "unsupported statement 'def' in BPF code").Hint("define helper functions at module level")
	case *syntax.ClassDef:
		f.errorf(s.Sp, "unsupported statement 'class' in BPF code")
	case *syntax.Import, *syntax.ImportFrom:
		f.errorf(s.Span(), "unsupported statement 'import' in BPF code").Hint("import at module level")
	case *syntax.OtherStmt:
		d := f.errorf(s.Sp, "unsupported statement '%s' in BPF code", s.Kind)
		if s.Kind == "del" {
			d.Hint("use m.delete(k)")
		}
	default:
		f.errorf(s.Span(), "unsupported statement in BPF code")
	}
}

func (f *fn) exprStmt(s *syntax.ExprStmt) {
	switch e := s.Value.(type) {
	case *syntax.Str:
		return // a docstring
	case *syntax.Call:
		mark := f.tempMark()
		f.call(e, true)
		f.releaseTemps(mark)
		return
	case *syntax.IfExp:
		f.ifStmt(&syntax.If{Sp: e.Sp, Test: e.Test, Body: []syntax.Stmt{&syntax.ExprStmt{Sp: e.Body.Span(), Value: e.Body}},
			Else: []syntax.Stmt{&syntax.ExprStmt{Sp: e.Else.Span(), Value: e.Else}}})
		return
	case *syntax.OtherExpr:
		f.expr(e) // reports the unsupported construct
		return
	}
	f.c.warnf(s.Sp, "statement has no effect")
}

func (f *fn) returnStmt(s *syntax.Return) {
	var o operand
	if s.Value == nil {
		o = constOp(0, ssa.S32, s.Sp)
	} else if c, ok := s.Value.(*syntax.Constant); ok && c.Value == "None" {
		o = constOp(0, ssa.S32, s.Sp)
	} else {
		o = f.expr(s.Value)
	}
	if f.sub != nil && f.sub.ret == nil {
		if c, ok := s.Value.(*syntax.Constant); s.Value != nil && !(ok && c.Value == "None") {
			f.errorf(o.sp, "%s() is declared -> None; return without a value", f.f.Name)
		}
		f.b.Ret(f.b.Const(f.ret, 0, pos(s.Sp)), pos(s.Sp))
		return
	}
	switch o.k {
	case kStr, kVoid, kMap:
		f.errorf(o.sp, "a program returns an integer; this expression has no integer value")
		return
	}
	if o.k != kBad {
		f.retSeen = append(f.retSeen, o.valueType())
	}
	f.checkReturnRange(o, s.Sp)
	v := f.convert(o, f.ret, true)
	f.b.Ret(f.value(v), pos(s.Sp))
}

// checkReturnRange rejects constant return values the kernel would refuse
// for this program type (LANGUAGE.md 2.3.3).
func (f *fn) checkReturnRange(o operand, sp diag.Span) {
	if o.k != kConst || f.decl == nil {
		return
	}
	lo, hi, desc, ok := returnRange(f.decl.section)
	if !ok {
		return
	}
	v := int64(truncBits(truncBits(o.c, f.ret), ssa.S32))
	if v < lo || v > hi {
		f.errorf(o.sp, "%s", desc).Hint("this program returns %d", v)
	}
}

func (f *fn) globalStmt(s *syntax.Global) {
	for i, name := range s.Names {
		sp := s.Spans[i]
		switch {
		case name == f.ctxName:
			f.errorf(sp, "name '%s' is parameter and global", name)
		case f.c.globals[name] == nil:
			f.errorf(sp, "'%s' is not a @bpfglobal, so it cannot be declared global", name)
		case f.c.globals[name].readOnly:
			f.errorf(sp, "'%s' is read-only configuration", name)
		case f.locals[name] != nil || f.used[name]:
			f.errorf(sp, "name '%s' is used prior to global declaration", name)
		default:
			f.globals[name] = sp
		}
	}
}

// truth turns an operand into a bool for a condition (LANGUAGE.md 7.1):
// references and pointers test for NULL, integers for non-zero.
func (f *fn) truth(o operand) operand {
	switch o.k {
	case kBad:
		f.c.poisoned = f.c.poisoned || !f.constOnly
		return constOp(0, ssa.Bool, o.sp)
	case kConst:
		return constOp(b2u(o.c != 0), ssa.Bool, o.sp)
	case kRef:
		if !o.v.Type.Ptr.Nullable() && !o.t.IsScalar() {
			f.errorf(o.sp, "a struct has no truth value").Hint("compare one of its fields")
			return constOp(0, ssa.Bool, o.sp)
		}
		null := f.b.Const(o.v.Type, 0, pos(o.sp))
		return operand{k: kVal, t: ssa.Bool, v: f.b.Value(ssa.OpNe, ssa.Bool, pos(o.sp), o.v, null), sp: o.sp}
	case kVal:
		switch {
		case o.t.IsBool():
			return o
		case o.t.IsPtr() || o.v.Type.IsPtr():
			null := f.b.Const(o.v.Type, 0, pos(o.sp))
			return operand{k: kVal, t: ssa.Bool, v: f.b.Value(ssa.OpNe, ssa.Bool, pos(o.sp), o.v, null), sp: o.sp}
		}
		zero := f.b.Const(o.v.Type, 0, pos(o.sp))
		return operand{k: kVal, t: ssa.Bool, v: f.b.Value(ssa.OpNe, ssa.Bool, pos(o.sp), o.v, zero), sp: o.sp}
	case kStr, kArr:
		f.errorf(o.sp, "a string has no truth value in BPF code")
	case kVoid:
		f.errorf(o.sp, "this call has no value")
	case kMap:
		f.errorf(o.sp, "a map has no truth value").Hint("call a method such as m.lookup(k)")
	}
	return constOp(0, ssa.Bool, o.sp)
}

// branch lowers a condition as control flow, short-circuiting and/or/not.
func (f *fn) branch(e syntax.Expr, then, els *ssa.Block) {
	switch e := e.(type) {
	case *syntax.BoolOp:
		for i, x := range e.Values {
			if i == len(e.Values)-1 {
				f.branch(x, then, els)
				return
			}
			next := f.b.NewBlock(pos(x.Span()))
			if e.Op == "and" {
				f.branch(x, next, els)
			} else {
				f.branch(x, then, next)
			}
			f.b.Seal(next)
			f.b.Cur = next
		}
		return
	case *syntax.UnaryOp:
		if e.Op == "not" {
			f.branch(e.X, els, then)
			return
		}
	}
	cond := f.truth(f.expr(e))
	f.b.If(f.value(cond), then, els, pos(e.Span()))
}

func (f *fn) ifStmt(s *syntax.If) {
	then, els, join := f.b.NewBlock(pos(s.Sp)), f.b.NewBlock(pos(s.Sp)), f.b.NewBlock(pos(s.Sp))
	f.branch(s.Test, then, els)
	f.b.Seal(then)
	f.b.Seal(els)
	f.b.Cur = then
	f.block(s.Body)
	f.b.Jump(join, pos(s.Sp))
	f.b.Cur = els
	f.block(s.Else)
	f.b.Jump(join, pos(s.Sp))
	f.b.Seal(join)
	f.b.Cur = join
}

func (f *fn) breakStmt(s *syntax.Break) {
	if len(f.loops) == 0 {
		f.errorf(s.Sp, "'break' outside loop").Hint("'break' must be inside a 'for' or 'while' loop")
		return
	}
	l := f.loops[len(f.loops)-1]
	l.hasBreak = true
	f.b.Jump(l.brk, pos(s.Sp))
}

func (f *fn) continueStmt(s *syntax.Continue) {
	if len(f.loops) == 0 {
		f.errorf(s.Sp, "'continue' not properly in loop").Hint("'continue' must be inside a 'for' or 'while' loop")
		return
	}
	f.b.Jump(f.loops[len(f.loops)-1].cont, pos(s.Sp))
}

// whileStmt lowers `while c: ... else: ...` (LANGUAGE.md 7.1).
func (f *fn) whileStmt(s *syntax.While) {
	p := pos(s.Sp)
	head, body, elseB, exit := f.b.NewBlock(p), f.b.NewBlock(p), f.b.NewBlock(p), f.b.NewBlock(p)
	f.b.Jump(head, p)
	f.b.Cur = head
	f.branch(s.Test, body, elseB)
	f.b.Seal(body)
	f.b.Cur = body
	l := &loopCtx{brk: exit, cont: head}
	f.loops = append(f.loops, l)
	f.block(s.Body)
	f.loops = f.loops[:len(f.loops)-1]
	f.b.Jump(head, p)
	f.b.Seal(head)
	f.b.Seal(elseB)
	f.b.Cur = elseB
	f.block(s.Else)
	f.b.Jump(exit, p)
	f.b.Seal(exit)
	f.b.Cur = exit
	if c, ok := f.c.constTruth(s.Test); ok && c && !l.hasBreak && !containsReturn(s.Body) {
		f.errorf(s.Sp, "infinite loop").Hint("a `while True:` loop needs a `break` or a `return`")
	}
}

func (c *compiler) constTruth(e syntax.Expr) (bool, bool) {
	saved := c.diags
	c.diags = &diag.List{}
	o, ok := c.constExpr(e)
	c.diags = saved
	return o.c != 0, ok
}

func containsReturn(body []syntax.Stmt) bool {
	for _, s := range body {
		if _, ok := s.(*syntax.Return); ok {
			return true
		}
		for _, b := range syntax.ControlBodies(s) {
			if containsReturn(b) {
				return true
			}
		}
	}
	return false
}

// when runs body only when cond holds: a branch around it, joined after.
func (f *fn) when(cond *ssa.Value, p diag.Pos, body func()) {
	then, join := f.b.NewBlock(p), f.b.NewBlock(p)
	f.b.If(cond, then, join, p)
	f.b.Seal(then)
	f.b.Cur = then
	body()
	f.b.Jump(join, p)
	f.b.Seal(join)
	f.b.Cur = join
}

// stackSlot allocates a stack slot in the entry block (allocas stay at its
// top, in creation order, so they dominate every use).
func (f *fn) stackSlot(size int, name string, sp diag.Span) *ssa.Value {
	size = (size + 7) &^ 7
	if size > stackLimit {
		// One slot over the whole stack can never load; say so here, at the
		// local, and carry on with a small slot so no huge IR is built.
		f.errorf(sp, "'%s' needs %d bytes of stack; the limit is %d", name, size, stackLimit).
			Hint("keep large structs in a map value (a per-CPU array map works as scratch space)")
		size = 8
	}
	entry := f.f.Entry()
	v := entry.NewValueAt(f.allocas, ssa.OpAlloca, ssa.PtrTo(ssa.PtrStack), pos(sp))
	v.AuxInt = int64(size)
	v.Aux = name
	f.allocas++
	return v
}

// tempSlot hands out a scratch slot for one helper call's key, value or
// arguments; releaseTemps returns every slot taken since mark.
func (f *fn) tempSlot(size int, sp diag.Span) *ssa.Value {
	size = (size + 7) &^ 7
	var v *ssa.Value
	if free := f.temps[size]; len(free) > 0 {
		v = free[len(free)-1]
		f.temps[size] = free[:len(free)-1]
	} else {
		v = f.stackSlot(size, fmt.Sprintf("tmp%d", len(f.inUse)), sp)
	}
	f.inUse = append(f.inUse, tempSlot{size, v})
	return v
}

func (f *fn) tempMark() int { return len(f.inUse) }

func (f *fn) releaseTemps(mark int) {
	for _, t := range f.inUse[mark:] {
		f.temps[t.size] = append(f.temps[t.size], t.v)
	}
	f.inUse = f.inUse[:mark]
}
