package frontend

import (
	"fmt"
	"strings"

	"github.com/pybpfc/pybpfc/frontend/syntax"
	"github.com/pybpfc/pybpfc/internal/diag"
	"github.com/pybpfc/pybpfc/ssa"
)

// mapCtor describes a map constructor of LANGUAGE.md 5.2 and 5.7.
type mapCtor struct {
	kind   ssa.MapKind
	params []string // positional order
	typed  bool     // key and value are types
	sized  bool     // key_size/value_size encoding
	opt    int      // how many trailing params may be left out
}

var mapCtors = map[string]mapCtor{
	"HashMap":        {ssa.MapHash, []string{"key", "value", "max_entries"}, true, false, 0},
	"ArrayMap":       {ssa.MapArray, []string{"key", "value", "max_entries"}, true, false, 0},
	"PerfEventArray": {ssa.MapPerfEventArray, []string{"key_size", "value_size"}, false, true, 0},
	"RingBuffer":     {ssa.MapRingbuf, []string{"max_entries"}, false, false, 0},
	"RingBuf":        {ssa.MapRingbuf, []string{"max_entries"}, false, false, 0},
	"PerCPUHash":     {ssa.MapPerCPUHash, []string{"key", "value", "max_entries"}, true, false, 0},
	"PerCPUArray":    {ssa.MapPerCPUArray, []string{"key", "value", "max_entries"}, true, false, 0},
	"LRUHash":        {ssa.MapLRUHash, []string{"key", "value", "max_entries"}, true, false, 0},
	"LRUPerCPUHash":  {ssa.MapLRUPerCPUHash, []string{"key", "value", "max_entries"}, true, false, 0},
	"LPMTrie":        {ssa.MapLPMTrie, []string{"key", "value", "max_entries"}, true, false, 0},
	// The sized kinds of 5.7 take their arguments apart (extmaps.go).
	"StackTrace": {ssa.MapStackTrace, []string{"max_entries", "depth"}, false, false, 1},
	"Queue":      {ssa.MapQueue, []string{"value", "max_entries"}, false, false, 0},
	"Stack":      {ssa.MapStack, []string{"value", "max_entries"}, false, false, 0},
	"ProgArray":  {ssa.MapProgArray, []string{"max_entries", "programs"}, false, false, 1},
}

const mapCtorList = "HashMap, ArrayMap, PerfEventArray, RingBuffer, PerCPUHash, PerCPUArray, LRUHash, LRUPerCPUHash, LPMTrie, StackTrace, Queue, Stack, ProgArray"

func (c *compiler) collectMap(f *syntax.FunctionDef) {
	c.failed[f.Name] = true // until the declaration is complete
	if len(f.Params) != 0 {
		c.errorf(f.Params[0].Sp, "a @map function takes no parameters")
		return
	}
	e, _ := onlyReturn(f.Body)
	call, ok := e.(*syntax.Call)
	if !ok {
		sp := f.NameSpan
		if e != nil {
			sp = e.Span()
		}
		c.errorf(sp, "a @map function must return a map constructor").Hint("write `return HashMap(key=c_uint32, value=c_uint64, max_entries=1024)`")
		return
	}
	name, _ := c.plainName(call.Func)
	ctor, ok := mapCtors[name]
	if !ok {
		c.errorf(call.Func.Span(), "'%s' is not a map type; expected one of %s", exprText(call.Func), mapCtorList)
		return
	}
	args := map[string]syntax.Expr{}
	for i, a := range call.Args {
		if i >= len(ctor.params) {
			c.errorf(a.Span(), "%s() takes at most %d arguments", name, len(ctor.params))
			return
		}
		args[ctor.params[i]] = a
	}
	for _, k := range call.Keywords {
		known := k.Name == "map_flags"
		for _, p := range ctor.params {
			known = known || p == k.Name
		}
		if !known {
			c.errorf(k.Sp, "%s() has no argument '%s'; it takes %s", name, k.Name, strings.Join(ctor.params, ", "))
			return
		}
		if _, dup := args[k.Name]; dup {
			c.errorf(k.Sp, "%s() argument '%s' given twice", name, k.Name)
			return
		}
		args[k.Name] = k.Value
	}
	for _, p := range ctor.params[:len(ctor.params)-ctor.opt] {
		if args[p] == nil {
			c.errorf(call.Sp, "%s() needs '%s'", name, p)
			return
		}
	}
	m := &ssa.Map{Name: f.Name, Kind: ctor.kind, Pos: f.NameSpan.Start}
	if ctor.typed {
		m.Key = c.mapType(args["key"])
		m.Value = c.mapType(args["value"])
		if m.Key == nil || m.Value == nil {
			return
		}
		if (ctor.kind == ssa.MapArray || ctor.kind == ssa.MapPerCPUArray) && !(m.Key.IsInt() && m.Key.Bits == 32) {
			c.errorf(args["key"].Span(), "an ArrayMap key must be c_uint32 or c_int32")
			return
		}
	}
	if ctor.sized {
		for _, p := range []string{"key_size", "value_size"} {
			if c.mapType(args[p]) == nil {
				return
			}
		}
		m.KeySize, m.ValueSize = 4, 4
	}
	if e := args["max_entries"]; e != nil {
		n, ok := c.mapCount(e)
		if !ok {
			return
		}
		if ctor.kind == ssa.MapRingbuf && (n < 4096 || n&(n-1) != 0) {
			c.errorf(e.Span(), "ring buffer size must be a power of two of at least 4096 bytes")
			return
		}
		m.MaxEntries = int(n)
	}
	if e := args["map_flags"]; e != nil {
		v, ok := c.constExpr(e)
		if !ok {
			c.errorf(e.Span(), "map_flags must be an integer constant")
			return
		}
		m.Flags = int64(v.c)
	}
	if !c.extMap(m, args) {
		return
	}
	c.mod.Maps = append(c.mod.Maps, m)
	c.maps[f.Name] = &mapDecl{m: m, sp: f.NameSpan}
	delete(c.failed, f.Name)
}

func (c *compiler) mapCount(e syntax.Expr) (int64, bool) {
	v, ok := c.constExpr(e)
	if !ok {
		c.errorf(e.Span(), "max_entries must be an integer constant")
		return 0, false
	}
	n := int64(v.c)
	if n < 1 || n > 1<<32-1 {
		c.errorf(e.Span(), "max_entries must be at least 1, not %s", constString(v.c, v.t))
		return 0, false
	}
	return n, true
}

// mapType resolves a key or value type argument: a ctypes name or a
// @struct name.
func (c *compiler) mapType(e syntax.Expr) *ssa.Type {
	name, ok := c.plainName(e)
	if ok {
		if t := ctypesTypes[name]; t != nil {
			return t
		}
		if s := c.structs[name]; s != nil {
			return s.t
		}
		if r, bad := rejectedCtypes[name]; bad {
			d := c.errorf(e.Span(), "%s", r[0])
			if r[1] != "" {
				d.Hint("%s", r[1])
			}
			return nil
		}
	}
	c.errorf(e.Span(), "'%s' is not a type a map can hold", exprText(e)).Hint("use a ctypes type such as c_uint32 or a @struct")
	return nil
}

// collectStructs lays out @struct classes (LANGUAGE.md 4), in dependency
// order so embedded structs are known first.
func (c *compiler) collectStructs(defs []*syntax.ClassDef) {
	byName := map[string]*syntax.ClassDef{}
	for _, d := range defs {
		byName[d.Name] = d
	}
	state := map[string]int{} // 1 visiting, 2 done
	var visit func(d *syntax.ClassDef)
	visit = func(d *syntax.ClassDef) {
		if state[d.Name] == 2 {
			return
		}
		if state[d.Name] == 1 {
			c.errorf(d.NameSpan, "struct %s contains itself", d.Name)
			return
		}
		state[d.Name] = 1
		var fields []ssa.Field
		seen := map[string]bool{}
		body := d.Body
		if len(body) > 0 {
			if es, ok := body[0].(*syntax.ExprStmt); ok {
				if _, ok := es.Value.(*syntax.Str); ok {
					body = body[1:]
				}
			}
		}
		ok := true
		for _, s := range body {
			fa, isField := s.(*syntax.AnnAssign)
			if !isField {
				switch s := s.(type) {
				case *syntax.FunctionDef:
					c.errorf(s.NameSpan, "a @struct cannot have methods")
				case *syntax.Pass:
					continue
				default:
					c.errorf(s.Span(), "a @struct body holds only annotated fields")
				}
				ok = false
				continue
			}
			name, isName := fa.Target.(*syntax.Name)
			if !isName {
				c.errorf(fa.Target.Span(), "a struct field must be a plain name")
				ok = false
				continue
			}
			if fa.Value != nil {
				c.errorf(fa.Value.Span(), "struct fields cannot have default values")
				ok = false
				continue
			}
			if seen[name.Id] {
				c.errorf(name.Sp, "field '%s' is declared twice in struct %s", name.Id, d.Name)
				ok = false
				continue
			}
			seen[name.Id] = true
			t := c.fieldType(fa.Annotation, d.Name, byName, visit)
			if t == nil {
				ok = false
				continue
			}
			fields = append(fields, ssa.Field{Name: name.Id, Type: t})
		}
		state[d.Name] = 2
		if !ok {
			c.failed[d.Name] = true
			return
		}
		if len(fields) == 0 {
			c.errorf(d.NameSpan, "struct %s has no fields", d.Name)
			return
		}
		t := ssa.NewStruct(d.Name, fields)
		c.structs[d.Name] = &structDecl{t: t, def: d}
		c.mod.Structs = append(c.mod.Structs, t)
	}
	for _, d := range defs {
		visit(d)
	}
}

func (c *compiler) fieldType(e syntax.Expr, owner string, byName map[string]*syntax.ClassDef, visit func(*syntax.ClassDef)) *ssa.Type {
	switch e := e.(type) {
	case *syntax.Call: // str(N)
		if n, ok := e.Func.(*syntax.Name); ok && n.Id == "str" && len(e.Args) == 1 && len(e.Keywords) == 0 {
			if lit, ok := e.Args[0].(*syntax.Int); ok && bigFits(lit.Value) && lit.Value.Uint64() >= 1 && lit.Value.Uint64() <= 65536 {
				return ssa.ArrayOf(ssa.Char, int(lit.Value.Uint64()))
			}
			c.errorf(e.Sp, "str(N) needs an integer literal N of at least 1")
			return nil
		}
	case *syntax.BinOp: // c_T * N
		if e.Op == "*" {
			elem := c.scalarAnnotation(e.X)
			lit, ok := e.Y.(*syntax.Int)
			if elem != nil && !elem.IsBool() && ok && bigFits(lit.Value) && lit.Value.Uint64() >= 1 && lit.Value.Uint64() <= 65536 {
				return ssa.ArrayOf(elem, int(lit.Value.Uint64()))
			}
		}
	default:
		if name, ok := c.plainName(e); ok {
			if t := ctypesTypes[name]; t != nil {
				return t
			}
			if r, bad := rejectedCtypes[name]; bad {
				d := c.errorf(e.Span(), "%s", r[0])
				if r[1] != "" {
					d.Hint("%s", r[1])
				}
				return nil
			}
			if d := byName[name]; d != nil {
				visit(d)
				if s := c.structs[name]; s != nil {
					return s.t
				}
				return nil
			}
		}
	}
	c.errorf(e.Span(), "unsupported field type '%s' in struct %s", exprText(e), owner)
	return nil
}

// exprText renders a short expression for messages.
func exprText(e syntax.Expr) string {
	switch e := e.(type) {
	case *syntax.Name:
		return e.Id
	case *syntax.Attribute:
		return exprText(e.X) + "." + e.Name
	case *syntax.Call:
		return exprText(e.Func) + "(...)"
	case *syntax.Subscript:
		return exprText(e.X) + "[" + exprText(e.Index) + "]"
	case *syntax.Int:
		return e.Text
	case *syntax.Str:
		return fmt.Sprintf("%q", e.Value)
	case *syntax.BinOp:
		return exprText(e.X) + " " + e.Op + " " + exprText(e.Y)
	case *syntax.Constant:
		return e.Value
	case *syntax.Tuple:
		parts := make([]string, len(e.Elts))
		for i, x := range e.Elts {
			parts[i] = exprText(x)
		}
		return strings.Join(parts, ", ")
	}
	return "expression"
}

var _ = diag.Span{}
