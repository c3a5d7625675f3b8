package ssa

import (
	"fmt"
	"strings"
)

// Check verifies every invariant of the IR and returns all violations as
// one error (nil when f is well formed). It runs after every pass in tests
// and, by default, in the compiler, so a pass that breaks the IR is caught
// at the pass, not three passes later in the backend.
func Check(f *Func) error {
	c := &checker{f: f}
	c.run()
	if len(c.errs) == 0 {
		return nil
	}
	return fmt.Errorf("ssa.Check(%s):\n  %s", f.Name, strings.Join(c.errs, "\n  "))
}

type checker struct {
	f    *Func
	errs []string
}

func (c *checker) errorf(format string, args ...any) {
	if len(c.errs) < 50 {
		c.errs = append(c.errs, fmt.Sprintf(format, args...))
	}
}

func (c *checker) run() {
	f := c.f
	if len(f.Blocks) == 0 {
		c.errorf("no blocks")
		return
	}
	if len(f.Entry().Preds) != 0 {
		c.errorf("entry block %s has predecessors", f.Entry())
	}
	blockIDs := map[int]bool{}
	valueIDs := map[int]bool{}
	inFunc := map[*Block]bool{}
	for _, b := range f.Blocks {
		inFunc[b] = true
	}
	uses := map[*Value]int32{}
	for _, b := range f.Blocks {
		if blockIDs[b.ID] {
			c.errorf("duplicate block ID b%d", b.ID)
		}
		blockIDs[b.ID] = true
		if b.ID >= f.nextBlock {
			c.errorf("block b%d has ID beyond the function's counter", b.ID)
		}
		if b.Func != f {
			c.errorf("%s belongs to another function", b)
		}
		c.checkEdges(b, inFunc)
		c.checkControl(b)
		if b.Control != nil {
			uses[b.Control]++
		}
		seenNonPhi := false
		for _, v := range b.Values {
			if valueIDs[v.ID] {
				c.errorf("duplicate value ID v%d", v.ID)
			}
			valueIDs[v.ID] = true
			if v.ID >= f.nextValue {
				c.errorf("v%d has ID beyond the function's counter", v.ID)
			}
			if v.Block != b {
				c.errorf("v%d is in %s but says it is in %v", v.ID, b, v.Block)
			}
			if !v.Pos.IsValid() {
				c.errorf("v%d (%s) has no source position", v.ID, v.Op)
			}
			if v.Op == OpPhi {
				if seenNonPhi {
					c.errorf("phi v%d after a non-phi value in %s", v.ID, b)
				}
				if len(v.Args) != len(b.Preds) {
					c.errorf("phi v%d has %d args, %s has %d predecessors", v.ID, len(v.Args), b, len(b.Preds))
				}
			} else {
				seenNonPhi = true
			}
			for _, a := range v.Args {
				uses[a]++
			}
			c.checkValue(v)
		}
	}
	for _, b := range f.Blocks {
		for _, v := range b.Values {
			if uses[v] != v.Uses {
				c.errorf("v%d records %d uses, has %d", v.ID, v.Uses, uses[v])
			}
			for _, a := range v.Args {
				if a.Block == nil || !inFunc[a.Block] || !containsValue(a.Block.Values, a) {
					c.errorf("v%d uses v%d, which is not in the function", v.ID, a.ID)
				}
			}
		}
	}
	if len(c.errs) == 0 {
		c.checkDominance()
	}
}

func containsValue(vs []*Value, v *Value) bool {
	for _, w := range vs {
		if w == v {
			return true
		}
	}
	return false
}

func (c *checker) checkEdges(b *Block, inFunc map[*Block]bool) {
	for i, e := range b.Succs {
		if !inFunc[e.B] {
			c.errorf("%s has a successor outside the function", b)
			continue
		}
		if e.I >= len(e.B.Preds) || e.B.Preds[e.I].B != b || e.B.Preds[e.I].I != i {
			c.errorf("edge %s -> %s (succ %d) is not cross-linked", b, e.B, i)
		}
	}
	for i, e := range b.Preds {
		if !inFunc[e.B] {
			c.errorf("%s has a predecessor outside the function", b)
			continue
		}
		if e.I >= len(e.B.Succs) || e.B.Succs[e.I].B != b || e.B.Succs[e.I].I != i {
			c.errorf("edge %s -> %s (pred %d) is not cross-linked", e.B, b, i)
		}
	}
}

func (c *checker) checkControl(b *Block) {
	want := map[BlockKind]int{BlockPlain: 1, BlockIf: 2, BlockRet: 0, BlockUnreachable: 0}
	n, ok := want[b.Kind]
	if !ok {
		c.errorf("%s has invalid kind", b)
		return
	}
	if len(b.Succs) != n {
		c.errorf("%s block %s has %d successors, want %d", b.Kind, b, len(b.Succs), n)
	}
	switch b.Kind {
	case BlockIf:
		if b.Control == nil || !b.Control.Type.IsBool() {
			c.errorf("If block %s needs a bool control", b)
		}
	case BlockRet:
		if b.Func.Ret.IsVoid() {
			if b.Control != nil {
				c.errorf("Ret in void function %s returns a value", b)
			}
		} else if b.Control == nil || !Same(b.Control.Type, b.Func.Ret) {
			c.errorf("Ret block %s must return a %s", b, b.Func.Ret)
		}
	default:
		if b.Control != nil {
			c.errorf("%s block %s has a control value", b.Kind, b)
		}
	}
}

// checkValue holds the per-op typing rules.
func (c *checker) checkValue(v *Value) {
	info := v.Op.Info()
	if v.Op == OpInvalid || int(v.Op) >= int(opCount) {
		c.errorf("v%d has an invalid op", v.ID)
		return
	}
	if info.Args >= 0 && len(v.Args) != info.Args {
		c.errorf("v%d: %s takes %d args, has %d", v.ID, v.Op, info.Args, len(v.Args))
		return
	}
	if v.Type == nil {
		c.errorf("v%d has no type", v.ID)
		return
	}
	if v.Type.IsAggregate() {
		c.errorf("v%d has aggregate type %s; aggregates live in memory", v.ID, v.Type)
	}
	arg := func(i int) *Type { return v.Args[i].Type }
	sameAsResult := func() {
		for i := range v.Args {
			if !Same(arg(i), v.Type) {
				c.errorf("v%d: %s arg %d is %s, result is %s", v.ID, v.Op, i, arg(i), v.Type)
			}
		}
	}
	switch {
	case v.Op == OpConst:
		if !v.Type.IsScalar() {
			c.errorf("v%d: constant of type %s", v.ID, v.Type)
		}
		if v.Type.IsPtr() && v.AuxInt != 0 {
			c.errorf("v%d: pointer constant other than NULL", v.ID)
		}
	case v.Op == OpArg:
		ps := c.f.Params
		if v.AuxInt < 0 || int(v.AuxInt) >= len(ps) {
			c.errorf("v%d: Arg [%d] out of range", v.ID, v.AuxInt)
		} else if !Same(ps[v.AuxInt].Type, v.Type) {
			c.errorf("v%d: Arg type %s, parameter is %s", v.ID, v.Type, ps[v.AuxInt].Type)
		}
	case v.Op == OpPhi || v.Op == OpCopy:
		sameAsResult()
	case v.Op.IsBinaryArith():
		if !v.Type.IsInt() {
			c.errorf("v%d: %s on %s", v.ID, v.Op, v.Type)
		}
		if v.Op == OpShl || v.Op == OpShr || v.Op == OpSar {
			if !Same(arg(0), v.Type) || !arg(1).IsInt() {
				c.errorf("v%d: %s needs a %s value and an integer count", v.ID, v.Op, v.Type)
			}
		} else {
			sameAsResult()
		}
	case v.Op == OpNeg || v.Op == OpCom:
		if !v.Type.IsInt() {
			c.errorf("v%d: %s on %s", v.ID, v.Op, v.Type)
		}
		sameAsResult()
	case v.Op == OpNot:
		if !v.Type.IsBool() {
			c.errorf("v%d: Not must be bool", v.ID)
		}
		sameAsResult()
	case v.Op.IsCompare():
		if !v.Type.IsBool() {
			c.errorf("v%d: comparison result must be bool", v.ID)
		}
		a, b := arg(0), arg(1)
		if !Same(a, b) && !(a.IsPtr() && b.IsPtr()) {
			c.errorf("v%d: %s compares %s with %s", v.ID, v.Op, a, b)
		}
	case v.Op == OpZExt || v.Op == OpSExt:
		if !v.Type.IsInt() || !(arg(0).IsInt() || arg(0).IsBool()) || arg(0).Size() >= v.Type.Size() && !arg(0).IsBool() {
			c.errorf("v%d: %s from %s to %s does not widen", v.ID, v.Op, arg(0), v.Type)
		}
	case v.Op == OpTrunc:
		if !v.Type.IsInt() || !arg(0).IsInt() || arg(0).Size() <= v.Type.Size() {
			c.errorf("v%d: Trunc from %s to %s does not narrow", v.ID, arg(0), v.Type)
		}
	case v.Op == OpPtrToInt:
		if !arg(0).IsPtr() || !Same(v.Type, U64) && !Same(v.Type, S64) {
			c.errorf("v%d: PtrToInt must turn a pointer into a 64-bit integer", v.ID)
		}
	case v.Op == OpIntToPtr:
		if !v.Type.IsPtr() || !arg(0).IsInt() || arg(0).Bits != 64 {
			c.errorf("v%d: IntToPtr must turn a 64-bit integer into a pointer", v.ID)
		}
	case v.Op == OpAlloca:
		if !Same(v.Type, PtrTo(PtrStack)) || v.AuxInt <= 0 {
			c.errorf("v%d: Alloca must be a ptr.stack of positive size", v.ID)
		}
		if v.Block != c.f.Entry() {
			c.errorf("v%d: Alloca outside the entry block", v.ID)
		}
	case v.Op == OpLoad:
		if !arg(0).IsPtr() || !v.Type.IsScalar() {
			c.errorf("v%d: Load needs a pointer and a scalar result", v.ID)
		}
	case v.Op == OpStore:
		if !arg(0).IsPtr() || !arg(1).IsScalar() || !v.Type.IsVoid() {
			c.errorf("v%d: Store needs a pointer and a scalar, and has type void", v.ID)
		}
	case v.Op == OpZero:
		if !arg(0).IsPtr() || v.AuxInt <= 0 || !v.Type.IsVoid() {
			c.errorf("v%d: Zero needs a pointer and a positive size", v.ID)
		}
	case v.Op == OpOffPtr || v.Op == OpAddPtr:
		if !arg(0).IsPtr() || !Same(arg(0), v.Type) {
			c.errorf("v%d: %s must keep its pointer's kind", v.ID, v.Op)
		}
		if v.Op == OpAddPtr && !arg(1).IsInt() {
			c.errorf("v%d: AddPtr offset must be an integer", v.ID)
		}
	case v.Op == OpGlobal:
		if !v.Type.IsPtr() || v.Aux == "" {
			c.errorf("v%d: Global needs a symbol and a pointer type", v.ID)
		} else if m := c.f.Module; m != nil && m.Map(v.Aux) == nil && m.Global(v.Aux) == nil && m.Func(v.Aux) == nil {
			c.errorf("v%d: Global {%s} names no map, global or function of the module", v.ID, v.Aux)
		}
	case v.Op == OpString:
		if !Same(v.Type, PtrTo(PtrGlobal)) {
			c.errorf("v%d: String must be a ptr.global", v.ID)
		}
	case v.Op == OpCall:
		if v.AuxInt <= 0 || len(v.Args) > 5 {
			c.errorf("v%d: helper call needs an id and at most 5 arguments", v.ID)
		}
	case v.Op == OpCastPtr:
		if !arg(0).IsPtr() || !v.Type.IsPtr() {
			c.errorf("v%d: CastPtr needs pointers", v.ID)
		}
	case v.Op == OpAtomic:
		if !arg(0).IsPtr() || !arg(1).IsInt() || !Same(arg(1), v.Type) || v.Type.Bits != 32 && v.Type.Bits != 64 || v.AuxInt < AtomicAdd || v.AuxInt > AtomicXchg {
			c.errorf("v%d: Atomic needs a pointer and a 32- or 64-bit operand of its result type", v.ID)
		}
	case v.Op == OpAtomicCmpXchg:
		if !arg(0).IsPtr() || !arg(1).IsInt() || !Same(arg(1), v.Type) || !Same(arg(2), v.Type) || v.Type.Bits != 32 && v.Type.Bits != 64 {
			c.errorf("v%d: AtomicCmpXchg needs a pointer and two 32- or 64-bit operands of its result type", v.ID)
		}
	case v.Op == OpCoreAddr || v.Op == OpPktHeader:
		if !arg(0).IsPtr() || !Same(arg(0), v.Type) || v.Op == OpCoreAddr && v.Aux == "" {
			c.errorf("v%d: %s needs a pointer, keeps its kind and has an aux", v.ID, v.Op)
		}
	case v.Op == OpPktPtr:
		if !Same(arg(0), U64) || v.Type.Ptr != PtrPacket && v.Type.Ptr != PtrPacketEnd {
			c.errorf("v%d: PktPtr turns a u64 into a packet pointer", v.ID)
		}
	case v.Op == OpCallSub:
		if len(v.Args) > 5 {
			c.errorf("v%d: subprogram call with more than 5 arguments", v.ID)
		}
	}
}

// checkDominance verifies that every use is dominated by its definition:
// within a block the definition comes first; a phi's argument must
// dominate the end of the corresponding predecessor.
func (c *checker) checkDominance() {
	f := c.f
	dom := f.Dom()
	index := make(map[*Value]int)
	for _, b := range f.Blocks {
		for i, v := range b.Values {
			index[v] = i
		}
	}
	dominatesUse := func(def *Value, useBlock *Block, useIndex int) bool {
		if def.Block == useBlock {
			return index[def] < useIndex
		}
		return dom.Dominates(def.Block, useBlock)
	}
	for _, b := range f.Blocks {
		if !dom.Reachable(b) {
			continue
		}
		for i, v := range b.Values {
			for j, a := range v.Args {
				if v.Op == OpPhi {
					p := b.Preds[j].B
					if dom.Reachable(p) && !dominatesUse(a, p, len(p.Values)) {
						c.errorf("phi v%d arg %d (v%d) does not dominate predecessor %s", v.ID, j, a.ID, p)
					}
					continue
				}
				if !dominatesUse(a, b, i) {
					c.errorf("v%d uses v%d, which does not dominate it", v.ID, a.ID)
				}
			}
		}
		if b.Control != nil && !dominatesUse(b.Control, b, len(b.Values)) {
			c.errorf("control of %s (v%d) does not dominate it", b, b.Control.ID)
		}
	}
}
