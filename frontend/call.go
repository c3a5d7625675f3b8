package frontend

import (
	"sort"
	"strings"

	"github.com/pybpfc/pybpfc/frontend/syntax"
	"github.com/pybpfc/pybpfc/internal/diag"
	"github.com/pybpfc/pybpfc/ssa"
)

// simpleHelper is a helper without arguments (LANGUAGE.md 6.2, 6.5).
type simpleHelper struct {
	id     int64
	kname  string
	result *ssa.Type
	// part selects bits of the 64-bit result: "" all, "lo" the low 32
	// bits, "hi" the high 32 bits (both as u64).
	part string
}

var simpleHelpers = map[string]simpleHelper{
	"ktime":                 {5, "ktime_get_ns", ssa.U64, ""},
	"pid":                   {14, "get_current_pid_tgid", ssa.U64, "lo"},
	"pid_tgid":              {14, "get_current_pid_tgid", ssa.U64, ""},
	"tgid":                  {14, "get_current_pid_tgid", ssa.U64, "hi"},
	"uid":                   {15, "get_current_uid_gid", ssa.U64, "lo"},
	"uid_gid":               {15, "get_current_uid_gid", ssa.U64, ""},
	"gid":                   {15, "get_current_uid_gid", ssa.U64, "hi"},
	"random":                {7, "get_prandom_u32", ssa.U32, ""},
	"smp_processor_id":      {8, "get_smp_processor_id", ssa.U32, ""},
	"get_current_cgroup_id": {80, "get_current_cgroup_id", ssa.U64, ""},
	"ktime_get_boot_ns":     {125, "ktime_get_boot_ns", ssa.U64, ""},
	"ktime_get_coarse_ns":   {160, "ktime_get_coarse_ns", ssa.U64, ""},
	"jiffies":               {118, "jiffies64", ssa.U64, ""},
}

// knownButNotYet are helpers of LANGUAGE.md 6 that are not lowered yet;
// they get a "not supported yet" diagnostic rather than "unknown function".
var knownButNotYet = map[string]bool{
	"comm": true, "probe_read": true, "probe_read_str": true, "probe_read_kernel": true,
	"get_stack": true, "skb_store_bytes": true, "deref": true, "get_current_task": true,
	"probe_read_user": true, "probe_read_user_str": true, "probe_read_kernel_str": true,
	"xdp_adjust_head": true, "xdp_adjust_tail": true, "xdp_adjust_meta": true,
	"loop": true, "htons": true, "ntohs": true,
	"htonl": true, "ntohl": true, "bswap16": true, "bswap32": true, "bswap64": true,
}

// call lowers a call expression. stmt is set for an expression statement,
// the only place a call without a value may appear.
func (f *fn) call(e *syntax.Call, stmt bool) operand {
	if at, ok := e.Func.(*syntax.Attribute); ok {
		if n, ok := at.X.(*syntax.Name); ok && f.c.failed[n.Id] && !f.assigned[n.Id] {
			return bad(e.Sp)
		}
		if recv := f.mapReceiver(at.X); recv != nil {
			return f.mapMethod(recv, at, e, stmt)
		}
		if _, ok := f.c.plainName(at); !ok {
			f.errorf(e.Func.Span(), "unknown function '%s' in BPF code", exprText(e.Func)).
				Hint("BPF code can call helpers, map methods, ctypes conversions, struct constructors and @bpf functions")
			return bad(e.Sp)
		}
	}
	name, ok := f.c.plainName(e.Func)
	if ok && f.c.failed[name] {
		return bad(e.Sp)
	}
	if !ok {
		f.errorf(e.Func.Span(), "unsupported call").Hint("BPF code can call helpers, map methods, ctypes conversions, struct constructors and @bpf functions")
		return bad(e.Sp)
	}
	if f.constOnly {
		if t := ctypesTypes[name]; t != nil {
			return f.conversion(t, name, e)
		}
		f.errorf(e.Sp, "'%s(...)' is not a constant", name)
		return bad(e.Sp)
	}
	if t := ctypesTypes[name]; t != nil {
		return f.conversion(t, name, e)
	}
	if r, isRejected := rejectedCtypes[name]; isRejected {
		d := f.errorf(e.Func.Span(), "%s", r[0])
		if r[1] != "" {
			d.Hint("%s", r[1])
		}
		return bad(e.Sp)
	}
	if h, ok := simpleHelpers[name]; ok && !f.c.defs[name].IsValid() {
		return f.simpleHelper(name, h, e)
	}
	switch {
	case name == "print":
		return f.print(e, stmt)
	case name == "range":
		f.errorf(e.Sp, "range() can only be used in `for NAME in range(...)`")
		return bad(e.Sp)
	case f.c.maps[name] != nil:
		f.errorf(e.Sp, "a map is used as the receiver of a method").Hint("write %s.lookup(k)", name)
		return bad(e.Sp)
	case f.c.structs[name] != nil:
		return f.structCall(f.c.structs[name].t, e)
	case f.c.isProgram(name):
		f.errorf(e.Func.Span(), "programs cannot be called; move shared code into a @bpf function without @section")
		return bad(e.Sp)
	case f.c.isFunction(name):
		return f.callSub(name, e, stmt) // subprog_call.go
	case name == "loop" && !f.c.defs[name].IsValid():
		return f.loopCall(e) // subprog_loop.go
	case name == "get_current_task" && !f.c.defs[name].IsValid():
		return f.currentTask(e)
	case f.isExtHelper(name):
		return f.extHelper(name, e)
	case isExplicitAtomic(name):
		return f.explicitAtomic(name, e)
	case f.isByteSwap(name):
		return f.byteSwap(name, e)
	case knownButNotYet[name]:
		return f.bufferHelper(name, e, stmt)
	}
	if _, ok := f.c.vmlinux[name]; ok {
		return f.kernelCast(name, e)
	}
	f.errorf(e.Func.Span(), "unknown function '%s' in BPF code", exprText(e.Func)).
		Hint("BPF code can call helpers, map methods, ctypes conversions, struct constructors and @bpf functions")
	return bad(e.Sp)
}

func (c *compiler) isProgram(name string) bool {
	for _, d := range c.progs {
		if d.def.Name == name {
			return true
		}
	}
	return false
}

// conversion lowers c_T(x) (LANGUAGE.md 3.5.3).
func (f *fn) conversion(t *ssa.Type, name string, e *syntax.Call) operand {
	if len(e.Keywords) > 0 {
		f.errorf(e.Keywords[0].Sp, "%s() takes no keyword arguments", name)
		return bad(e.Sp)
	}
	if len(e.Args) == 0 {
		o := constOp(0, t, e.Sp)
		o.explicit = true
		return o
	}
	if len(e.Args) > 1 {
		f.errorf(e.Args[1].Span(), "%s() takes one argument", name)
		return bad(e.Sp)
	}
	x := f.expr(e.Args[0])
	switch x.k {
	case kStr:
		f.errorf(x.sp, "%s() of a string is not an integer", name)
		return bad(e.Sp)
	case kVoid, kMap:
		f.arith(x)
		return bad(e.Sp)
	case kBad:
		return bad(e.Sp)
	}
	if x.k == kRef && !x.t.IsScalar() {
		f.errorf(x.sp, "a struct cannot be converted to %s", name)
		return bad(e.Sp)
	}
	if isPacketPtr(x) && t.Bits == 64 && t.IsInt() {
		return x // c_uint64(p) keeps a packet pointer (LANGUAGE.md 3.5.3)
	}
	r := f.convert(x, t, false)
	r.explicit = true
	r.sp = e.Sp
	return r
}

func (f *fn) checkArgCount(name string, e *syntax.Call, min, max int, what string) bool {
	if len(e.Keywords) > 0 {
		f.errorf(e.Keywords[0].Sp, "%s() takes no keyword arguments", name)
		return false
	}
	n := len(e.Args)
	if n < min || n > max {
		switch {
		case max == 0:
			f.errorf(e.Sp, "%s() takes no arguments (%d given)", name, n)
		default:
			f.errorf(e.Sp, "%s() needs %s; %d arguments given", name, what, n)
		}
		return false
	}
	return true
}

func (f *fn) simpleHelper(name string, h simpleHelper, e *syntax.Call) operand {
	if !f.checkArgCount(name, e, 0, 0, "") {
		return bad(e.Sp)
	}
	// Legality (program type, license) is in helperRules (helpertable.go).
	if _, ok := f.checkHelper(name, name+"()", e.Sp); !ok {
		return bad(e.Sp)
	}
	p := pos(e.Sp)
	v := f.helperCall(h.id, h.kname, ssa.U64, p)
	switch h.part {
	case "lo":
		v = f.b.Value(ssa.OpAnd, ssa.U64, p, v, f.b.Const(ssa.U64, 0xFFFFFFFF, p))
	case "hi":
		v = f.b.Value(ssa.OpShr, ssa.U64, p, v, f.b.Const(ssa.U64, 32, p))
	}
	if h.result.Bits < 64 {
		v = f.b.Value(ssa.OpTrunc, h.result, p, v)
	}
	return operand{k: kVal, t: h.result, v: v, sp: e.Sp}
}

func (f *fn) helperCall(id int64, name string, result *ssa.Type, p diag.Pos, args ...*ssa.Value) *ssa.Value {
	v := f.b.Value(ssa.OpCall, result, p, args...)
	v.AuxInt = id
	v.Aux = name
	return v
}

// mapReceiver recognizes `m` and `m()` as a map receiver (LANGUAGE.md 5.1.4).
func (f *fn) mapReceiver(e syntax.Expr) *mapDecl {
	switch e := e.(type) {
	case *syntax.Name:
		if f.assigned[e.Id] {
			return nil
		}
		return f.c.maps[e.Id]
	case *syntax.Call:
		if n, ok := e.Func.(*syntax.Name); ok && len(e.Args) == 0 && len(e.Keywords) == 0 && !f.assigned[n.Id] {
			return f.c.maps[n.Id]
		}
	}
	return nil
}

var mapKindNames = map[ssa.MapKind]string{
	ssa.MapHash: "HashMap", ssa.MapArray: "ArrayMap", ssa.MapPerfEventArray: "PerfEventArray",
	ssa.MapRingbuf: "RingBuffer", ssa.MapPerCPUHash: "PerCPUHash", ssa.MapPerCPUArray: "PerCPUArray",
	ssa.MapLRUHash: "LRUHash", ssa.MapLRUPerCPUHash: "LRUPerCPUHash", ssa.MapLPMTrie: "LPMTrie",
	ssa.MapStackTrace: "StackTrace", ssa.MapQueue: "Queue", ssa.MapStack: "Stack", ssa.MapProgArray: "ProgArray",
}

// mapMethods lists which methods each map kind has.
var mapMethods = map[string][]ssa.MapKind{
	"lookup":  {ssa.MapHash, ssa.MapArray, ssa.MapPerCPUHash, ssa.MapPerCPUArray, ssa.MapLRUHash, ssa.MapLRUPerCPUHash, ssa.MapLPMTrie},
	"update":  {ssa.MapHash, ssa.MapArray, ssa.MapPerCPUHash, ssa.MapPerCPUArray, ssa.MapLRUHash, ssa.MapLRUPerCPUHash, ssa.MapLPMTrie},
	"delete":  {ssa.MapHash, ssa.MapPerCPUHash, ssa.MapLRUHash, ssa.MapLRUPerCPUHash, ssa.MapLPMTrie},
	"output":  {ssa.MapPerfEventArray, ssa.MapRingbuf},
	"reserve": {ssa.MapRingbuf}, "submit": {ssa.MapRingbuf}, "discard": {ssa.MapRingbuf},
	"push": {ssa.MapQueue, ssa.MapStack}, "pop": {ssa.MapQueue, ssa.MapStack}, "peek": {ssa.MapQueue, ssa.MapStack},
	"get_stackid": {ssa.MapStackTrace}, "tail_call": {ssa.MapProgArray},
}

func (f *fn) mapMethod(m *mapDecl, at *syntax.Attribute, e *syntax.Call, stmt bool) operand {
	kinds, known := mapMethods[at.Name]
	if !known {
		names := make([]string, 0, len(mapMethods))
		for n := range mapMethods {
			names = append(names, n)
		}
		sort.Strings(names)
		f.errorf(at.NameSpan, "maps have no method '%s'; methods are %s", at.Name, strings.Join(names, ", "))
		return bad(e.Sp)
	}
	ok := false
	for _, k := range kinds {
		ok = ok || k == m.m.Kind
	}
	if !ok {
		f.errorf(at.NameSpan, "%s() is not available on %s '%s'", at.Name, mapKindNames[m.m.Kind], m.m.Name)
		return bad(e.Sp)
	}
	if e = f.methodKeywords(at.Name, e); e == nil {
		return bad(at.Sp)
	}
	p := pos(e.Sp)
	switch at.Name {
	case "lookup":
		if !f.checkArgCount("lookup", e, 1, 1, "a key") {
			return bad(e.Sp)
		}
		r := f.keyedCall(m, e, 1, "map_lookup_elem", ssa.PtrTo(ssa.PtrMapValue))
		if r == nil {
			return bad(e.Sp)
		}
		return operand{k: kRef, t: m.m.Value, v: r, sp: e.Sp, percpu: isPerCPU(m.m.Kind)}
	case "update":
		if !f.checkArgCount("update", e, 2, 3, "a key, a value and optionally flags") {
			return bad(e.Sp)
		}
		key := f.expr(e.Args[0])
		val := f.expr(e.Args[1])
		flags := constOp(0, ssa.U64, e.Sp)
		if len(e.Args) == 3 {
			flags = f.expr(e.Args[2])
			if !f.arith(flags) {
				return bad(e.Sp)
			}
		}
		mark := f.tempMark()
		kp := f.spill(key, m.m.Key)
		vp := f.spill(val, m.m.Value)
		if kp == nil || vp == nil {
			return bad(e.Sp)
		}
		fl := f.value(f.convert(flags, ssa.U64, false))
		r := f.helperCall(2, "map_update_elem", ssa.S64, p, f.mapAddr(m, p), kp, vp, fl)
		f.releaseTemps(mark)
		return operand{k: kVal, t: ssa.S64, v: r, sp: e.Sp}
	case "delete":
		if !f.checkArgCount("delete", e, 1, 1, "a key") {
			return bad(e.Sp)
		}
		r := f.keyedCall(m, e, 3, "map_delete_elem", ssa.S64)
		if r == nil {
			return bad(e.Sp)
		}
		return operand{k: kVal, t: ssa.S64, v: r, sp: e.Sp}
	}
	if o, ok := f.extMethod(m, at.Name, e); ok {
		return o
	}
	return f.streamMethod(m, at, e, stmt)
}

func (f *fn) mapAddr(m *mapDecl, p diag.Pos) *ssa.Value {
	v := f.b.Value(ssa.OpGlobal, ssa.PtrTo(ssa.PtrMap), p)
	v.Aux = m.m.Name
	return v
}

// spill converts a key or value operand to the map's type and stores it in
// a scratch stack slot whose address the helper takes (LANGUAGE.md 5.6).
func (f *fn) spill(o operand, t *ssa.Type) *ssa.Value {
	if t.Kind == ssa.KStruct {
		if o.k == kBad {
			return nil
		}
		if o.k != kRef || !sameCType(o.t, t) {
			f.errorf(o.sp, "this map needs a %s here", t.Name)
			return nil
		}
		if !o.v.Type.Ptr.Nullable() {
			return o.v // the struct's own memory (LANGUAGE.md 5.6.1)
		}
		slot := f.tempSlot(t.Size(), o.sp)
		f.copyStruct(slot, o, t, pos(o.sp))
		return slot
	}
	if !f.arith(o) {
		return nil
	}
	v := f.value(f.convert(o, t, true))
	slot := f.tempSlot(t.Size(), o.sp)
	if t.IsBool() {
		v = f.b.Value(ssa.OpZExt, ssa.U8, pos(o.sp), v)
	}
	f.b.Value(ssa.OpStore, ssa.Void, pos(o.sp), slot, v)
	return slot
}

func isPerCPU(k ssa.MapKind) bool {
	return k == ssa.MapPerCPUHash || k == ssa.MapPerCPUArray || k == ssa.MapLRUPerCPUHash
}

// keyedCall calls a map helper whose only argument after the map is the
// key, e.Args[0], spilled to a scratch slot; nil after an error.
func (f *fn) keyedCall(m *mapDecl, e *syntax.Call, id int64, name string, result *ssa.Type) *ssa.Value {
	p := pos(e.Sp)
	key := f.expr(e.Args[0])
	mark := f.tempMark()
	defer f.releaseTemps(mark)
	kp := f.spill(key, m.m.Key)
	if kp == nil {
		return nil
	}
	return f.helperCall(id, name, result, p, f.mapAddr(m, p), kp)
}
