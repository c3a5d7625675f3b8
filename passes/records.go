package passes

import (
	"github.com/pybpfc/pybpfc/internal/diag"
	"github.com/pybpfc/pybpfc/ssa"
)

// records checks the ring buffer record rule (LANGUAGE.md 5.4.3): a record
// whose reservation succeeded is submitted or discarded on every path to a
// return, and never used afterwards. The kernel verifier enforces the same
// rule ("Unreleased reference", "invalid mem access") but reports it at an
// instruction; this pass reports it at the Python lines of the return and
// the reserve.
//
// It is a forward may-analysis over the CFG. Each reservation (a call of
// bpf_ringbuf_reserve) has a set of possible states at each point: no
// record held (not reserved yet, or the reservation failed, which the
// null test proves on its NULL side), a record held, or released. A
// record pointer that flows through a phi (a local read at a join) joins
// the reservations it may come from into one group: a null test, submit or
// discard of any pointer of the group acts on all of them.
//
// The pass runs before every optimization, so a use the optimizer would
// delete is still an error: the rule is about the program as written.

const (
	helperRingbufReserve = 131
	helperRingbufSubmit  = 132
	helperRingbufDiscard = 133
)

// Possible states of one reservation, as a bit set.
const (
	recNone     uint8 = 1 << iota // no record held
	recHeld                       // a record may be held
	recReleased                   // submitted or discarded
)

type recordCheck struct {
	f        *ssa.Func
	reserves []*ssa.Value // in block order
	index    map[*ssa.Value]int
	parent   []int  // union-find over reserve indices
	group    []int  // by value ID: a reserve index (find it), or -1
	direct   []bool // by value ID: the record pointer itself, not an offset
	diags    *diag.List
	reported map[[2]int]bool // (kind, reserve or line) already diagnosed
}

func checkRecords(f *ssa.Func, c *Context) {
	rc := &recordCheck{f: f, diags: c.Diags, reported: map[[2]int]bool{}, index: map[*ssa.Value]int{}}
	for _, b := range f.Blocks {
		for _, v := range b.Values {
			if v.Op == ssa.OpCall && v.AuxInt == helperRingbufReserve {
				rc.index[v] = len(rc.reserves)
				rc.reserves = append(rc.reserves, v)
			}
		}
	}
	if len(rc.reserves) == 0 {
		return
	}
	rc.groups()
	rc.flow()
}

func (rc *recordCheck) find(i int) int {
	for rc.parent[i] != i {
		rc.parent[i] = rc.parent[rc.parent[i]]
		i = rc.parent[i]
	}
	return i
}

// groups finds every value that holds a record pointer (direct) or a
// pointer into a record (an offset), iterating to a fixpoint because loop
// phis refer to values defined later.
func (rc *recordCheck) groups() {
	n := rc.f.NumValues()
	rc.group = make([]int, n)
	rc.direct = make([]bool, n)
	for i := range rc.group {
		rc.group[i] = -1
	}
	rc.parent = make([]int, len(rc.reserves))
	for i, r := range rc.reserves {
		rc.parent[i] = i
		rc.group[r.ID], rc.direct[r.ID] = i, true
	}
	for changed := true; changed; {
		changed = false
		set := func(v *ssa.Value, g int, direct bool) {
			if rc.group[v.ID] < 0 {
				rc.group[v.ID], rc.direct[v.ID], changed = g, direct, true
				return
			}
			if a, b := rc.find(rc.group[v.ID]), rc.find(g); a != b {
				rc.parent[a], changed = b, true
			}
			if rc.direct[v.ID] && !direct {
				rc.direct[v.ID], changed = false, true
			}
		}
		for _, b := range rc.f.Blocks {
			for _, v := range b.Values {
				switch v.Op {
				case ssa.OpCopy, ssa.OpCastPtr:
					if g := rc.group[v.Args[0].ID]; g >= 0 {
						set(v, g, rc.direct[v.Args[0].ID])
					}
				case ssa.OpOffPtr, ssa.OpAddPtr:
					if g := rc.group[v.Args[0].ID]; g >= 0 {
						set(v, g, false)
					}
				case ssa.OpPhi:
					for _, a := range v.Args {
						if g := rc.group[a.ID]; g >= 0 {
							set(v, g, rc.direct[a.ID])
						} else if a.Op != ssa.OpConst && rc.group[v.ID] >= 0 && rc.direct[v.ID] {
							rc.direct[v.ID], changed = false, true
						}
					}
				}
			}
		}
	}
}

// members returns the reservations of v's group.
func (rc *recordCheck) members(v *ssa.Value) []int {
	g := rc.group[v.ID]
	if g < 0 {
		return nil
	}
	root := rc.find(g)
	var out []int
	for i := range rc.reserves {
		if rc.find(i) == root {
			out = append(out, i)
		}
	}
	return out
}

// flow runs the analysis to a fixpoint, then walks every block once more
// with the final states to report.
func (rc *recordCheck) flow() {
	blocks := rc.f.Blocks
	in := make(map[*ssa.Block][]uint8, len(blocks))
	start := make([]uint8, len(rc.reserves))
	for i := range start {
		start[i] = recNone
	}
	in[blocks[0]] = start
	work := []*ssa.Block{blocks[0]}
	queued := map[*ssa.Block]bool{blocks[0]: true}
	for len(work) > 0 {
		b := work[0]
		work = work[1:]
		queued[b] = false
		for i, out := range rc.transfer(b, in[b], false) {
			succ := b.Succs[i].B
			cur, changed := in[succ], false
			if cur == nil {
				cur, changed = make([]uint8, len(rc.reserves)), true
				in[succ] = cur
			}
			for j, s := range out {
				if cur[j]|s != cur[j] {
					cur[j] |= s
					changed = true
				}
			}
			if changed && !queued[succ] {
				queued[succ] = true
				work = append(work, succ)
			}
		}
	}
	for _, b := range blocks {
		if in[b] != nil {
			rc.transfer(b, in[b], true)
		}
	}
}

// transfer computes the states leaving b along each successor edge from
// the states entering it; with report it also diagnoses.
func (rc *recordCheck) transfer(b *ssa.Block, entry []uint8, report bool) [][]uint8 {
	st := append([]uint8(nil), entry...)
	use := func(v, a *ssa.Value) {
		for _, i := range rc.members(a) {
			if st[i]&recReleased != 0 && report {
				rc.useAfterRelease(v, i)
			}
		}
	}
	for _, v := range b.Values {
		if v.Op != ssa.OpPhi {
			for _, a := range v.Args {
				use(v, a)
			}
		}
		if v.Op != ssa.OpCall {
			continue
		}
		switch v.AuxInt {
		case helperRingbufReserve:
			i := rc.index[v]
			if st[i]&recHeld != 0 && report {
				rc.leak(i, v.Pos)
			}
			st[i] = recNone | recHeld
		case helperRingbufSubmit, helperRingbufDiscard:
			for _, i := range rc.members(v.Args[0]) {
				st[i] = recReleased
			}
		}
	}
	switch b.Kind {
	case ssa.BlockRet:
		if b.Control != nil {
			use(b.Control, b.Control)
		}
		for i, s := range st {
			if s&recHeld != 0 && report {
				rc.leak(i, b.Pos)
			}
		}
		return nil
	case ssa.BlockIf:
		outs := [][]uint8{st, append([]uint8(nil), st...)}
		if rec, nullEdge, ok := rc.nullTest(b.Control); ok {
			for _, i := range rc.members(rec) {
				outs[nullEdge][i] = recNone
			}
		}
		return outs
	}
	outs := make([][]uint8, len(b.Succs))
	for i := range outs {
		outs[i] = st
	}
	return outs
}

// nullTest recognizes a branch on `record == NULL` or `record != NULL`
// (under any number of Nots) and returns the successor index on which
// the record is NULL.
func (rc *recordCheck) nullTest(c *ssa.Value) (rec *ssa.Value, nullEdge int, ok bool) {
	swap := 0
	for c != nil && c.Op == ssa.OpNot {
		c, swap = c.Args[0], 1-swap
	}
	if c == nil || c.Op != ssa.OpEq && c.Op != ssa.OpNe {
		return nil, 0, false
	}
	x, y := c.Args[0], c.Args[1]
	if x.Op == ssa.OpConst {
		x, y = y, x
	}
	if y.Op != ssa.OpConst || y.AuxInt != 0 || rc.group[x.ID] < 0 || !rc.direct[x.ID] {
		return nil, 0, false
	}
	nullEdge = 1 // Ne: the false side
	if c.Op == ssa.OpEq {
		nullEdge = 0
	}
	return x, nullEdge ^ swap, true
}

func (rc *recordCheck) leak(i int, at diag.Pos) {
	if rc.reported[[2]int{0, i}] {
		return
	}
	rc.reported[[2]int{0, i}] = true
	r := rc.reserves[i]
	rc.diags.Errorf(diag.At(at), "record reserved at line %d is not submitted or discarded on every path", r.Pos.Line).
		Hint("call submit() or discard() on the record before this point, inside `if r:`").
		Note(diag.At(r.Pos), "the record is reserved here")
}

func (rc *recordCheck) useAfterRelease(v *ssa.Value, i int) {
	if rc.reported[[2]int{1, v.Pos.Line}] {
		return
	}
	rc.reported[[2]int{1, v.Pos.Line}] = true
	r := rc.reserves[i]
	rc.diags.Errorf(diag.At(v.Pos), "record reserved at line %d is used after submit() or discard()", r.Pos.Line).
		Hint("the record belongs to the ring buffer once it is submitted or discarded; write every field before").
		Note(diag.At(r.Pos), "the record is reserved here")
}
