package frontend

import (
	"github.com/pybpfc/pybpfc/frontend/syntax"
	"github.com/pybpfc/pybpfc/internal/diag"
	"github.com/pybpfc/pybpfc/ssa"
)

// Char pointers (LANGUAGE.md 3.7, 4.4.2). `s = x.name` on a str(N) field
// does not copy the array (there are no array locals): s holds the
// field's address, with the pointer kind of the memory it is in, and its
// type stays the array type so that comm(s), print(f"{s}") and
// y.other = s know N. Reading s gives the same kArr operand the field
// itself gives.

// isCharArray reports a str(N) type (as opposed to a c_uint8 * N array).
func isCharArray(t *ssa.Type) bool {
	return t != nil && t.Kind == ssa.KArray && t.Elem.Bits == 8 && t.Elem.CName == "char"
}

// bindCharPointer assigns a char array operand to the local n; it reports
// false when o is some other array, which cannot be bound (7.5.5).
func (f *fn) bindCharPointer(n *syntax.Name, o operand, declared *ssa.Type) bool {
	if !isCharArray(o.t) {
		return false
	}
	l := f.locals[n.Id]
	if declared != nil {
		f.errorf(o.sp, "a str(%d) field cannot be stored in a %s local", o.t.Len, ctypeName(declared)).Hint("write %s = ... without an annotation to make a char pointer", n.Id)
		return true
	}
	if l == nil {
		l = &local{name: n.Id, first: n.Sp, t: o.t, ref: true, pk: o.v.Type.Ptr}
		f.locals[n.Id] = l
		f.b.DeclareVariable(l, varType(l))
	}
	if l.bad {
		return true
	}
	if !l.ref || !isCharArray(l.t) || l.t.Len != o.t.Len || l.pk != o.v.Type.Ptr {
		f.errorf(o.sp, "type of '%s' is already %s (line %d); this is a str(%d) field", n.Id, localTypeName(l), l.first.Start.Line, o.t.Len)
		return true
	}
	f.b.WriteVariable(l, o.v)
	return true
}

func localTypeName(l *local) string {
	if isCharArray(l.t) {
		return "a char pointer"
	}
	return ctypeName(l.t)
}

// copyString stores a char array into a str(N) field (4.4.2): the copy
// stops at the source's NUL and is bounded by N, always NUL-terminated,
// which is what bpf_probe_read_kernel_str does (a NULL source gives an
// empty string).
func (f *fn) copyString(base operand, fd *ssa.Field, o operand, p diag.Pos) {
	if _, ok := f.checkHelper("string copy", "copying a string", o.sp); !ok {
		return
	}
	src := f.b.Value(ssa.OpPtrToInt, ssa.U64, p, o.v)
	f.whenNotNull(base.v, p, func() {
		dst := f.fieldPtr(base.v, fd.Offset, p)
		f.helperCall(115, "probe_read_kernel_str", ssa.S64, p, dst, f.b.Const(ssa.U32, int64(fd.Type.Len), p), src)
	})
}
