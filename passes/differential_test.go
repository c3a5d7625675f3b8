package passes

import (
	"flag"
	"fmt"
	"io"
	"math/rand"
	"strings"
	"testing"

	"github.com/pybpfc/pybpfc/internal/diag"
	"github.com/pybpfc/pybpfc/ssa"
)

var diffCases = flag.Int("diff.cases", 3000, "random functions per differential test")

// TestDifferential generates random functions of integer ops over every
// width and signedness, straight-line, with diamonds and with counted
// loops, from constants (biased to the edges of each width) and
// parameters. Each must give the same ssa.Interp result on several inputs
// before and after the -O1 and -O2 pipelines, and the driver runs
// ssa.Check after every pass. The seed is fixed, so a failure reproduces;
// its message holds the function's text, which goes straight into a
// txtar case.
func TestDifferential(t *testing.T) {
	r := rand.New(rand.NewSource(20240601))
	var before, after [3]int
	for i := 0; i < *diffCases; i++ {
		seed := r.Int63()
		text := genFunc(rand.New(rand.NewSource(seed)))
		inputs := genInputs(rand.New(rand.NewSource(seed+1)), 5)
		for _, level := range []int{1, 2} {
			m, err := ssa.Parse(text)
			if err != nil {
				t.Fatalf("case %d: generated text does not parse: %v\n%s", i, err, text)
			}
			f := m.Funcs[0]
			if err := ssa.Check(f); err != nil {
				t.Fatalf("case %d: generated function is not valid: %v\n%s", i, err, text)
			}
			want := runAll(f, inputs)
			before[level] += countValues(f)
			if err := Run(m, level, &Context{Out: io.Discard}); err != nil {
				t.Fatalf("case %d -O%d: %v\n%s", i, level, err, text)
			}
			after[level] += countValues(f)
			if got := runAll(f, inputs); got != want {
				t.Fatalf("case %d -O%d: results differ on inputs %x\nbefore: %s\nafter:  %s\n%s\n--- optimised\n%s", i, level, inputs, want, got, text, f)
			}
		}
	}
	t.Logf("%d functions x %d input vectors; values -O1 %d -> %d, -O2 %d -> %d",
		*diffCases, 5, before[1], after[1], before[2], after[2])
	// Guard against a vacuous test: the pipeline must actually be doing
	// something on these functions.
	if after[2]*10 > before[2]*8 {
		t.Errorf("-O2 removed less than 20%% of the values (%d -> %d): the generator or the passes are not exercising much", before[2], after[2])
	}
}

func countValues(f *ssa.Func) int {
	n := 0
	for _, b := range f.Blocks {
		n += len(b.Values)
	}
	return n
}

func genInputs(r *rand.Rand, n int) [][4]uint64 {
	edges := []uint64{0, 1, 2, ^uint64(0), 0x7f, 0x80, 0xff, 0x7fff, 0x8000, 0x7fffffff, 0x80000000, 0xffffffff, 1 << 63, 1<<63 - 1, 31, 32, 33, 63, 64}
	ins := make([][4]uint64, n)
	for i := range ins {
		for j := range ins[i] {
			if r.Intn(2) == 0 {
				ins[i][j] = edges[r.Intn(len(edges))]
			} else {
				ins[i][j] = r.Uint64() >> uint(r.Intn(64))
			}
		}
	}
	return ins
}

func runAll(f *ssa.Func, inputs [][4]uint64) string {
	var b strings.Builder
	for _, in := range inputs {
		r, err := ssa.Interp(f, in[:len(f.Params)], nil)
		if err != nil {
			fmt.Fprintf(&b, "error(%v) ", err)
		} else {
			fmt.Fprintf(&b, "%#x ", r)
		}
	}
	return b.String()
}

var genTypes = []*ssa.Type{ssa.U8, ssa.S8, ssa.U16, ssa.S16, ssa.U32, ssa.S32, ssa.U64, ssa.S64}

// generator builds one random function with the ssa API. scope holds the
// values usable at the current point: entering a branch arm or a loop body
// saves it, and leaving restores it plus the phis that merge the arms.
type generator struct {
	r     *rand.Rand
	f     *ssa.Func
	b     *ssa.Block
	scope []*ssa.Value
	pos   diag.Pos
	depth int
}

func genFunc(r *rand.Rand) string {
	m := &ssa.Module{}
	ret := pick(r, genTypes)
	f := m.NewFunc("rnd", "", ret, diag.Pos{Line: 1, Col: 1})
	g := &generator{r: r, f: f, pos: diag.Pos{Line: 1, Col: 1}}
	g.b = f.NewBlock(ssa.BlockPlain, g.pos)
	for i := range 1 + r.Intn(4) {
		t := pick(r, append(genTypes, ssa.Bool))
		f.Params = append(f.Params, &ssa.Param{Name: fmt.Sprintf("p%d", i), Type: t, Pos: g.pos})
		a := g.b.NewValue(ssa.OpArg, t, g.pos)
		a.AuxInt = int64(i)
		g.scope = append(g.scope, a)
	}
	g.body(2 + r.Intn(4))
	g.b.Kind = ssa.BlockRet
	g.b.SetControl(g.value(ret))
	return m.String()
}

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.Intn(len(xs))] }

// body emits n statements: runs of values, diamonds and loops.
func (g *generator) body(n int) {
	for range n {
		switch k := g.r.Intn(10); {
		case k < 5 || g.depth >= 2:
			for range 1 + g.r.Intn(4) {
				g.scope = append(g.scope, g.value(pick(g.r, append(genTypes, ssa.Bool))))
			}
		case k < 6:
			g.twin()
		case k < 8:
			g.diamond()
		default:
			g.loop()
		}
	}
}

// twin repeats an earlier two-operand expression in scope, with the same
// or swapped operands: the near-duplicates cse must tell apart or merge.
func (g *generator) twin() {
	var cands []*ssa.Value
	for _, v := range g.scope {
		if len(v.Args) == 2 && (v.Op.IsBinaryArith() || v.Op.IsCompare()) {
			cands = append(cands, v)
		}
	}
	if len(cands) == 0 {
		return
	}
	v := pick(g.r, cands)
	x, y := v.Args[0], v.Args[1]
	if g.r.Intn(2) == 0 && ssa.Same(x.Type, y.Type) {
		x, y = y, x
	}
	g.scope = append(g.scope, g.b.NewValue(v.Op, v.Type, g.pos, x, y))
}

func (g *generator) jump(to *ssa.Block) {
	g.b.Kind = ssa.BlockPlain
	g.b.AddEdgeTo(to)
}

// diamond: if c { ... } else { ... } and phis for a few types.
func (g *generator) diamond() {
	cond := g.value(ssa.Bool)
	then, els, join := g.f.NewBlock(ssa.BlockPlain, g.pos), g.f.NewBlock(ssa.BlockPlain, g.pos), g.f.NewBlock(ssa.BlockPlain, g.pos)
	g.b.Kind = ssa.BlockIf
	g.b.SetControl(cond)
	g.b.AddEdgeTo(then)
	g.b.AddEdgeTo(els)
	saved := append([]*ssa.Value(nil), g.scope...)
	types := []*ssa.Type{pick(g.r, genTypes), pick(g.r, genTypes), ssa.Bool}
	arm := func(b *ssa.Block) []*ssa.Value {
		g.b, g.scope = b, append([]*ssa.Value(nil), saved...)
		g.depth++
		if g.r.Intn(4) > 0 { // sometimes an empty arm, for jump threading
			g.body(1 + g.r.Intn(2))
		}
		g.depth--
		var out []*ssa.Value
		for _, t := range types {
			out = append(out, g.value(t))
		}
		g.jump(join)
		return out
	}
	a, b := arm(then), arm(els)
	g.b, g.scope = join, saved
	for i, t := range types {
		phi := join.NewValue(ssa.OpPhi, t, g.pos)
		phi.AddArg(a[i])
		phi.AddArg(b[i])
		g.scope = append(g.scope, phi)
	}
}

// loop: for i := 0; i < bound; i++ { acc = f(acc, i) } with a bound that is
// a small constant or a parameter masked to 0..7, so every run ends.
func (g *generator) loop() {
	t := pick(g.r, genTypes)
	init := g.value(t)
	var bound *ssa.Value
	if g.r.Intn(2) == 0 {
		bound = g.constOf(ssa.U32, uint64(g.r.Intn(6)))
	} else {
		x := g.value(ssa.U32)
		bound = g.b.NewValue(ssa.OpAnd, ssa.U32, g.pos, x, g.constOf(ssa.U32, 7))
	}
	zero, one := g.constOf(ssa.U32, 0), g.constOf(ssa.U32, 1)
	head, body, exit := g.f.NewBlock(ssa.BlockPlain, g.pos), g.f.NewBlock(ssa.BlockPlain, g.pos), g.f.NewBlock(ssa.BlockPlain, g.pos)
	g.jump(head)
	i := head.NewValue(ssa.OpPhi, ssa.U32, g.pos, zero)
	acc := head.NewValue(ssa.OpPhi, t, g.pos, init)
	g.b = head
	cond := head.NewValue(ssa.OpLt, ssa.Bool, g.pos, i, bound)
	head.Kind = ssa.BlockIf
	head.SetControl(cond)
	head.AddEdgeTo(body)
	head.AddEdgeTo(exit)
	saved := append([]*ssa.Value(nil), g.scope...)
	g.b, g.scope = body, append(saved, i, acc)
	g.depth++
	g.body(1 + g.r.Intn(2))
	g.depth--
	next := g.value(t)
	inc := g.b.NewValue(ssa.OpAdd, ssa.U32, g.pos, i, one)
	g.jump(head)
	i.AddArg(inc)
	acc.AddArg(next)
	g.b, g.scope = exit, append(saved, acc, i)
}

func (g *generator) constOf(t *ssa.Type, bits uint64) *ssa.Value {
	c := g.b.NewValue(ssa.OpConst, t, g.pos)
	c.AuxInt = ssa.ConstAuxInt(t, bits)
	if t.IsInt() && !t.Signed && g.r.Intn(3) == 0 {
		c.AuxInt = int64(ssa.Bits(t, bits)) // the zero-extended spelling is valid too
	}
	return c
}

func (g *generator) randConst(t *ssa.Type) *ssa.Value {
	if t.IsBool() {
		return g.constOf(t, uint64(g.r.Intn(2)))
	}
	edges := []uint64{0, 1, 2, 3, ^uint64(0), ^uint64(1), 1 << uint(t.Bits-1), 1<<uint(t.Bits-1) - 1, 7, 8, 31, 32, 33, 63, 64, 250, 10}
	if g.r.Intn(3) == 0 {
		return g.constOf(t, g.r.Uint64())
	}
	return g.constOf(t, pick(g.r, edges))
}

// value returns a value of type t: often one in scope, else a new one.
func (g *generator) value(t *ssa.Type) *ssa.Value {
	var cands []*ssa.Value
	for _, v := range g.scope {
		if ssa.Same(v.Type, t) {
			cands = append(cands, v)
		}
	}
	if len(cands) > 0 && g.r.Intn(10) < 5 {
		return pick(g.r, cands)
	}
	if g.depth > 3 || g.r.Intn(6) == 0 {
		return g.randConst(t)
	}
	g.depth++
	defer func() { g.depth-- }()
	if t.IsBool() {
		return g.boolValue()
	}
	return g.intValue(t)
}

func (g *generator) boolValue() *ssa.Value {
	switch g.r.Intn(5) {
	case 0:
		return g.b.NewValue(ssa.OpNot, ssa.Bool, g.pos, g.value(ssa.Bool))
	case 1:
		return g.b.NewValue(pick(g.r, []ssa.Op{ssa.OpEq, ssa.OpNe}), ssa.Bool, g.pos, g.value(ssa.Bool), g.value(ssa.Bool))
	}
	t := pick(g.r, genTypes)
	x := g.value(t)
	y := x
	if g.r.Intn(5) > 0 {
		y = g.value(t)
	}
	op := ssa.Op(int(ssa.OpEq) + g.r.Intn(int(ssa.OpSGe-ssa.OpEq)+1))
	return g.b.NewValue(op, ssa.Bool, g.pos, x, y)
}

var genArith = []ssa.Op{ssa.OpAdd, ssa.OpSub, ssa.OpMul, ssa.OpDiv, ssa.OpSDiv, ssa.OpMod, ssa.OpSMod, ssa.OpAnd, ssa.OpOr, ssa.OpXor, ssa.OpShl, ssa.OpShr, ssa.OpSar}

func (g *generator) intValue(t *ssa.Type) *ssa.Value {
	switch k := g.r.Intn(12); {
	case k < 6:
		op := pick(g.r, genArith)
		x := g.value(t)
		var y *ssa.Value
		switch {
		case op == ssa.OpShl || op == ssa.OpShr || op == ssa.OpSar:
			ct := pick(g.r, genTypes)
			if g.r.Intn(2) == 0 {
				y = g.constOf(ct, uint64(g.r.Intn(70)))
			} else {
				y = g.value(ct)
			}
		case g.r.Intn(6) == 0:
			y = x // x-x, x^x, x%x, x/x
		default:
			y = g.value(t)
		}
		return g.b.NewValue(op, t, g.pos, x, y)
	case k < 8:
		op := pick(g.r, []ssa.Op{ssa.OpNeg, ssa.OpCom, ssa.OpCopy})
		return g.b.NewValue(op, t, g.pos, g.value(t))
	case k < 10: // widen from a narrower type or bool
		var from []*ssa.Type
		for _, s := range genTypes {
			if s.Bits < t.Bits {
				from = append(from, s)
			}
		}
		from = append(from, ssa.Bool)
		op := pick(g.r, []ssa.Op{ssa.OpZExt, ssa.OpSExt})
		return g.b.NewValue(op, t, g.pos, g.value(pick(g.r, from)))
	default: // narrow from a wider type
		var from []*ssa.Type
		for _, s := range genTypes {
			if s.Bits > t.Bits {
				from = append(from, s)
			}
		}
		if len(from) == 0 {
			return g.randConst(t)
		}
		return g.b.NewValue(ssa.OpTrunc, t, g.pos, g.value(pick(g.r, from)))
	}
}
