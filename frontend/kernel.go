package frontend

import (
	"errors"
	"sort"

	"github.com/pybpfc/pybpfc/frontend/syntax"
	"github.com/pybpfc/pybpfc/internal/diag"
	"github.com/pybpfc/pybpfc/internal/kbtf"
	"github.com/pybpfc/pybpfc/ssa"
)

// Kernel types (LANGUAGE.md 8): names imported from vmlinux, context
// fields (kernel_ctx.go), kernel pointers (kernel_ptr.go) and packet
// pointers (packet.go). The rest of the frontend calls the hooks here.

// kernelState is the per-compilation view of kernel BTF.
type kernelState struct {
	btf      *kbtf.BTF
	entities map[string]kbtf.Entity // imported Python name -> meaning
	// ktypes converts kbtf types to the ssa.KTypes the backend describes;
	// a composite gets its members once an access goes through it.
	ktypes map[*kbtf.Type]*ssa.KType
	// ptrTypes are the pointer types of kernel pointers and of context
	// sub-structs, one per pointee, so the pointee travels with the value.
	ptrTypes map[ptrKey]*ssa.Type
	pointee  map[*ssa.Type]*kbtf.Type
	// places remembers where an embedded struct member value points
	// (ctx.regs, task.se): the next member access extends its CO-RE path
	// instead of adding an offset to a context pointer, which the
	// verifier refuses.
	places map[*ssa.Value]place
	// headers are kernel structs converted for packet header access.
	headers   map[*kbtf.Type]*ssa.Type
	bitfields map[*ssa.Type]map[string]bool
	// pktAlt holds the locals whose kind changed between packet pointer
	// and integer (packet_locals.go).
	pktAlt map[*local]*altBinding
}

type ptrKey struct {
	kind ssa.PtrKind
	t    *kbtf.Type
}

// place is an embedded composite reached from a context or kernel pointer.
type place struct {
	base    *ssa.Value // the context or the kernel pointer
	root    *kbtf.Type // the composite the base points to
	indices []int      // CO-RE access indices from the root, starting with 0
	off     int        // byte offset from base
	t       *kbtf.Type // the composite at that place
}

// resolveKernelImports loads kernel BTF (only when the file imports from
// vmlinux) and resolves every imported name (LANGUAGE.md 8.1).
func (c *compiler) resolveKernelImports() {
	if len(c.vmlinux) == 0 {
		return
	}
	if !c.ensureKernel() {
		for name := range c.vmlinux {
			c.failed[name] = true
		}
		return
	}
	for _, name := range sortedNames(c.vmlinux) {
		e := c.kern.btf.Lookup(c.vmlinuxOrig(name))
		if e.Kind == kbtf.NotFound {
			c.errorf(c.vmlinux[name], "vmlinux has no type or constant named '%s'", c.vmlinuxOrig(name))
			c.failed[name] = true
			continue
		}
		c.kern.entities[name] = e
	}
}

// ensureKernel loads kernel BTF on first need; it reports a missing file
// once (a diagnostic without position, LANGUAGE.md 10.3).
func (c *compiler) ensureKernel() bool {
	if c.kern != nil {
		return c.kern.btf != nil
	}
	c.kern = &kernelState{entities: map[string]kbtf.Entity{}, ktypes: map[*kbtf.Type]*ssa.KType{},
		ptrTypes: map[ptrKey]*ssa.Type{}, pointee: map[*ssa.Type]*kbtf.Type{}, places: map[*ssa.Value]place{},
		headers: map[*kbtf.Type]*ssa.Type{}, bitfields: map[*ssa.Type]map[string]bool{}}
	b, err := kbtf.Load(c.opts.BTFPath)
	if err != nil {
		path := c.opts.BTFPath
		if path == "" {
			path = kbtf.KernelPath
		}
		msg := "kernel BTF not found: " + path + "; give a BTF file on the command line"
		if !errors.Is(err, kbtf.ErrNotFound) {
			msg = err.Error()
		}
		c.diags.Add(&diag.Diagnostic{Severity: diag.Error, Msg: msg})
		return false
	}
	c.kern.btf = b
	return true
}

// vmlinuxOrig is the vmlinux name an import binds. `as` renames are not
// recorded by collectImports, so the bound name is the BTF name.
func (c *compiler) vmlinuxOrig(name string) string { return name }

func sortedNames(m map[string]diag.Span) []string {
	names := make([]string, 0, len(m))
	for n := range m {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// kernelEntity is what an imported name means; ok is false for names not
// imported (or whose import failed).
func (c *compiler) kernelEntity(name string) (kbtf.Entity, bool) {
	if c.kern == nil || c.kern.btf == nil {
		return kbtf.Entity{}, false
	}
	e, ok := c.kern.entities[name]
	return e, ok
}

// kernelComposite is the struct or union a context annotation names.
func (c *compiler) kernelComposite(name string) *kbtf.Type {
	e, ok := c.kernelEntity(name)
	if !ok || e.Kind != kbtf.StructName && e.Kind != kbtf.UnionName {
		return nil
	}
	return e.Type
}

// kernelIntType is the ssa integer type of a kernel integer (enums and
// bools included), with its BTF width and sign (LANGUAGE.md 3.6.3).
func kernelIntType(t *kbtf.Type) *ssa.Type {
	if t.Bool {
		return ssa.Bool
	}
	switch t.Size {
	case 1, 2, 4, 8:
		return ssa.IntType(t.Size*8, t.Signed)
	}
	return nil
}

// vmlinuxName resolves a name imported from vmlinux used as a value: an
// enumerator is a constant ranked like a literal of its value (8.2.1).
func (f *fn) vmlinuxName(e *syntax.Name) operand {
	ent, ok := f.c.kernelEntity(e.Id)
	if !ok {
		return bad(e.Sp)
	}
	if ent.Kind != kbtf.Enumerator {
		f.errorf(e.Sp, "'%s' is a kernel type, not a value", e.Id).Hint("use it as a context annotation or a cast, as in %s(p)", e.Id)
		return bad(e.Sp)
	}
	if ent.Signed && int64(ent.Value) < 0 {
		v := int64(ent.Value)
		t := ssa.S64
		if v >= -1<<31 {
			t = ssa.S32
		}
		return constOp(uint64(v), t, e.Sp)
	}
	return constOp(ent.Value, literalType(ent.Value, false), e.Sp)
}

// kernelCast lowers a call of an imported kernel name: an integer typedef
// converts (3.1.2); struct_K(x) makes a kernel pointer, or a packet header
// when x is a packet pointer (LANGUAGE.md 8.4, 8.6.6).
func (f *fn) kernelCast(name string, e *syntax.Call) operand {
	ent, ok := f.c.kernelEntity(name)
	if !ok {
		return bad(e.Sp)
	}
	switch ent.Kind {
	case kbtf.IntTypedef:
		t := kernelIntType(ent.Type)
		if t == nil {
			f.errorf(e.Func.Span(), "'%s' is not an integer type BPF code can use", name)
			return bad(e.Sp)
		}
		return f.conversion(t, name, e)
	case kbtf.Enumerator:
		f.errorf(e.Func.Span(), "'%s' is a constant and cannot be called", name)
		return bad(e.Sp)
	}
	if len(e.Keywords) > 0 || len(e.Args) != 1 {
		f.errorf(e.Sp, "%s() takes one argument: the address of the %s", name, ent.Type.CName())
		return bad(e.Sp)
	}
	p := f.expr(e.Args[0])
	switch {
	case p.k == kBad:
		return bad(e.Sp)
	case p.k == kVal && p.v.Type.IsPtr() && p.v.Type.Ptr == ssa.PtrPacket:
		t := f.c.headerType(ent.Type, e.Sp)
		if t == nil {
			return bad(e.Sp)
		}
		return f.packetHeader(t, p, e)
	case p.k == kRef && p.v.Type.IsPtr() && p.v.Type.Ptr.Nullable():
		return f.notYet(e.Sp, "casting a map value or record to a kernel struct")
	}
	if !f.arith(p) {
		return bad(e.Sp)
	}
	return f.kernelPointerTo(ent.Type, p, e.Sp)
}

// kernelPointer lowers S(x) for a @struct S and an integer address x.
func (f *fn) kernelPointer(t *ssa.Type, p operand, e *syntax.Call) operand {
	return f.notYet(e.Sp, "casting an integer address to a @struct (use a kernel struct from vmlinux)")
}

// kernelField is the hook for attribute(): a field of a kernel pointer.
func (f *fn) isKernelPtr(o operand) bool {
	return o.k == kVal && o.v.Type.IsPtr() && o.v.Type.Ptr == ssa.PtrKernel
}

// kernelFieldMissing reports a header field that exists in BTF but cannot
// be used (a bitfield, LANGUAGE.md 8.3.3); false when it is not one.
func (f *fn) kernelFieldMissing(t *ssa.Type, name string, sp diag.Span) bool {
	if f.c.kern == nil || f.c.kern.btf == nil || !f.c.kern.bitfields[t][name] {
		return false
	}
	f.errorf(sp, "bitfield member '%s' is not supported", name)
	return true
}
