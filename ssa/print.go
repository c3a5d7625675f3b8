package ssa

import (
	"fmt"
	"io"
	"strconv"
	"strings"
)

// The text form is the IR's interface to humans and to pass tests. It is
// line-based so a parser can read it back exactly:
//
//	license "GPL"
//	struct event_t { pid u32 0; name [16]char 4 }
//	map counts hash key=u32 value=u64 max_entries=16 @7:1
//	global drops u64 0 .bss @12:1
//
//	func on_xdp(ctx ptr.ctx) s64 "xdp" @5:1
//	b0:
//	  v0 = Arg <ptr.ctx> [0] @5:12
//	  v1 = Const <s64> [2] @7:12
//	  Ret v1 @7:5

// String prints the whole module.
func (m *Module) String() string {
	var b strings.Builder
	m.Fprint(&b)
	return b.String()
}

func (m *Module) Fprint(w io.Writer) {
	if m.License != "" {
		fmt.Fprintf(w, "license %s\n", strconv.Quote(m.License))
	}
	for _, s := range m.Structs {
		fmt.Fprintf(w, "struct %s {", s.Name)
		for i, f := range s.Fields {
			if i > 0 {
				fmt.Fprint(w, ";")
			}
			fmt.Fprintf(w, " %s %s %d", f.Name, f.Type, f.Offset)
		}
		fmt.Fprintln(w, " }")
	}
	for _, mp := range m.Maps {
		fmt.Fprintf(w, "map %s %s", mp.Name, mp.Kind)
		if mp.Key != nil {
			fmt.Fprintf(w, " key=%s value=%s", mp.Key, mp.Value)
		} else {
			fmt.Fprintf(w, " key_size=%d value_size=%d", mp.KeySize, mp.ValueSize)
		}
		if mp.MaxEntries != 0 {
			fmt.Fprintf(w, " max_entries=%d", mp.MaxEntries)
		}
		if mp.Flags != 0 {
			fmt.Fprintf(w, " map_flags=%d", mp.Flags)
		}
		fmt.Fprintf(w, " @%s\n", mp.Pos)
	}
	for _, g := range m.Globals {
		fmt.Fprintf(w, "global %s %s %d %s @%s\n", g.Name, g.Type, g.Init, g.Section, g.Pos)
	}
	for _, f := range m.Funcs {
		fmt.Fprintln(w)
		f.Fprint(w)
	}
}

// String prints one function.
func (f *Func) String() string {
	var b strings.Builder
	f.Fprint(&b)
	return b.String()
}

func (f *Func) Fprint(w io.Writer) {
	fmt.Fprintf(w, "func %s(", f.Name)
	for i, p := range f.Params {
		if i > 0 {
			fmt.Fprint(w, ", ")
		}
		fmt.Fprintf(w, "%s %s", p.Name, p.Type)
	}
	fmt.Fprintf(w, ") %s", f.Ret)
	if f.Section != "" {
		fmt.Fprintf(w, " %s", strconv.Quote(f.Section))
	}
	fmt.Fprintf(w, " @%s\n", f.Pos)
	for _, b := range f.Blocks {
		fmt.Fprintf(w, "b%d:", b.ID)
		if len(b.Preds) > 0 {
			fmt.Fprint(w, " <-")
			for _, p := range b.Preds {
				fmt.Fprintf(w, " b%d", p.B.ID)
			}
		}
		fmt.Fprintln(w)
		for _, v := range b.Values {
			fmt.Fprintf(w, "  %s\n", v.LongString())
		}
		fmt.Fprintf(w, "  %s\n", b.controlString())
	}
}

func (v *Value) String() string { return fmt.Sprintf("v%d", v.ID) }

// LongString is the value's definition line: v4 = Add <u32> v2 v3 @12:5
func (v *Value) LongString() string {
	var b strings.Builder
	fmt.Fprintf(&b, "v%d = %s <%s>", v.ID, v.Op, v.Type)
	switch v.Op.Info().Aux {
	case AuxInt:
		fmt.Fprintf(&b, " [%d]", v.AuxInt)
	case AuxSym:
		fmt.Fprintf(&b, " {%s}", v.Aux)
	case AuxString:
		fmt.Fprintf(&b, " {%s}", strconv.Quote(v.Aux))
	case AuxIntSym:
		fmt.Fprintf(&b, " [%d] {%s}", v.AuxInt, v.Aux)
	}
	for _, a := range v.Args {
		fmt.Fprintf(&b, " %s", a)
	}
	fmt.Fprintf(&b, " @%s", v.Pos)
	return b.String()
}

func (b *Block) String() string { return fmt.Sprintf("b%d", b.ID) }

func (b *Block) controlString() string {
	succ := func(i int) string { // tolerate broken CFGs: Check prints them
		if i < len(b.Succs) {
			return b.Succs[i].B.String()
		}
		return "b?"
	}
	switch b.Kind {
	case BlockPlain:
		return fmt.Sprintf("Jump %s @%s", succ(0), b.Pos)
	case BlockIf:
		return fmt.Sprintf("If %s -> %s %s @%s", b.Control, succ(0), succ(1), b.Pos)
	case BlockRet:
		if b.Control == nil {
			return fmt.Sprintf("Ret @%s", b.Pos)
		}
		return fmt.Sprintf("Ret %s @%s", b.Control, b.Pos)
	case BlockUnreachable:
		return fmt.Sprintf("Unreachable @%s", b.Pos)
	}
	return "Invalid"
}
