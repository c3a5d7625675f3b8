package frontend

import (
	"github.com/pybpfc/pybpfc/frontend/syntax"
	"github.com/pybpfc/pybpfc/internal/diag"
	"github.com/pybpfc/pybpfc/ssa"
)

// Kernel types (LANGUAGE.md 8): context fields, kernel pointers, packet
// pointers and names imported from vmlinux. The rest of the frontend calls
// these hooks; this file and the files it grows into own their semantics.

// contextField lowers ctx.f on a context annotated with a kernel or
// @struct type (LANGUAGE.md 8.3).
func (f *fn) contextField(e *syntax.Attribute, base operand) operand {
	return f.notYet(e.Sp, "context fields (kernel types from vmlinux)")
}

// vmlinuxName resolves a name imported from vmlinux used as a value
// (an enumerator constant, LANGUAGE.md 8.2).
func (f *fn) vmlinuxName(e *syntax.Name) operand {
	return f.notYet(e.Sp, "using kernel type or constant '"+e.Id+"' from vmlinux")
}

// kernelCast lowers struct_K(x) for a kernel struct imported from vmlinux
// (LANGUAGE.md 8.4, 8.6.6).
func (f *fn) kernelCast(name string, e *syntax.Call) operand {
	return f.notYet(e.Sp, "casting to the kernel type "+name)
}

// packetHeader lowers S(p) for a @struct S and a packet pointer p
// (LANGUAGE.md 8.6.6).
func (f *fn) packetHeader(t *ssa.Type, p operand, e *syntax.Call) operand {
	return f.notYet(e.Sp, "packet headers")
}

// kernelPointer lowers S(x) for an integer address x: a kernel pointer read
// with bpf_probe_read_kernel (LANGUAGE.md 4.3).
func (f *fn) kernelPointer(t *ssa.Type, p operand, e *syntax.Call) operand {
	return f.notYet(e.Sp, "casting an integer address to a struct (kernel pointers)")
}

// pointerArith lowers an arithmetic operator with a pointer operand
// (packet pointers, LANGUAGE.md 8.6.2–8.6.3).
func (f *fn) pointerArith(x operand, op string, y operand, opSp, sp diag.Span) operand {
	return f.notYet(sp, "pointer arithmetic")
}
