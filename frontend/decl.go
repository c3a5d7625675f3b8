package frontend

import (
	"math/big"
	"sort"

	"github.com/pybpfc/pybpfc/frontend/syntax"
	"github.com/pybpfc/pybpfc/internal/diag"
	"github.com/pybpfc/pybpfc/internal/kbtf"
	"github.com/pybpfc/pybpfc/ssa"
)

// role is what the decorators of a BPF definition make it.
type role int

const (
	roleNone role = iota
	roleSection
	roleMap
	roleStruct
	roleGlobal
	roleConst
)

var roleNames = map[role]string{roleSection: "@section", roleMap: "@map", roleStruct: "@struct", roleGlobal: "@bpfglobal", roleConst: "@bpfconst"}

type decorators struct {
	bpf     bool
	roles   []role
	spans   map[role]diag.Span
	section string
	secSpan diag.Span
	secOK   bool
}

type funcDecl struct {
	def     *syntax.FunctionDef
	section string
	prog    progType
}

type mapDecl struct {
	m  *ssa.Map
	sp diag.Span
}

type globalDecl struct {
	g        *ssa.Global
	sp       diag.Span
	readOnly bool
}

type structDecl struct {
	t   *ssa.Type
	def *syntax.ClassDef
}

// helperNames are PythonBPF's helpers and builtins: a BPF definition may not
// reuse them (LANGUAGE.md 1.2.5).
var reservedNames = map[string]bool{
	"ktime": true, "pid": true, "uid": true, "comm": true, "random": true, "smp_processor_id": true,
	"get_current_cgroup_id": true, "probe_read": true, "probe_read_str": true, "probe_read_kernel": true,
	"get_stack": true, "skb_store_bytes": true, "print": true, "deref": true, "range": true,
}

// collect walks the module once: imports, decorators, and every BPF
// definition, so that lowering can resolve names in any order.
func (c *compiler) collect(m *syntax.Module) {
	for _, s := range m.Body {
		c.collectImports(s)
	}
	c.resolveKernelImports()
	var structs []*syntax.ClassDef
	for _, s := range m.Body {
		switch s := s.(type) {
		case *syntax.FunctionDef:
			c.collectFunc(s)
		case *syntax.ClassDef:
			d := c.decorators(s.Decorators)
			if !d.bpf {
				c.warnRoleWithoutBPF(d)
				c.checkNested(s.Body)
				continue
			}
			if !c.define(s.Name, s.NameSpan) {
				continue
			}
			if len(d.roles) != 1 || d.roles[0] != roleStruct {
				c.errorf(s.Sp, "@bpf on a class needs @struct").Hint("a @bpf class declares a C struct: add @struct")
				continue
			}
			structs = append(structs, s)
		case *syntax.Assign:
			for _, t := range s.Targets {
				c.noteUserTargets(t)
			}
		case *syntax.AnnAssign:
			c.noteUserTargets(s.Target)
		case *syntax.AugAssign:
			c.noteUserTargets(s.Target)
		default:
			c.checkNestedStmt(s)
		}
	}
	c.collectStructs(structs)
	c.collectRest(m)
}

func (c *compiler) noteUserTargets(t syntax.Expr) {
	switch t := t.(type) {
	case *syntax.Name:
		c.userNames[t.Id] = true
	case *syntax.Tuple:
		for _, e := range t.Elts {
			c.noteUserTargets(e)
		}
	}
}

func (c *compiler) collectImports(s syntax.Stmt) {
	switch s := s.(type) {
	case *syntax.Import:
		for _, a := range s.Names {
			switch {
			case a.Name == "vmlinux":
				c.errorf(a.Sp, "write 'from vmlinux import <name>'").Hint("name each type or constant you import from vmlinux")
			case isPythonbpfModule(a.Name):
				if a.AsName != "" {
					c.pbfModules[a.AsName] = true
				} else if a.Name == "pythonbpf" {
					c.pbfModules["pythonbpf"] = true
				}
			case a.Name == "ctypes":
				if a.AsName != "" {
					c.ctypesMods[a.AsName] = true
				}
			}
			if a.AsName != "" {
				c.userNames[a.AsName] = true
			} else {
				c.userNames[a.Name] = true
			}
		}
	case *syntax.ImportFrom:
		switch {
		case s.Module == "vmlinux" && s.Level == 0:
			if s.Star {
				c.errorf(s.Sp, "name each type or constant you import from vmlinux")
				return
			}
			for _, a := range s.Names {
				name := a.Name
				if a.AsName != "" {
					name = a.AsName
				}
				c.vmlinux[name] = a.Sp
			}
		case isPythonbpfModule(s.Module) || s.Module == "ctypes":
			for _, a := range s.Names {
				if a.AsName != "" && a.AsName != a.Name {
					c.aliases[a.AsName] = a.Name
				}
			}
		default:
			for _, a := range s.Names {
				if a.AsName != "" {
					c.userNames[a.AsName] = true
				} else {
					c.userNames[a.Name] = true
				}
			}
		}
	}
}

// decorators classifies a decorator list by name (LANGUAGE.md 1.2).
func (c *compiler) decorators(list []syntax.Expr) decorators {
	d := decorators{spans: map[role]diag.Span{}}
	for _, e := range list {
		call, isCall := e.(*syntax.Call)
		target := e
		if isCall {
			target = call.Func
		}
		name, ok := c.plainName(target)
		if !ok {
			continue
		}
		var r role
		switch name {
		case "bpf":
			if !isCall {
				d.bpf = true
			}
			continue
		case "section":
			r = roleSection
			d.secSpan = e.Span()
			if !isCall {
				c.errorf(e.Span(), "@section needs one string argument").Hint(`write @section("xdp")`)
				break
			}
			d.section, d.secOK = c.sectionArg(call)
		case "map":
			r = roleMap
		case "struct":
			r = roleStruct
		case "bpfglobal":
			r = roleGlobal
		case "bpfconst":
			r = roleConst
		default:
			continue
		}
		d.roles = append(d.roles, r)
		d.spans[r] = e.Span()
	}
	return d
}

func (c *compiler) sectionArg(call *syntax.Call) (string, bool) {
	if len(call.Args) != 1 || len(call.Keywords) != 0 {
		c.errorf(call.Sp, "@section takes exactly one string literal").Hint(`write @section("xdp")`)
		return "", false
	}
	s, ok := call.Args[0].(*syntax.Str)
	if !ok || s.IsBytes {
		c.errorf(call.Args[0].Span(), "@section takes a plain string literal").Hint(`write @section("xdp")`)
		return "", false
	}
	if s.Value == "" {
		c.errorf(s.Sp, "@section needs a non-empty section name")
		return "", false
	}
	return s.Value, true
}

func (c *compiler) warnRoleWithoutBPF(d decorators) {
	for _, r := range d.roles {
		c.warnf(d.spans[r], "ignored: %s without @bpf", roleNames[r]).Hint("add @bpf above it to compile this definition")
	}
}

// define registers a BPF definition name; false when it is a duplicate or
// reserved.
func (c *compiler) define(name string, sp diag.Span) bool {
	if prev, ok := c.defs[name]; ok {
		c.errorf(sp, "'%s' is already defined at line %d", name, prev.Start.Line).Note(prev, "'%s' first defined here", name)
		return false
	}
	if reservedNames[name] {
		c.errorf(sp, "'%s' is the name of a helper and cannot be redefined", name)
		return false
	}
	if _, ok := ctypesTypes[name]; ok {
		c.errorf(sp, "'%s' is a ctypes type and cannot be redefined", name)
		return false
	}
	c.defs[name] = sp
	return true
}

func (c *compiler) collectFunc(s *syntax.FunctionDef) {
	d := c.decorators(s.Decorators)
	c.checkNested(s.Body)
	if !d.bpf {
		c.warnRoleWithoutBPF(d)
		return
	}
	if len(d.roles) > 1 {
		c.errorf(d.spans[d.roles[1]], "a BPF definition has one role; %s and %s cannot be combined", roleNames[d.roles[0]], roleNames[d.roles[1]])
		return
	}
	if s.IsAsync {
		c.errorf(s.Sp, "a @bpf function cannot be async")
		return
	}
	role := roleNone
	if len(d.roles) == 1 {
		role = d.roles[0]
	}
	if role == roleGlobal && s.Name == "LICENSE" {
		if c.license != nil {
			c.errorf(s.NameSpan, "LICENSE is already defined at line %d", c.license.NameSpan.Start.Line).Note(c.license.NameSpan, "first LICENSE here")
			return
		}
		c.license = s
		c.defs[s.Name] = s.NameSpan
		return
	}
	if !c.define(s.Name, s.NameSpan) {
		return
	}
	switch role {
	case roleStruct:
		c.errorf(d.spans[roleStruct], "@struct applies to a class, not a function")
	case roleSection:
		if d.secOK {
			c.progs = append(c.progs, &funcDecl{def: s, section: d.section, prog: sectionType(d.section)})
			if sectionType(d.section) == ptUnknown {
				c.warnf(d.secSpan, "section '%s' does not match any known program type; the object will not load", d.section)
			}
		}
	case roleNone:
		c.subprogs = append(c.subprogs, &funcDecl{def: s})
	}
}

// collectRest handles what needs structs to be known: maps, globals and
// the license.
func (c *compiler) collectRest(m *syntax.Module) {
	for _, s := range m.Body {
		f, ok := s.(*syntax.FunctionDef)
		if !ok {
			continue
		}
		d := c.decorators(f.Decorators)
		if !d.bpf || len(d.roles) != 1 {
			continue
		}
		if _, dup := c.defs[f.Name]; !dup {
			continue
		}
		switch d.roles[0] {
		case roleMap:
			c.collectMap(f)
		case roleGlobal, roleConst:
			if f.Name == "LICENSE" && d.roles[0] == roleGlobal {
				if f == c.license {
					c.collectLicense(f)
				}
				continue
			}
			c.collectGlobal(f, d.roles[0] == roleConst)
		}
	}
	if c.license == nil {
		c.diags.Warningf(diag.Span{}, `no LICENSE defined; defaulting to "GPL"`)
		c.mod.License = "GPL"
	}
	if len(c.progs) == 0 {
		c.diags.Errorf(diag.Span{}, "no BPF program found (a @bpf function needs @section)")
	}
	names := make([]string, 0, len(c.globals))
	for n := range c.globals {
		names = append(names, n)
	}
	sort.Strings(names)
}

// onlyReturn returns the expression of a body that is an optional
// docstring followed by exactly `return e`.
func onlyReturn(body []syntax.Stmt) (syntax.Expr, *syntax.Return) {
	if len(body) > 0 {
		if es, ok := body[0].(*syntax.ExprStmt); ok {
			if _, ok := es.Value.(*syntax.Str); ok {
				body = body[1:]
			}
		}
	}
	if len(body) != 1 {
		return nil, nil
	}
	r, ok := body[0].(*syntax.Return)
	if !ok || r.Value == nil {
		return nil, r
	}
	return r.Value, r
}

func (c *compiler) collectLicense(f *syntax.FunctionDef) {
	e, _ := onlyReturn(f.Body)
	s, ok := e.(*syntax.Str)
	if !ok || s.IsBytes {
		sp := f.NameSpan
		if e != nil {
			sp = e.Span()
		}
		c.errorf(sp, `LICENSE must return a plain string literal such as "GPL"`)
		return
	}
	c.mod.License = s.Value
}

func (c *compiler) collectGlobal(f *syntax.FunctionDef, readOnly bool) {
	c.failed[f.Name] = true // until the declaration is complete
	if f.Returns == nil {
		c.errorf(f.NameSpan, "a @bpfglobal needs a type such as -> c_uint64")
		return
	}
	t := c.scalarAnnotation(f.Returns)
	if t == nil {
		c.errorf(f.Returns.Span(), "a @bpfglobal must have an integer type").Hint("use a ctypes integer type such as c_uint64")
		return
	}
	e, _ := onlyReturn(f.Body)
	if e == nil {
		c.errorf(f.NameSpan, "the initial value of '%s' must be an integer constant", f.Name).Hint("the body is `return T(constant)`")
		return
	}
	saved := c.diags
	c.diags = &diag.List{}
	v, ok := c.constExpr(e)
	inner := c.diags
	c.diags = saved
	if !ok {
		c.errorf(e.Span(), "the initial value of '%s' must be an integer constant", f.Name).Hint("module-level Python variables are not visible in BPF code; use a literal")
		return
	}
	for _, d := range inner.Diags {
		c.diags.Add(d)
	}
	init := truncBits(v.c, t)
	if !v.explicit && truncBits(v.c, v.t) != init {
		c.warnf(e.Span(), "constant %s does not fit %s; it becomes %s", constString(v.c, v.t), ctypeName(t), constString(init, t))
	}
	sec := ".data"
	switch {
	case readOnly:
		sec = ".rodata"
	case init == 0:
		sec = ".bss"
	}
	g := &ssa.Global{Name: f.Name, Type: t, Init: int64(init), Section: sec, Pos: f.NameSpan.Start}
	c.mod.Globals = append(c.mod.Globals, g)
	c.globals[f.Name] = &globalDecl{g: g, sp: f.NameSpan, readOnly: readOnly}
	delete(c.failed, f.Name)
}

// scalarAnnotation resolves a ctypes integer annotation; nil otherwise.
func (c *compiler) scalarAnnotation(e syntax.Expr) *ssa.Type {
	name, ok := c.plainName(e)
	if !ok {
		return nil
	}
	if ent, ok := c.kernelEntity(name); ok && ent.Type != nil && ent.Type.Kind == kbtf.Int {
		return kernelIntType(ent.Type) // an integer typedef from vmlinux (3.1.2)
	}
	return ctypesTypes[name]
}

// checkNested reports @bpf definitions that are not at module level.
func (c *compiler) checkNested(body []syntax.Stmt) {
	for _, s := range body {
		c.checkNestedStmt(s)
	}
}

func (c *compiler) checkNestedStmt(s syntax.Stmt) {
	switch s := s.(type) {
	case *syntax.FunctionDef:
		if d := c.decorators(s.Decorators); d.bpf {
			c.errorf(s.Sp, "@bpf definitions must be at module level")
		}
		c.checkNested(s.Body)
	case *syntax.ClassDef:
		if d := c.decorators(s.Decorators); d.bpf {
			c.errorf(s.Sp, "@bpf definitions must be at module level")
		}
		c.checkNested(s.Body)
	case *syntax.If, *syntax.For, *syntax.While:
		for _, b := range syntax.ControlBodies(s) {
			c.checkNested(b)
		}
	case *syntax.OtherStmt:
		for _, b := range s.Bodies {
			c.checkNested(b)
		}
	}
}

// bigFits reports whether a literal fits in 64 bits.
func bigFits(v *big.Int) bool { return v.Sign() >= 0 && v.BitLen() <= 64 }
