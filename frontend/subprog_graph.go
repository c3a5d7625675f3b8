package frontend

import (
	"strings"
)

// maxCallFrames is the kernel's MAX_CALL_FRAMES: a program and the
// subprograms (and bpf_loop callbacks) active under it.
const maxCallFrames = 8

// checkCallGraph rejects recursion and call chains deeper than the kernel
// allows (LANGUAGE.md 7.6.6). The kernel would reject both at load time,
// at an instruction; here each is an error at a Python line. It runs over
// the call edges recorded while lowering, so it sees every call site of
// every function, used or not.
func (c *compiler) checkCallGraph() {
	if c.subs == nil {
		return
	}
	edges := c.subs.edges
	const (
		white = iota
		grey
		black
	)
	color := map[string]int{}
	var visit func(name string)
	visit = func(name string) {
		color[name] = grey
		for _, e := range edges[name] {
			switch color[e.callee] {
			case grey:
				c.errorf(e.sp, "recursive call to '%s'", e.callee).
					Hint("BPF code cannot recurse; rewrite the recursion as a bounded loop")
			case white:
				visit(e.callee)
			}
		}
		color[name] = black
	}
	var order []string
	for _, d := range c.progs {
		order = append(order, d.def.Name)
	}
	for _, d := range c.subprogs {
		order = append(order, d.def.Name)
	}
	for _, n := range order {
		if color[n] == white {
			visit(n)
		}
	}
	if c.diags.HasErrors() {
		return // depth is meaningless with cycles, and other errors come first
	}
	c.checkDepth(order, edges)
}

// checkDepth reports every root (a function no other function calls)
// whose deepest call chain has more than maxCallFrames frames.
func (c *compiler) checkDepth(order []string, edges map[string][]callEdge) {
	called := map[string]bool{}
	for _, es := range edges {
		for _, e := range es {
			called[e.callee] = true
		}
	}
	deepest := map[string][]string{} // the longest chain from a function, itself first
	var chain func(name string) []string
	chain = func(name string) []string {
		if ch, ok := deepest[name]; ok {
			return ch
		}
		var best []string
		for _, e := range edges[name] {
			if ch := chain(e.callee); len(ch) > len(best) {
				best = ch
			}
		}
		ch := append([]string{name}, best...)
		deepest[name] = ch
		return ch
	}
	for _, d := range append(append([]*funcDecl{}, c.progs...), c.subprogs...) {
		name := d.def.Name
		if called[name] {
			continue
		}
		if ch := chain(name); len(ch) > maxCallFrames {
			c.errorf(d.def.NameSpan, "call chain too deep: %s is %d frames; the kernel allows %d", strings.Join(ch, " -> "), len(ch), maxCallFrames).
				Hint("merge some of these functions; each call (and each loop() callback) takes a frame")
		}
	}
}
