package frontend

import (
	"github.com/pybpfc/pybpfc/frontend/syntax"
	"github.com/pybpfc/pybpfc/ssa"
)

// Ring buffer and perf event array methods (LANGUAGE.md 5.4). A reserved
// record is a nullable pointer of kind ringbuf to the reserved bytes
// (an array of u8 of the reserved size, or the struct of a typed
// reservation); casting it with S(r) keeps the pointer and its kind, so
// writes go straight into the ring. The rule that every record is
// submitted or discarded is checked on the SSA by passes/records.go.

const (
	helperPerfEventOutput = 25
	helperRingbufOutput   = 130
	helperRingbufReserve  = 131
	helperRingbufSubmit   = 132
	helperRingbufDiscard  = 133
	bpfFCurrentCPU        = 0xFFFFFFFF
)

// streamMethod lowers output/reserve/submit/discard on PerfEventArray and
// RingBuffer maps (LANGUAGE.md 5.4).
func (f *fn) streamMethod(m *mapDecl, at *syntax.Attribute, e *syntax.Call, stmt bool) operand {
	switch at.Name {
	case "output":
		return f.outputMethod(m, e)
	case "reserve":
		return f.reserveMethod(m, e)
	case "submit", "discard":
		return f.releaseMethod(m, at.Name, e, stmt)
	}
	return f.notYet(e.Sp, "the map method "+at.Name+"()")
}

// outputMethod copies data's bytes into the map: perf_event_output on this
// CPU's buffer, or ringbuf_output.
func (f *fn) outputMethod(m *mapDecl, e *syntax.Call) operand {
	perf := m.m.Kind == ssa.MapPerfEventArray
	maxArgs, what := 2, "the data and optionally flags"
	if perf {
		maxArgs, what = 1, "the data to send"
	}
	if !f.checkArgCount("output", e, 1, maxArgs, what) {
		return bad(e.Sp)
	}
	var ctx *ssa.Value
	ok := true
	if perf {
		ctx, ok = f.checkHelper("PerfEventArray.output", "output()", e.Sp)
	}
	data, good := f.memArg(e.Args[0], "output()", "sends")
	flags := f.flagsArg(e.Args, 1)
	if !ok || !good || flags == nil {
		return bad(e.Sp)
	}
	f.noteRecord(m, data.t)
	p := pos(e.Sp)
	size := f.b.Const(ssa.U64, int64(data.size), p)
	return f.withBuffer(data, e.Sp, func(d *ssa.Value) *ssa.Value {
		if perf {
			cpu := f.b.Const(ssa.U64, bpfFCurrentCPU, p)
			return f.helperCall(helperPerfEventOutput, "perf_event_output", ssa.S64, p, ctx, f.mapAddr(m, p), cpu, d, size)
		}
		return f.helperCall(helperRingbufOutput, "ringbuf_output", ssa.S64, p, f.mapAddr(m, p), d, size, flags)
	})
}

// noteRecord remembers the struct a map carries, so userspace can decode
// its records (ssa.Map.Record). The first struct written wins.
func (f *fn) noteRecord(m *mapDecl, t *ssa.Type) {
	if m.m.Record == nil && t.Kind == ssa.KStruct {
		m.m.Record = t
	}
}

// reserveMethod lowers m.reserve(size) and the typed m.reserve(S).
func (f *fn) reserveMethod(m *mapDecl, e *syntax.Call) operand {
	if !f.checkArgCount("reserve", e, 1, 1, "a size") {
		return bad(e.Sp)
	}
	var t *ssa.Type
	if n, ok := e.Args[0].(*syntax.Name); ok && f.c.structs[n.Id] != nil && !f.assigned[n.Id] {
		t = f.c.structs[n.Id].t
		f.noteRecord(m, t)
	} else {
		size := f.expr(e.Args[0])
		switch {
		case size.k == kBad:
			return bad(e.Sp)
		case size.k != kConst || !size.t.IsInt():
			f.errorf(size.sp, "reserve() needs a size known at compile time").Hint("write a constant such as reserve(24), or reserve(S) for a struct S")
			return bad(e.Sp)
		case size.c == 0 || size.c > uint64(m.m.MaxEntries) || size.t.Signed && int64(size.c) < 0:
			f.errorf(size.sp, "reserve() size must be between 1 and the ring buffer's %d bytes", m.m.MaxEntries)
			return bad(e.Sp)
		}
		t = ssa.ArrayOf(ssa.U8, int(size.c))
	}
	p := pos(e.Sp)
	r := f.helperCall(helperRingbufReserve, "ringbuf_reserve", ssa.PtrTo(ssa.PtrRingbuf), p,
		f.mapAddr(m, p), f.b.Const(ssa.U64, int64(t.Size()), p), f.b.Const(ssa.U64, 0, p))
	return operand{k: kRef, t: t, v: r, sp: e.Sp}
}

// releaseMethod lowers submit(rec[, flags]) and discard(rec[, flags]);
// a NULL record is left alone, as the kernel requires a record there.
func (f *fn) releaseMethod(m *mapDecl, name string, e *syntax.Call, stmt bool) operand {
	if !f.checkArgCount(name, e, 1, 2, "a record and optionally flags") {
		return bad(e.Sp)
	}
	if f.noValue(name+"()", e, stmt) {
		return bad(e.Sp)
	}
	rec := f.expr(e.Args[0])
	flags := f.flagsArg(e.Args, 1)
	if rec.k == kBad || flags == nil {
		return bad(e.Sp)
	}
	if rec.k != kRef || rec.v.Type.Ptr != ssa.PtrRingbuf {
		f.errorf(rec.sp, "%s() takes a record from %s.reserve()", name, m.m.Name)
		return bad(e.Sp)
	}
	id, kname := int64(helperRingbufSubmit), "ringbuf_submit"
	if name == "discard" {
		id, kname = helperRingbufDiscard, "ringbuf_discard"
	}
	p := pos(e.Sp)
	f.whenNotNull(rec.v, p, func() { f.helperCall(id, kname, ssa.S64, p, rec.v, flags) })
	return operand{k: kVoid, sp: e.Sp}
}

// recordCast checks a cast S(rec) of a ring buffer record (5.4.3): S
// must fit in the reserved bytes. It also makes S the map's record type.
func (f *fn) recordCast(t *ssa.Type, rec operand, e *syntax.Call) bool {
	if rec.t.Kind == ssa.KArray && t.Size() > rec.t.Size() {
		f.errorf(e.Sp, "%s is %d bytes, larger than the %d-byte record reserved for it", t.Name, t.Size(), rec.t.Size()).
			Hint("reserve(%d) or reserve(%s)", t.Size(), t.Name)
		return false
	}
	if m := f.recordMap(rec.v, map[*ssa.Value]bool{}); m != nil {
		f.noteRecord(m, t)
	}
	return true
}

// recordMap finds the map a record pointer was reserved from, through the
// phis a local read at a join makes.
func (f *fn) recordMap(v *ssa.Value, seen map[*ssa.Value]bool) *mapDecl {
	if seen[v] {
		return nil
	}
	seen[v] = true
	switch v.Op {
	case ssa.OpCall:
		if v.AuxInt == helperRingbufReserve && len(v.Args) > 0 && v.Args[0].Op == ssa.OpGlobal {
			return f.c.maps[v.Args[0].Aux]
		}
	case ssa.OpCopy, ssa.OpPhi:
		for _, a := range v.Args {
			if m := f.recordMap(a, seen); m != nil {
				return m
			}
		}
	}
	return nil
}
