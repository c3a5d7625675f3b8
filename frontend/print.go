package frontend

import (
	"regexp"
	"strings"

	"github.com/pybpfc/pybpfc/frontend/syntax"
	"github.com/pybpfc/pybpfc/ssa"
)

// gplCompatible lists the licenses the kernel treats as GPL-compatible.
var gplCompatible = map[string]bool{
	"GPL": true, "GPL v2": true, "GPL and additional rights": true,
	"Dual BSD/GPL": true, "Dual MIT/GPL": true, "Dual MPL/GPL": true,
}

const (
	helperTracePrintk  = 6
	helperTraceVprintk = 177
	maxPrintValues     = 12
)

var specRE = regexp.MustCompile(`^(0?)([1-9][0-9]*)?([dxX]?)$`)

// print lowers print(...) to bpf_trace_printk or, for more than three
// values, bpf_trace_vprintk (LANGUAGE.md 6.3).
func (f *fn) print(e *syntax.Call, stmt bool) operand {
	if !stmt {
		f.errorf(e.Sp, "print() has no value")
		return bad(e.Sp)
	}
	if len(e.Keywords) > 0 {
		f.errorf(e.Keywords[0].Sp, "print() takes no keyword arguments in BPF code").Hint("the text is printed as one trace line; write \\n in the text for more lines")
		return bad(e.Sp)
	}
	if len(e.Args) == 0 {
		f.errorf(e.Sp, "print() needs something to print")
		return bad(e.Sp)
	}
	var format strings.Builder
	var vals []*ssa.Value
	ok := true
	for i, a := range e.Args {
		if i > 0 {
			format.WriteByte(' ')
		}
		switch a := a.(type) {
		case *syntax.Str:
			if a.IsBytes {
				f.errorf(a.Sp, "unsupported expression: bytes literal")
				ok = false
				continue
			}
			format.WriteString(escapePercent(a.Value))
		case *syntax.FString:
			for _, part := range a.Parts {
				if part.Expr == nil {
					format.WriteString(escapePercent(part.Lit))
					continue
				}
				if part.Debug {
					format.WriteString(escapePercent(part.DebugText))
				}
				conv, v, good := f.printField(part.Expr, part.Spec, part.Conv, part.Sp)
				if !good {
					ok = false
					continue
				}
				format.WriteString(conv)
				if v != nil {
					vals = append(vals, v)
				}
			}
		default:
			conv, v, good := f.printField(a, "", "", a.Span())
			if !good {
				ok = false
				continue
			}
			format.WriteString(conv)
			if v != nil {
				vals = append(vals, v)
			}
		}
	}
	if !ok {
		return operand{k: kVoid, sp: e.Sp}
	}
	if len(vals) > maxPrintValues {
		f.errorf(e.Sp, "print() can format at most %d values", maxPrintValues)
		return operand{k: kVoid, sp: e.Sp}
	}
	helper := "bpf_trace_printk"
	if len(vals) > 3 {
		helper = "bpf_trace_vprintk"
	}
	if !f.licenseAllows("print()", helper, e.Func.Span()) {
		return operand{k: kVoid, sp: e.Sp}
	}
	text := format.String()
	if !strings.HasSuffix(text, "\n") {
		text += "\n"
	}
	p := pos(e.Sp)
	fmtPtr := f.b.Value(ssa.OpString, ssa.PtrTo(ssa.PtrGlobal), p)
	fmtPtr.Aux = text
	fmtLen := f.b.Const(ssa.U32, int64(len(text)+1), p)
	if len(vals) <= 3 {
		args := append([]*ssa.Value{fmtPtr, fmtLen}, vals...)
		f.helperCall(helperTracePrintk, "trace_printk", ssa.S64, p, args...)
		return operand{k: kVoid, sp: e.Sp}
	}
	mark := f.tempMark()
	arr := f.tempSlot(8*len(vals), e.Sp)
	for i, v := range vals {
		slot := arr
		if i > 0 {
			slot = f.b.Value(ssa.OpOffPtr, arr.Type, p, arr)
			slot.AuxInt = int64(8 * i)
		}
		f.b.Value(ssa.OpStore, ssa.Void, p, slot, v)
	}
	f.helperCall(helperTraceVprintk, "trace_vprintk", ssa.S64, p, fmtPtr, fmtLen, arr, f.b.Const(ssa.U32, int64(8*len(vals)), p))
	f.releaseTemps(mark)
	return operand{k: kVoid, sp: e.Sp}
}

func escapePercent(s string) string { return strings.ReplaceAll(s, "%", "%%") }

// printField lowers one replacement field: the conversion text and the
// value as a 64-bit argument (extended by its type's sign).
func (f *fn) printField(e syntax.Expr, spec, conv string, sp interface{}) (string, *ssa.Value, bool) {
	o := f.expr(e)
	switch o.k {
	case kBad:
		return "", nil, false
	case kStr:
		return escapePercent(o.str), nil, true
	case kVoid:
		f.errorf(o.sp, "this call has no value to print")
		return "", nil, false
	case kMap:
		f.errorf(o.sp, "a map cannot be printed").Hint("print a value from it, such as {m.lookup(k)}")
		return "", nil, false
	case kRef:
		if !o.t.IsScalar() {
			f.errorf(o.sp, "a struct cannot be printed").Hint("print its fields")
			return "", nil, false
		}
	case kArr:
		if o.t.Elem.Bits != 8 {
			f.errorf(o.sp, "an array cannot be printed").Hint("print its elements")
			return "", nil, false
		}
		return "%s", f.stringArg(o), true
	}
	t := o.valueType()
	if o.k == kVal && o.t.IsPtr() {
		t = ssa.U64
	}
	if conv != "" {
		f.c.warnf(e.Span(), "conversion '!%s' ignored", conv)
	}
	pt := promote(t)
	var c string
	switch {
	case pt.Bits == 32 && pt.Signed:
		c = "d"
	case pt.Bits == 32:
		c = "u"
	case pt.Signed:
		c = "lld"
	default:
		c = "llu"
	}
	flags := ""
	if spec != "" {
		m := specRE.FindStringSubmatch(spec)
		if m == nil {
			f.c.warnf(e.Span(), "format spec ':%s' ignored", spec)
		} else {
			flags = m[1] + m[2]
			if m[3] == "x" || m[3] == "X" {
				if pt.Bits == 64 {
					c = "ll" + m[3]
				} else {
					c = m[3]
				}
			}
		}
	}
	v := f.value(o)
	v = f.convValue(v, t, ssa.IntType(64, pt.Signed), pos(o.sp))
	return "%" + flags + c, v, true
}

// stringArg passes a char array to %s as a u64 address; through a NULL
// reference it passes an empty string instead.
func (f *fn) stringArg(o operand) *ssa.Value {
	p := pos(o.sp)
	addr := func() *ssa.Value { return f.b.Value(ssa.OpPtrToInt, ssa.U64, p, o.v) }
	if !o.v.Type.Ptr.Nullable() {
		return addr()
	}
	key := new(int)
	f.b.DeclareVariable(key, ssa.U64)
	empty := f.b.Value(ssa.OpString, ssa.PtrTo(ssa.PtrGlobal), p)
	f.b.WriteVariable(key, f.b.Value(ssa.OpPtrToInt, ssa.U64, p, empty))
	f.whenNotNull(o.v, p, func() { f.b.WriteVariable(key, addr()) })
	return f.b.ReadVariable(key, p)
}
