package ssa

import (
	"strings"
	"testing"

	"github.com/pybpfc/pybpfc/internal/diag"
)

// buildCountdown builds, with the Braun builder,
//
//	x = arg; total = 0
//	while x != 0: total += x; x -= 1
//	return total
func buildCountdown(t *testing.T) *Func {
	m := &Module{License: "GPL"}
	m.Maps = append(m.Maps, &Map{Name: "counts", Kind: MapHash, Key: U32, Value: U64, MaxEntries: 16, Pos: diag.Pos{Line: 3, Col: 1}})
	f := m.NewFunc("countdown", "xdp", S64, diag.Pos{Line: 5, Col: 1})
	f.Params = []*Param{{Name: "n", Type: S64, Pos: diag.Pos{Line: 5, Col: 15}}}
	p := func(l int) diag.Pos { return diag.Pos{Line: l, Col: 5} }
	b := NewBuilder(f)
	b.WriteVariable("x", b.Value(OpArg, S64, p(5)))
	b.WriteVariable("total", b.Const(S64, 0, p(6)))
	head, body, exit := b.NewBlock(p(7)), b.NewBlock(p(8)), b.NewBlock(p(10))
	b.Jump(head, p(7))
	b.Cur = head
	cond := b.Value(OpNe, Bool, p(7), b.ReadVariable("x", p(7)), b.Const(S64, 0, p(7)))
	b.If(cond, body, exit, p(7))
	b.Seal(body)
	b.Cur = body
	b.WriteVariable("total", b.Value(OpAdd, S64, p(8), b.ReadVariable("total", p(8)), b.ReadVariable("x", p(8))))
	b.WriteVariable("x", b.Value(OpSub, S64, p(9), b.ReadVariable("x", p(9)), b.Const(S64, 1, p(9))))
	b.Jump(head, p(9))
	b.Seal(head)
	b.Seal(exit)
	b.Cur = exit
	b.Ret(b.ReadVariable("total", p(10)), p(10))
	return b.Finish()
}

func TestBuilderMakesPhisOnlyWhereNeeded(t *testing.T) {
	f := buildCountdown(t)
	if err := Check(f); err != nil {
		t.Fatalf("%v\n%s", err, f)
	}
	phis := 0
	for _, b := range f.Blocks {
		for _, v := range b.Values {
			if v.Op == OpPhi {
				phis++
				if b.ID != 1 {
					t.Errorf("phi v%d outside the loop header", v.ID)
				}
			}
		}
	}
	if phis != 2 {
		t.Errorf("want 2 phis (x, total), got %d:\n%s", phis, f)
	}
}

func TestTextRoundTrip(t *testing.T) {
	f := buildCountdown(t)
	text := f.Module.String()
	m, err := Parse(text)
	if err != nil {
		t.Fatalf("%v\n%s", err, text)
	}
	if got := m.String(); got != text {
		t.Errorf("round trip changed the text:\n--- printed\n%s\n--- reparsed\n%s", text, got)
	}
	for _, g := range m.Funcs {
		if err := Check(g); err != nil {
			t.Error(err)
		}
	}
}

func TestCheckFindsBrokenIR(t *testing.T) {
	cases := map[string]string{
		"phi arity": `
func f() s64 @1:1
b0:
  v0 = Const <s64> [1] @1:1
  Jump b1 @1:1
b1: <- b0
  v1 = Phi <s64> v0 v0 @1:1
  Ret v1 @1:1
`,
		"type mismatch": `
func f() s64 @1:1
b0:
  v0 = Const <s64> [1] @1:1
  v1 = Const <u32> [1] @1:1
  v2 = Add <s64> v0 v1 @1:1
  Ret v2 @1:1
`,
		"dominance": `
func f() s64 @1:1
b0:
  v0 = Const <bool> [1] @1:1
  If v0 -> b1 b2 @1:1
b1: <- b0
  v1 = Const <s64> [1] @1:1
  Jump b3 @1:1
b2: <- b0
  Jump b3 @1:1
b3: <- b1 b2
  Ret v1 @1:1
`,
		"no position": `
func f() s64 @1:1
b0:
  v0 = Const <s64> [1]
  Ret v0 @1:1
`,
		"control type": `
func f() s64 @1:1
b0:
  v0 = Const <s64> [1] @1:1
  If v0 -> b1 b1 @1:1
b1: <- b0 b0
  Ret v0 @1:1
`,
	}
	for name, text := range cases {
		t.Run(name, func(t *testing.T) {
			f, err := ParseFunc(text)
			if err != nil {
				t.Fatal(err)
			}
			if err := Check(f); err == nil {
				t.Errorf("Check accepted broken IR:\n%s", f)
			} else if !strings.Contains(err.Error(), "ssa.Check(f)") {
				t.Errorf("unexpected error text %v", err)
			}
		})
	}
}

func TestStructLayout(t *testing.T) {
	s := NewStruct("s", []Field{{Name: "a", Type: U8}, {Name: "b", Type: U32}, {Name: "c", Type: U16}})
	if s.Size() != 12 || s.Fields[1].Offset != 4 || s.Fields[2].Offset != 8 {
		t.Errorf("layout %+v size %d", s.Fields, s.Size())
	}
	e := NewStruct("event_t", []Field{{Name: "pid", Type: U32}, {Name: "flags", Type: U8}, {Name: "delay_ns", Type: U64}, {Name: "name", Type: ArrayOf(Char, 16)}})
	if e.Size() != 32 || e.Fields[3].Offset != 16 {
		t.Errorf("event_t layout %+v size %d", e.Fields, e.Size())
	}
}
