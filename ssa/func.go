package ssa

import (
	"github.com/pybpfc/pybpfc/internal/diag"
)

// Value is one SSA value: the result of an op in a block.
type Value struct {
	ID     int
	Op     Op
	Type   *Type
	AuxInt int64
	Aux    string
	Args   []*Value
	Block  *Block
	Pos    diag.Pos
	Uses   int32 // number of Args slots and block controls that refer to this value
}

// BlockKind says how control leaves a block.
type BlockKind uint8

const (
	BlockInvalid     BlockKind = iota
	BlockPlain                 // one successor
	BlockIf                    // Control is a bool; Succs[0] when true, Succs[1] when false
	BlockRet                   // Control is the return value; no successors
	BlockUnreachable           // no successors; control never gets here
)

var blockKindNames = [...]string{"Invalid", "Plain", "If", "Ret", "Unreachable"}

func (k BlockKind) String() string { return blockKindNames[k] }

// Edge is one end of a CFG edge: for b.Succs[i] = Edge{c, j}, c.Preds[j] =
// Edge{b, i}. Keeping the reverse index makes edge edits O(1) and lets phi
// arguments follow Preds order.
type Edge struct {
	B *Block
	I int
}

// Block is a basic block. Values are kept in execution order.
type Block struct {
	ID      int
	Kind    BlockKind
	Values  []*Value
	Control *Value
	Succs   []Edge
	Preds   []Edge
	Pos     diag.Pos
	Func    *Func
}

// Param is a function parameter.
type Param struct {
	Name string
	Type *Type
	Pos  diag.Pos
}

// Func is one function: a program or a subprogram.
type Func struct {
	Name    string
	Section string // ELF section; "" for a subprogram (placed in .text)
	Params  []*Param
	Ret     *Type
	Blocks  []*Block // Blocks[0] is the entry
	Pos     diag.Pos
	Module  *Module

	nextValue int
	nextBlock int
	cache     struct {
		dom *DomTree
	}
}

func (f *Func) Entry() *Block { return f.Blocks[0] }

// NumValues is one more than the largest value ID: size slices indexed by
// value ID with it.
func (f *Func) NumValues() int { return f.nextValue }

// NumBlocks is one more than the largest block ID.
func (f *Func) NumBlocks() int { return f.nextBlock }

// NewBlock appends an empty block of the given kind.
func (f *Func) NewBlock(kind BlockKind, pos diag.Pos) *Block {
	b := &Block{ID: f.nextBlock, Kind: kind, Func: f, Pos: pos}
	f.nextBlock++
	f.Blocks = append(f.Blocks, b)
	f.InvalidateCFG()
	return b
}

// InvalidateCFG drops cached analyses; every CFG edit calls it.
func (f *Func) InvalidateCFG() { f.cache.dom = nil }

func (f *Func) newValue(op Op, t *Type, b *Block, pos diag.Pos, args ...*Value) *Value {
	v := &Value{ID: f.nextValue, Op: op, Type: t, Block: b, Pos: pos}
	f.nextValue++
	v.Args = append(make([]*Value, 0, len(args)), args...)
	for _, a := range args {
		a.Uses++
	}
	return v
}

// NewValue appends a value to the end of b.
func (b *Block) NewValue(op Op, t *Type, pos diag.Pos, args ...*Value) *Value {
	v := b.Func.newValue(op, t, b, pos, args...)
	b.Values = append(b.Values, v)
	return v
}

// NewValueAt inserts a value before index i of b.Values.
func (b *Block) NewValueAt(i int, op Op, t *Type, pos diag.Pos, args ...*Value) *Value {
	v := b.Func.newValue(op, t, b, pos, args...)
	b.Values = append(b.Values, nil)
	copy(b.Values[i+1:], b.Values[i:])
	b.Values[i] = v
	return v
}

// AddEdgeTo adds the edge b -> c.
func (b *Block) AddEdgeTo(c *Block) {
	i, j := len(b.Succs), len(c.Preds)
	b.Succs = append(b.Succs, Edge{c, j})
	c.Preds = append(c.Preds, Edge{b, i})
	b.Func.InvalidateCFG()
}

// SetControl sets the block's control value, keeping use counts.
func (b *Block) SetControl(v *Value) {
	if b.Control != nil {
		b.Control.Uses--
	}
	b.Control = v
	if v != nil {
		v.Uses++
	}
}

// RemovePred removes the i'th predecessor edge of b and the matching phi
// arguments. The predecessor's successor entry must be removed by the
// caller (RemoveSucc does both halves).
func (b *Block) removePred(i int) {
	n := len(b.Preds) - 1
	b.Preds[i] = b.Preds[n]
	b.Preds[i].B.Succs[b.Preds[i].I].I = i
	b.Preds = b.Preds[:n]
	for _, v := range b.Values {
		if v.Op != OpPhi {
			continue
		}
		v.Args[i].Uses--
		v.Args[i] = v.Args[n]
		v.Args = v.Args[:n]
	}
}

// RemoveSucc deletes the edge b.Succs[i] from both ends.
func (b *Block) RemoveSucc(i int) {
	e := b.Succs[i]
	e.B.removePred(e.I)
	n := len(b.Succs) - 1
	if i != n { // the last edge moves into slot i; removing the last moves nothing
		b.Succs[i] = b.Succs[n]
		b.Succs[i].B.Preds[b.Succs[i].I].I = i
	}
	b.Succs = b.Succs[:n]
	b.Func.InvalidateCFG()
}

// SetArg replaces argument i of v, keeping use counts.
func (v *Value) SetArg(i int, w *Value) {
	v.Args[i].Uses--
	v.Args[i] = w
	w.Uses++
}

// AddArg appends an argument (phi construction).
func (v *Value) AddArg(w *Value) {
	v.Args = append(v.Args, w)
	w.Uses++
}

// ResetArgs drops all arguments.
func (v *Value) ResetArgs() {
	for _, a := range v.Args {
		a.Uses--
	}
	v.Args = v.Args[:0]
}

// ReplaceUses makes every use of v (args and controls in f) use w instead.
func (f *Func) ReplaceUses(v, w *Value) {
	if v == w {
		return
	}
	for _, b := range f.Blocks {
		for _, x := range b.Values {
			for i, a := range x.Args {
				if a == v {
					x.SetArg(i, w)
				}
			}
		}
		if b.Control == v {
			b.SetControl(w)
		}
	}
}

// IsConst reports whether v is an integer or bool constant.
func (v *Value) IsConst() bool { return v.Op == OpConst }

// RemoveValue deletes v (which must have no uses) from its block.
func (b *Block) RemoveValueAt(i int) {
	v := b.Values[i]
	for _, a := range v.Args {
		a.Uses--
	}
	v.Args = nil
	copy(b.Values[i:], b.Values[i+1:])
	b.Values[len(b.Values)-1] = nil
	b.Values = b.Values[:len(b.Values)-1]
}

// RemoveBlock drops a block with no predecessors from f, removing its
// outgoing edges.
func (f *Func) RemoveBlock(b *Block) {
	for len(b.Succs) > 0 {
		b.RemoveSucc(len(b.Succs) - 1)
	}
	for _, v := range b.Values {
		for _, a := range v.Args {
			a.Uses--
		}
	}
	b.SetControl(nil)
	for i, c := range f.Blocks {
		if c == b {
			f.Blocks = append(f.Blocks[:i], f.Blocks[i+1:]...)
			break
		}
	}
	f.InvalidateCFG()
}

// Map is a map definition (LANGUAGE.md 5.1).
type Map struct {
	Name       string
	Kind       MapKind
	Key, Value *Type // nil for sized maps
	KeySize    int   // sized maps (PerfEventArray...)
	ValueSize  int
	MaxEntries int // 0: omitted
	Flags      int64
	Pos        diag.Pos
	// Record is the struct the program writes into a ring buffer or perf
	// event array (nil when unknown): userspace decodes records with it.
	Record *Type
	// Elem is a Queue's or Stack's element type: their BTF encoding is
	// sized (value_size only), so the type is kept here for the front end
	// and userspace decoders.
	Elem *Type
	// Programs fills a ProgArray statically: slot i holds the program
	// named Programs[i] ("" leaves it empty). The backend writes them into
	// the map's `values` member (LANGUAGE.md 5.3.2).
	Programs []string
}

// MapKind is the kernel's map type id.
type MapKind int

const (
	MapHash           MapKind = 1
	MapArray          MapKind = 2
	MapProgArray      MapKind = 3
	MapPerfEventArray MapKind = 4
	MapPerCPUHash     MapKind = 5
	MapPerCPUArray    MapKind = 6
	MapStackTrace     MapKind = 7
	MapLRUHash        MapKind = 9
	MapLRUPerCPUHash  MapKind = 10
	MapLPMTrie        MapKind = 11
	MapQueue          MapKind = 22
	MapStack          MapKind = 23
	MapRingbuf        MapKind = 27
)

var mapKindNames = map[MapKind]string{
	MapHash: "hash", MapArray: "array", MapProgArray: "prog_array", MapPerfEventArray: "perf_event_array",
	MapPerCPUHash: "percpu_hash", MapPerCPUArray: "percpu_array", MapStackTrace: "stack_trace",
	MapLRUHash: "lru_hash", MapLRUPerCPUHash: "lru_percpu_hash", MapLPMTrie: "lpm_trie",
	MapQueue: "queue", MapStack: "stack", MapRingbuf: "ringbuf",
}

func (k MapKind) String() string { return mapKindNames[k] }

// Global is a global variable in .data, .bss or .rodata.
type Global struct {
	Name    string
	Type    *Type
	Init    int64 // initial value, already converted to Type
	Section string
	Pos     diag.Pos
}

// Module is one compilation unit: everything that goes into one object.
type Module struct {
	File    string // source file name, for debug info
	License string
	Structs []*Type
	Maps    []*Map
	Globals []*Global
	Funcs   []*Func
	// Kernel holds the kernel composites that CoreAddr values name, by
	// KType.Key (LANGUAGE.md 8.3); the backend describes them in debug info.
	Kernel map[string]*KType
}

// NewFunc adds a function to m.
func (m *Module) NewFunc(name, section string, ret *Type, pos diag.Pos) *Func {
	f := &Func{Name: name, Section: section, Ret: ret, Pos: pos, Module: m}
	m.Funcs = append(m.Funcs, f)
	return f
}

func (m *Module) Map(name string) *Map {
	for _, x := range m.Maps {
		if x.Name == name {
			return x
		}
	}
	return nil
}

func (m *Module) Global(name string) *Global {
	for _, x := range m.Globals {
		if x.Name == name {
			return x
		}
	}
	return nil
}

func (m *Module) Struct(name string) *Type {
	for _, x := range m.Structs {
		if x.Name == name {
			return x
		}
	}
	return nil
}

func (m *Module) Func(name string) *Func {
	for _, x := range m.Funcs {
		if x.Name == name {
			return x
		}
	}
	return nil
}
