package backend

import (
	"fmt"
	"reflect"

	"github.com/llir/llvm/ir"
	"github.com/llir/llvm/ir/constant"
	"github.com/llir/llvm/ir/enum"
	"github.com/llir/llvm/ir/metadata"
	"github.com/llir/llvm/ir/types"
	"github.com/llir/llvm/ir/value"
	"github.com/pybpfc/pybpfc/ssa"
)

// funcLower lowers one ssa.Func. SSA blocks map one-to-one onto LLVM
// blocks (plus a split block for an If whose two edges reach the same
// block), so SSA phis become LLVM phis unchanged.
type funcLower struct {
	e      *emitter
	f      *ssa.Func
	fn     *ir.Func
	sp     *metadata.DISubprogram
	blocks map[*ssa.Block]*ir.Block
	// edgeFrom[b][i] is the LLVM block that ends in the jump along
	// b.Succs[i], when that is not b's own block.
	edgeFrom map[*ssa.Block]map[int]*ir.Block
	vals     []value.Value // by SSA value ID
	slots    []slot
	cur      *ir.Block
	pos      lineCol // position of what is being lowered, for DILocations
	err      error
}

type slot struct {
	ptr  value.Value // the slot as i8*
	size int64
}

func (e *emitter) lowerFunc(f *ssa.Func, fn *ir.Func) error {
	if len(f.Blocks) == 0 {
		return fmt.Errorf("emit llvm: function %s has no blocks", f.Name)
	}
	l := &funcLower{e: e, f: f, fn: fn, blocks: map[*ssa.Block]*ir.Block{},
		edgeFrom: map[*ssa.Block]map[int]*ir.Block{}, vals: make([]value.Value, f.NumValues())}
	l.sp = e.di.subprogram(fn, f)
	// Blocks unreachable from the entry are dropped: their values need not
	// be dominated by their definitions, which LLVM would reject.
	rpo := f.ReversePostorder()
	reachable := map[*ssa.Block]bool{}
	for _, b := range rpo {
		reachable[b] = true
	}
	for _, b := range f.Blocks { // LLVM block order follows f.Blocks
		if reachable[b] {
			l.blocks[b] = fn.NewBlock(fmt.Sprintf("b%d", b.ID))
		}
	}
	l.lowerAllocas()
	// Reverse postorder lowers every definition before its non-phi uses.
	for _, b := range rpo {
		l.cur = l.blocks[b]
		for _, v := range b.Values {
			if v.Op != ssa.OpAlloca {
				l.lowerValue(v)
			}
		}
		l.lowerControl(b)
	}
	l.fillPhis(rpo)
	if l.err != nil {
		return fmt.Errorf("emit llvm: func %s: %w", f.Name, l.err)
	}
	return nil
}

func (l *funcLower) fail(v *ssa.Value, format string, args ...any) {
	if l.err == nil {
		l.err = fmt.Errorf("v%d (%s): %s", v.ID, v.Op, fmt.Sprintf(format, args...))
	}
}

// lineCol is a source position. The package names no diag type so that
// it imports only ssa, llir and std (the layering rule).
type lineCol struct{ line, col int }

// at sets the position that the following instructions are tagged with:
// the first valid one of pos, the fallbacks and the function's position.
func (l *funcLower) at(pos lineCol, fallback ...lineCol) {
	l.pos = pos
	for _, p := range append(fallback, lineCol{l.f.Pos.Line, l.f.Pos.Col}) {
		if l.pos.line > 0 {
			break
		}
		l.pos = p
	}
}

// tag gives every instruction of the current block from index n on the
// current DILocation. The BPF backend drops line info for instructions
// without one, and the kernel's log would then show the wrong line.
func (l *funcLower) tag(n int) {
	loc := l.e.di.location(l.sp, l.pos)
	for _, inst := range l.cur.Insts[n:] {
		setDbg(inst, loc)
	}
}

// setDbg attaches !dbg to an instruction or terminator. Every llir
// instruction type embeds ir.Metadata under the same field name, so
// reflection saves a forty-case type switch.
func setDbg(inst any, loc *metadata.DILocation) {
	f := reflect.ValueOf(inst).Elem().FieldByName("Metadata")
	if !f.IsValid() {
		return
	}
	md := f.Interface().(ir.Metadata)
	for _, a := range md {
		if a.Name == "dbg" {
			return
		}
	}
	f.Set(reflect.ValueOf(append(md, &metadata.Attachment{Name: "dbg", Node: loc})))
}

// lowerAllocas puts every stack slot at the top of the entry block with a
// lifetime.start right after it; the matching ends go before each return.
func (l *funcLower) lowerAllocas() {
	entry := l.blocks[l.f.Entry()]
	l.cur = entry
	var allocas []*ssa.Value
	for _, b := range l.f.Blocks {
		for _, v := range b.Values {
			if v.Op == ssa.OpAlloca && l.blocks[b] != nil {
				allocas = append(allocas, v)
			}
		}
	}
	for _, v := range allocas {
		n := len(l.cur.Insts)
		l.at(lineCol{v.Pos.Line, v.Pos.Col})
		a := entry.NewAlloca(types.NewArray(uint64(v.AuxInt), types.I8))
		a.Align = 8 // 8-byte-aligned keys keep their constant value for the verifier
		a.SetName(fmt.Sprintf("v%d", v.ID))
		p := entry.NewBitCast(a, i8ptr)
		l.vals[v.ID] = p
		l.slots = append(l.slots, slot{p, v.AuxInt})
		l.tag(n)
	}
	if len(l.slots) > 0 {
		start, _ := l.e.lifetime()
		for i, s := range l.slots {
			n := len(l.cur.Insts)
			l.at(lineCol{allocas[i].Pos.Line, allocas[i].Pos.Col})
			entry.NewCall(start, constant.NewInt(types.I64, s.size), s.ptr)
			l.tag(n)
		}
	}
}

func (l *funcLower) val(v *ssa.Value) value.Value {
	x := l.vals[v.ID]
	if x == nil {
		if l.err == nil {
			l.err = fmt.Errorf("v%d (%s) is used before it is lowered", v.ID, v.Op)
		}
		return constant.NewUndef(llTypeOrI64(v.Type))
	}
	return x
}

func llTypeOrI64(t *ssa.Type) types.Type {
	if t.IsScalar() {
		return llType(t)
	}
	return types.I64
}

func intConst(bits int, v int64) *constant.Int {
	return constant.NewInt(types.NewInt(uint64(bits)), signExtend(v, bits))
}

// toI64 widens a register to the 64 bits a helper argument or a return
// value occupies, by the value's own signedness.
func (l *funcLower) toI64(x value.Value, t *ssa.Type) value.Value {
	switch {
	case t.IsPtr():
		return l.cur.NewPtrToInt(x, types.I64)
	case t.IsBool():
		return l.cur.NewZExt(x, types.I64)
	case t.Bits == 64:
		return x
	case t.Signed:
		return l.cur.NewSExt(x, types.I64)
	}
	return l.cur.NewZExt(x, types.I64)
}

// fromI64 narrows a 64-bit helper or subprogram result to the value's type.
func (l *funcLower) fromI64(x value.Value, t *ssa.Type) value.Value {
	switch {
	case t.IsPtr():
		return l.cur.NewIntToPtr(x, i8ptr)
	case t.IsBool():
		return l.cur.NewICmp(enum.IPredNE, x, constant.NewInt(types.I64, 0))
	case t.Bits == 64:
		return x
	}
	return l.cur.NewTrunc(x, llType(t))
}

// castPtr turns an i8* into a pointer to the memory type to load or store.
func (l *funcLower) castPtr(p value.Value, mt types.Type) value.Value {
	if mt.Equal(types.I8) {
		return p
	}
	return l.cur.NewBitCast(p, types.NewPointer(mt))
}

func (l *funcLower) lowerControl(b *ssa.Block) {
	n := len(l.cur.Insts)
	l.at(lineCol{b.Pos.Line, b.Pos.Col})
	switch b.Kind {
	case ssa.BlockPlain:
		setDbg(l.cur.NewBr(l.blocks[b.Succs[0].B]), l.e.di.location(l.sp, l.pos))
	case ssa.BlockIf:
		t, f := l.blocks[b.Succs[0].B], l.blocks[b.Succs[1].B]
		if t == f {
			// Both edges reach one block: split the second so that each
			// edge has its own predecessor and phis may differ per edge.
			split := l.fn.NewBlock(fmt.Sprintf("b%d.split", b.ID))
			setDbg(split.NewBr(f), l.e.di.location(l.sp, l.pos))
			l.edgeFrom[b] = map[int]*ir.Block{1: split}
			f = split
		}
		setDbg(l.cur.NewCondBr(l.val(b.Control), t, f), l.e.di.location(l.sp, l.pos))
	case ssa.BlockRet:
		var x value.Value = constant.NewInt(types.I64, 0)
		if b.Control != nil {
			x = l.toI64(l.val(b.Control), b.Control.Type)
		}
		if len(l.slots) > 0 {
			_, end := l.e.lifetime()
			for _, s := range l.slots {
				l.cur.NewCall(end, constant.NewInt(types.I64, s.size), s.ptr)
			}
		}
		l.tag(n)
		setDbg(l.cur.NewRet(x), l.e.di.location(l.sp, l.pos))
	case ssa.BlockUnreachable:
		setDbg(l.cur.NewUnreachable(), l.e.di.location(l.sp, l.pos))
	default:
		if l.err == nil {
			l.err = fmt.Errorf("block b%d has kind %s", b.ID, b.Kind)
		}
		l.cur.NewUnreachable()
	}
	l.tag(n)
}

// fillPhis adds the incoming values once every block is lowered; phi
// arguments follow Preds order, and edges from dropped (unreachable)
// blocks are left out, as LLVM wants one entry per actual predecessor.
func (l *funcLower) fillPhis(rpo []*ssa.Block) {
	for _, b := range rpo {
		for _, v := range b.Values {
			if v.Op != ssa.OpPhi {
				continue
			}
			phi := l.vals[v.ID].(*ir.InstPhi)
			for i, a := range v.Args {
				e := b.Preds[i]
				pred := l.blocks[e.B]
				if pred == nil {
					continue
				}
				if s := l.edgeFrom[e.B][e.I]; s != nil {
					pred = s
				}
				phi.Incs = append(phi.Incs, ir.NewIncoming(l.val(a), pred))
			}
		}
	}
}

// isRodata reports whether p points into a .rodata global; such reads are
// volatile so that LLVM never folds them to the initial value (the loader
// may rewrite .rodata before loading; LANGUAGE.md 9.4).
func (l *funcLower) isRodata(p *ssa.Value) bool {
	for {
		switch p.Op {
		case ssa.OpOffPtr, ssa.OpAddPtr, ssa.OpCopy:
			p = p.Args[0]
			continue
		case ssa.OpGlobal:
			g := l.e.symbols[p.Aux]
			return g != nil && g.Immutable
		}
		return false
	}
}

// alignOf is what is known about a pointer's alignment: stack slots are
// 8-aligned, kernel-allocated map values and ring buffer records too, and
// constant offsets keep what divides them. Zero uses it to pick store widths.
func alignOf(p *ssa.Value) int64 {
	switch p.Op {
	case ssa.OpAlloca:
		return 8
	case ssa.OpCopy:
		return alignOf(p.Args[0])
	case ssa.OpOffPtr:
		a := alignOf(p.Args[0])
		for a > 1 && p.AuxInt%a != 0 {
			a /= 2
		}
		return a
	case ssa.OpGlobal:
		if m := p.Block.Func.Module; m != nil && m.Global(p.Aux) != nil {
			return int64(m.Global(p.Aux).Type.Align())
		}
		return 8
	}
	if p.Type.Ptr == ssa.PtrMapValue || p.Type.Ptr == ssa.PtrRingbuf {
		return 8
	}
	return 1
}
