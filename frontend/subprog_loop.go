package frontend

import (
	"github.com/pybpfc/pybpfc/frontend/syntax"
	"github.com/pybpfc/pybpfc/ssa"
)

// maxLoopCount is the largest iteration count bpf_loop accepts
// (BPF_MAX_LOOPS, 1 << 23); a larger one makes it fail with -E2BIG.
const maxLoopCount = 1 << 23

// loopCall lowers loop(count, fn[, state]) (LANGUAGE.md 6.5): bpf_loop
// (181) calls fn(index, state) count times unless fn returns 1. fn is
// passed as its address, which clang emits as the BPF_PSEUDO_FUNC load
// the helper needs; the backend keeps such a function out of line. The
// verifier checks the callback once, whatever the count, so loop() costs
// far fewer verified instructions than an unrolled or bounded loop.
func (f *fn) loopCall(e *syntax.Call) operand {
	if !f.checkArgCount("loop", e, 2, 3, "a count, a @bpf subprogram and optionally a state struct") {
		return bad(e.Sp)
	}
	p := pos(e.Sp)
	count := f.expr(e.Args[0])
	cb, sig := f.loopCallback(e.Args[1])
	var state operand
	if len(e.Args) == 3 {
		state = f.expr(e.Args[2])
	}
	if !f.arith(count) || sig == nil {
		return bad(e.Sp)
	}
	if count.k == kConst && (count.t.Signed && int64(count.c) < 0 || count.c > maxLoopCount) {
		f.errorf(count.sp, "loop() runs at most %d times; the count is %s", maxLoopCount, constString(count.c, count.t))
		return bad(e.Sp)
	}
	var st *ssa.Value
	switch {
	case len(e.Args) == 2 && len(sig.params) == 2:
		f.errorf(e.Sp, "%s() takes a state; pass a %s local as loop()'s third argument", cb, sig.params[1].t.Name)
		return bad(e.Sp)
	case len(e.Args) == 2:
		st = f.b.Const(ssa.PtrTo(ssa.PtrStack), 0, p)
	case state.k == kBad:
		return bad(e.Sp)
	case len(sig.params) < 2:
		f.errorf(state.sp, "%s() takes no state; give it a second parameter of a @struct type", cb)
		return bad(e.Sp)
	case state.k != kRef || state.t.Kind != ssa.KStruct || !sameCType(state.t, sig.params[1].t):
		f.errorf(state.sp, "loop()'s state is a %s local, the type of %s()'s second parameter", sig.params[1].t.Name, cb)
		return bad(e.Sp)
	case state.v.Type.Ptr != ssa.PtrStack:
		f.errorf(state.sp, "loop()'s state must be a struct local: bpf_loop passes only stack memory").
			Hint("copy the value into a local first, and back after the loop")
		return bad(e.Sp)
	default:
		st = state.v
	}
	n := f.value(f.convert(count, ssa.U32, true))
	addr := f.b.Value(ssa.OpGlobal, ssa.PtrTo(ssa.PtrFunc), p)
	addr.Aux = cb
	f.noteCall(cb, e.Args[1].Span())
	r := f.helperCall(181, "loop", ssa.S64, p, n, addr, st, f.b.Const(ssa.U64, 0, p))
	return operand{k: kVal, t: ssa.S64, v: r, sp: e.Sp}
}

// loopCallback checks loop()'s second argument: the name of a subprogram
// fn(index: <integer>[, state: S]) returning an integer.
func (f *fn) loopCallback(e syntax.Expr) (string, *subSig) {
	n, ok := e.(*syntax.Name)
	if !ok || f.assigned[n.Id] || !f.c.isFunction(n.Id) || f.c.isProgram(n.Id) {
		f.errorf(e.Span(), "loop() calls a @bpf subprogram: pass its name").
			Hint("define it as @bpf def body(index: c_uint32, state: S) -> c_int64")
		return "", nil
	}
	s := f.c.sig(n.Id)
	if s == nil || !s.ok {
		return "", nil
	}
	switch {
	case len(s.params) == 0 || len(s.params) > 2:
		f.errorf(e.Span(), "%s() is not a loop body: it must take (index: c_uint32, state: S)", n.Id)
	case s.params[0].kind != pInt || s.params[0].t.IsBool():
		f.errorf(e.Span(), "%s()'s first parameter is the iteration index: an integer such as c_uint32", n.Id)
	case len(s.params) == 2 && s.params[1].kind != pStruct:
		f.errorf(e.Span(), "%s()'s second parameter is the state: a @struct", n.Id)
	case s.ret == nil:
		f.errorf(e.Span(), "%s() must return 0 to go on or 1 to stop, not None", n.Id).Hint("annotate it -> c_int64")
	default:
		return n.Id, s
	}
	return "", nil
}
