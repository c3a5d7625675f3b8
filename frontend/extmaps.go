package frontend

import (
	"github.com/pybpfc/pybpfc/frontend/syntax"
	"github.com/pybpfc/pybpfc/ssa"
)

// Declarations of the extension map kinds of LANGUAGE.md 5.7 whose
// arguments are not just a key, a value and an entry count. collectMap
// (maps.go) has already matched the arguments to parameter names.

// bpfFNoPrealloc is BPF_F_NO_PREALLOC: the kernel refuses an LPM trie
// without it, so the compiler adds it rather than reporting its absence.
const bpfFNoPrealloc = 1

// defaultStackDepth is the frame count of a StackTrace entry when depth=
// is not given: PERF_MAX_STACK_DEPTH, the most the kernel records.
const defaultStackDepth = 127

// extMap completes m for the kinds that need more than collectMap does;
// false after an error.
func (c *compiler) extMap(m *ssa.Map, args map[string]syntax.Expr) bool {
	switch m.Kind {
	case ssa.MapLPMTrie:
		k := m.Key
		if k.Kind != ssa.KStruct || len(k.Fields) < 2 || k.Fields[0].Name != "prefixlen" || !sameCType(k.Fields[0].Type, ssa.U32) {
			c.errorf(args["key"].Span(), "an LPMTrie key must be a @struct whose first field is prefixlen: c_uint32, followed by the address").
				Hint("declare class key_t: prefixlen: c_uint32; addr: c_uint8 * 4")
			return false
		}
		m.Flags |= bpfFNoPrealloc
	case ssa.MapStackTrace:
		depth := int64(defaultStackDepth)
		if e := args["depth"]; e != nil {
			v, ok := c.constExpr(e)
			if !ok || int64(v.c) < 1 || int64(v.c) > defaultStackDepth {
				c.errorf(e.Span(), "depth must be a constant from 1 to %d", defaultStackDepth)
				return false
			}
			depth = int64(v.c)
		}
		// Keys are stack ids (u32), values arrays of u64 instruction
		// pointers: the sized encoding, as libbpf programs declare it.
		m.KeySize, m.ValueSize = 4, int(8*depth)
	case ssa.MapQueue, ssa.MapStack:
		t := c.mapType(args["value"])
		if t == nil {
			return false
		}
		// No key at all: the kernel requires key_size 0 for these.
		m.Elem, m.ValueSize = t, t.Size()
	case ssa.MapProgArray:
		m.KeySize, m.ValueSize = 4, 4
		if e := args["programs"]; e != nil {
			return c.progArrayPrograms(m, e)
		}
	}
	return true
}

// progArrayPrograms reads programs=[f0, f1, ...]: slot i gets program i
// (None leaves it empty), and every program must be of one program type (the kernel ties a prog
// array to the type of the first program it holds).
func (c *compiler) progArrayPrograms(m *ssa.Map, e syntax.Expr) bool {
	var elems []syntax.Expr
	switch l := e.(type) {
	case *syntax.OtherExpr:
		if l.Kind == "list" {
			elems = l.Children
		}
	case *syntax.Tuple:
		elems = l.Elts
	}
	if elems == nil {
		c.errorf(e.Span(), "programs must be a list of programs, such as programs=[first, second]")
		return false
	}
	if len(elems) > m.MaxEntries {
		c.errorf(e.Span(), "programs lists %d programs but the ProgArray has %d slots", len(elems), m.MaxEntries)
		return false
	}
	var first *funcDecl
	for _, x := range elems {
		if k, isConst := x.(*syntax.Constant); isConst && k.Value == "None" {
			m.Programs = append(m.Programs, "") // an empty slot
			continue
		}
		n, isName := x.(*syntax.Name)
		d := (*funcDecl)(nil)
		if isName {
			d = c.program(n.Id)
		}
		if d == nil {
			c.errorf(x.Span(), "'%s' is not a program of this file", exprText(x)).Hint("list functions decorated with @section")
			return false
		}
		if first != nil && d.prog != first.prog {
			c.errorf(x.Span(), "'%s' is a %s program but '%s' is a %s program; a ProgArray holds programs of one type",
				n.Id, d.prog.displayName(), first.def.Name, first.prog.displayName())
			return false
		}
		if first == nil {
			first = d
		}
		m.Programs = append(m.Programs, n.Id)
	}
	return true
}

// program finds the program (a @section function) named name.
func (c *compiler) program(name string) *funcDecl {
	for _, d := range c.progs {
		if d.def.Name == name {
			return d
		}
	}
	return nil
}
