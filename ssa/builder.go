package ssa

import "github.com/pybpfc/pybpfc/internal/diag"

// Builder constructs SSA directly from a structured source, without a
// separate "memory variables then mem2reg" phase, using the algorithm of
// Braun et al., "Simple and Efficient Construction of Static Single
// Assignment Form" (CC 2013): variables are read and written per block;
// reading in a block whose predecessors are not all known yet ("unsealed")
// places an incomplete phi that is completed when the block is sealed;
// trivial phis are removed as soon as they are found.
//
// Variables are identified by any comparable key the frontend chooses.
type Builder struct {
	F   *Func
	Cur *Block // where NewValue appends; nil after a terminator

	defs       map[*Block]map[any]*Value
	sealed     map[*Block]bool
	incomplete map[*Block]map[any]*Value
	varType    map[any]*Type
	// zero supplies the value of a variable read on a path where it was
	// never written (LANGUAGE.md 3.7.4: locals start at zero).
	zero func(t *Type) *Value
}

// NewBuilder starts a function with an entry block.
func NewBuilder(f *Func) *Builder {
	b := &Builder{
		F:          f,
		defs:       map[*Block]map[any]*Value{},
		sealed:     map[*Block]bool{},
		incomplete: map[*Block]map[any]*Value{},
		varType:    map[any]*Type{},
	}
	entry := f.NewBlock(BlockPlain, f.Pos)
	b.Cur = entry
	b.sealed[entry] = true
	b.zero = func(t *Type) *Value {
		e := f.Entry()
		// Constants for undefined reads go at the top of the entry block so
		// they dominate every use.
		return e.NewValueAt(0, OpConst, t, f.Pos)
	}
	return b
}

// Value appends a value to the current block.
func (b *Builder) Value(op Op, t *Type, pos diag.Pos, args ...*Value) *Value {
	return b.Cur.NewValue(op, t, pos, args...)
}

// Const makes an integer, bool or NULL constant in the current block.
func (b *Builder) Const(t *Type, c int64, pos diag.Pos) *Value {
	v := b.Cur.NewValue(OpConst, t, pos)
	v.AuxInt = c
	return v
}

// WriteVariable records that variable key has value v at the end of the
// current block so far.
func (b *Builder) WriteVariable(key any, v *Value) {
	b.writeIn(b.Cur, key, v)
	if _, ok := b.varType[key]; !ok {
		b.varType[key] = v.Type
	}
}

func (b *Builder) writeIn(blk *Block, key any, v *Value) {
	m := b.defs[blk]
	if m == nil {
		m = map[any]*Value{}
		b.defs[blk] = m
	}
	m[key] = v
}

// DeclareVariable fixes a variable's type before its first write, so that a
// read on a path with no write yields a zero of the right type.
func (b *Builder) DeclareVariable(key any, t *Type) { b.varType[key] = t }

// ReadVariable returns the variable's current value in the current block.
func (b *Builder) ReadVariable(key any, pos diag.Pos) *Value {
	return b.readIn(b.Cur, key, pos)
}

func (b *Builder) readIn(blk *Block, key any, pos diag.Pos) *Value {
	if v, ok := b.defs[blk][key]; ok {
		return v
	}
	return b.readRecursive(blk, key, pos)
}

func (b *Builder) readRecursive(blk *Block, key any, pos diag.Pos) *Value {
	t := b.varType[key]
	var v *Value
	switch {
	case !b.sealed[blk]:
		v = blk.NewValueAt(0, OpPhi, t, pos)
		if b.incomplete[blk] == nil {
			b.incomplete[blk] = map[any]*Value{}
		}
		b.incomplete[blk][key] = v
	case len(blk.Preds) == 0:
		c := b.zero(t)
		c.Pos = pos
		v = c
	case len(blk.Preds) == 1:
		v = b.readIn(blk.Preds[0].B, key, pos)
	default:
		phi := blk.NewValueAt(0, OpPhi, t, pos)
		b.writeIn(blk, key, phi) // break cycles
		v = b.addPhiOperands(key, phi, pos)
	}
	b.writeIn(blk, key, v)
	return v
}

func (b *Builder) addPhiOperands(key any, phi *Value, pos diag.Pos) *Value {
	for _, p := range phi.Block.Preds {
		phi.AddArg(b.readIn(p.B, key, pos))
	}
	return b.tryRemoveTrivialPhi(phi)
}

// tryRemoveTrivialPhi replaces a phi whose arguments are all itself or one
// other value by that value, then revisits phis that used it.
func (b *Builder) tryRemoveTrivialPhi(phi *Value) *Value {
	var same *Value
	for _, a := range phi.Args {
		if a == same || a == phi {
			continue
		}
		if same != nil {
			return phi
		}
		same = a
	}
	if same == nil {
		// Unreachable or only self-referencing: the variable is undefined.
		same = b.zero(phi.Type)
		same.Pos = phi.Pos
	}
	var users []*Value
	for _, blk := range b.F.Blocks {
		for _, v := range blk.Values {
			if v == phi {
				continue
			}
			for _, a := range v.Args {
				if a == phi {
					users = append(users, v)
					break
				}
			}
		}
	}
	b.F.ReplaceUses(phi, same)
	for blk, m := range b.defs {
		for k, v := range m {
			if v == phi {
				b.defs[blk][k] = same
			}
		}
	}
	for blk, m := range b.incomplete {
		for k, v := range m {
			if v == phi {
				b.incomplete[blk][k] = same
			}
		}
	}
	blk := phi.Block
	for i, v := range blk.Values {
		if v == phi {
			blk.RemoveValueAt(i)
			break
		}
	}
	for _, u := range users {
		if u.Op == OpPhi && u.Block != nil {
			b.tryRemoveTrivialPhi(u)
		}
	}
	return same
}

// Seal declares that blk has all its predecessors: its incomplete phis get
// their operands.
func (b *Builder) Seal(blk *Block) {
	if b.sealed[blk] {
		return
	}
	b.sealed[blk] = true
	keys := make([]any, 0, len(b.incomplete[blk]))
	// Deterministic order: by the phi's value ID.
	for k := range b.incomplete[blk] {
		keys = append(keys, k)
	}
	sortByPhiID(keys, b.incomplete[blk])
	for _, k := range keys {
		phi := b.incomplete[blk][k]
		if phi.Op == OpPhi && phi.Block == blk {
			b.addPhiOperands(k, phi, phi.Pos)
		}
	}
	delete(b.incomplete, blk)
}

func sortByPhiID(keys []any, m map[any]*Value) {
	for i := 1; i < len(keys); i++ {
		for j := i; j > 0 && m[keys[j]].ID < m[keys[j-1]].ID; j-- {
			keys[j], keys[j-1] = keys[j-1], keys[j]
		}
	}
}

// NewBlock makes an unsealed block.
func (b *Builder) NewBlock(pos diag.Pos) *Block {
	return b.F.NewBlock(BlockInvalid, pos)
}

// Jump ends the current block with an unconditional edge to to.
func (b *Builder) Jump(to *Block, pos diag.Pos) {
	if b.Cur == nil {
		return
	}
	b.Cur.Kind = BlockPlain
	b.Cur.Pos = pos
	b.Cur.AddEdgeTo(to)
	b.Cur = nil
}

// If ends the current block with a conditional branch.
func (b *Builder) If(cond *Value, then, els *Block, pos diag.Pos) {
	if b.Cur == nil {
		return
	}
	b.Cur.Kind = BlockIf
	b.Cur.Pos = pos
	b.Cur.SetControl(cond)
	b.Cur.AddEdgeTo(then)
	b.Cur.AddEdgeTo(els)
	b.Cur = nil
}

// Ret ends the current block with a return.
func (b *Builder) Ret(v *Value, pos diag.Pos) {
	if b.Cur == nil {
		return
	}
	b.Cur.Kind = BlockRet
	b.Cur.Pos = pos
	b.Cur.SetControl(v)
	b.Cur = nil
}

// Finish removes blocks that were created but never reached (for example
// the block after a `return`), seals everything and returns the function.
func (b *Builder) Finish() *Func {
	for _, blk := range b.F.Blocks {
		b.Seal(blk)
	}
	for changed := true; changed; {
		changed = false
		for _, blk := range b.F.Blocks[1:] {
			if len(blk.Preds) == 0 {
				b.F.RemoveBlock(blk)
				changed = true
				break
			}
		}
	}
	return b.F
}
