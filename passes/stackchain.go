package passes

import (
	"strings"

	"github.com/pybpfc/pybpfc/internal/diag"
	"github.com/pybpfc/pybpfc/ssa"
)

// The kernel limits the stack of a whole call chain, not of one frame: the
// frames of a program and of every subprogram (and bpf_loop callback)
// active under it add up, each rounded up to 32 bytes, to at most 512
// (LANGUAGE.md 7.6.6). checkChainStack reports the deepest such chain from
// a program at compile time. clang may inline a subprogram and share slots
// between what were two frames, so this bound is conservative, as C's
// would be for the same code.

// frameAlign is the granularity the verifier rounds each frame to.
const frameAlign = 32

// frameSize is the bytes of stack slots f keeps.
func frameSize(f *ssa.Func) int64 {
	var n int64
	for _, b := range f.Blocks {
		for _, v := range b.Values {
			if v.Op == ssa.OpAlloca {
				n += v.AuxInt
			}
		}
	}
	return n
}

// callees lists the functions f calls or passes as callbacks, once each.
func callees(f *ssa.Func) []*ssa.Func {
	m := f.Module
	if m == nil {
		return nil
	}
	seen := map[string]bool{}
	var out []*ssa.Func
	for _, b := range f.Blocks {
		for _, v := range b.Values {
			if v.Op != ssa.OpCallSub && v.Op != ssa.OpGlobal || seen[v.Aux] {
				continue
			}
			if g := m.Func(v.Aux); g != nil {
				seen[v.Aux] = true
				out = append(out, g)
			}
		}
	}
	return out
}

// checkChainStack runs on programs only: a subprogram's chains are part of
// its callers'. Single frames over the limit are checkStack's; recursion
// is the frontend's error, and an active set keeps this walk finite anyway.
func checkChainStack(f *ssa.Func, c *Context) {
	if f.Section == "" {
		return
	}
	active := map[*ssa.Func]bool{}
	var deepest func(g *ssa.Func) (int64, []*ssa.Func)
	deepest = func(g *ssa.Func) (int64, []*ssa.Func) {
		active[g] = true
		defer delete(active, g)
		var best int64
		var chain []*ssa.Func
		for _, h := range callees(g) {
			if active[h] {
				continue
			}
			if n, ch := deepest(h); n > best {
				best, chain = n, ch
			}
		}
		own := (max(frameSize(g), 1) + frameAlign - 1) / frameAlign * frameAlign
		return own + best, append([]*ssa.Func{g}, chain...)
	}
	total, chain := deepest(f)
	if len(chain) < 2 || total <= stackLimit {
		return
	}
	names := make([]string, len(chain))
	for i, g := range chain {
		names[i] = g.Name
	}
	d := c.Diags.Errorf(diag.At(f.Pos), "program '%s' needs %d bytes of stack along the call chain %s; the limit is %d",
		f.Name, total, strings.Join(names, " -> "), stackLimit)
	for _, g := range chain {
		d.Note(diag.At(g.Pos), "'%s' uses %d bytes", g.Name, frameSize(g))
	}
	d.Hint("keep large structs in a per-CPU array map used as scratch space, or pass them by reference")
}
