package ssa

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/pybpfc/pybpfc/internal/diag"
)

// Parse reads the text form written by Module.Fprint. Pass tests are text
// in, text out, so every printed module must parse back to an identical
// print. Errors name the line of the text.
func Parse(text string) (*Module, error) {
	p := &textParser{m: &Module{}}
	lines := strings.Split(text, "\n")
	for i, line := range lines {
		p.line = i + 1
		if err := p.parseLine(line); err != nil {
			return nil, fmt.Errorf("ssa text line %d: %w", i+1, err)
		}
	}
	if err := p.finishFunc(); err != nil {
		return nil, fmt.Errorf("ssa text: %w", err)
	}
	return p.m, nil
}

// ParseFunc parses a module holding exactly one function and returns it.
func ParseFunc(text string) (*Func, error) {
	m, err := Parse(text)
	if err != nil {
		return nil, err
	}
	if len(m.Funcs) != 1 {
		return nil, fmt.Errorf("ssa text: want one function, found %d", len(m.Funcs))
	}
	return m.Funcs[0], nil
}

type pendingArg struct {
	v    *Value // nil: block control
	b    *Block
	name string
}

type textParser struct {
	m    *Module
	line int
	f    *Func
	cur  *Block
	vals map[int]*Value
	blks map[int]*Block
	args []pendingArg
	// edges are recorded by name and made once all blocks exist, in the
	// order the printer lists predecessors.
	succNames map[*Block][]int
	predNames map[*Block][]int
}

func (p *textParser) parseLine(line string) error {
	t := strings.TrimSpace(line)
	if t == "" || strings.HasPrefix(t, "#") {
		return nil
	}
	switch {
	case strings.HasPrefix(t, "license "):
		s, err := strconv.Unquote(strings.TrimPrefix(t, "license "))
		p.m.License = s
		return err
	case strings.HasPrefix(t, "struct "):
		return p.parseStruct(t)
	case strings.HasPrefix(t, "map "):
		return p.parseMap(t)
	case strings.HasPrefix(t, "global "):
		return p.parseGlobal(t)
	case strings.HasPrefix(t, "func "):
		if err := p.finishFunc(); err != nil {
			return err
		}
		return p.parseFuncHeader(t)
	}
	if p.f == nil {
		return fmt.Errorf("unexpected %q outside a function", t)
	}
	if t[0] == 'b' && strings.Contains(strings.Fields(t)[0], ":") {
		return p.parseBlockHeader(t)
	}
	if p.cur == nil {
		return fmt.Errorf("value outside a block")
	}
	if strings.HasPrefix(t, "v") && strings.Contains(t, " = ") {
		return p.parseValue(t)
	}
	return p.parseControl(t)
}

func splitPos(t string) (string, diag.Pos, error) {
	i := strings.LastIndex(t, " @")
	if i < 0 {
		if strings.HasPrefix(t, "@") {
			pos, err := parsePos(t[1:])
			return "", pos, err
		}
		return t, diag.Pos{}, nil
	}
	pos, err := parsePos(t[i+2:])
	return strings.TrimSpace(t[:i]), pos, err
}

func parsePos(s string) (diag.Pos, error) {
	var pos diag.Pos
	if _, err := fmt.Sscanf(s, "%d:%d", &pos.Line, &pos.Col); err != nil {
		return pos, fmt.Errorf("bad position %q", s)
	}
	return pos, nil
}

// ParseType reads a type spelling of the text form.
func (m *Module) ParseType(s string) (*Type, error) {
	switch {
	case s == "void":
		return Void, nil
	case s == "bool":
		return Bool, nil
	case strings.HasPrefix(s, "ptr."):
		for k := PtrCtx; k <= lastPtrKind; k++ {
			if k.String() == s[4:] {
				return PtrTo(k), nil
			}
		}
		return nil, fmt.Errorf("unknown pointer kind %q", s)
	case strings.HasPrefix(s, "["):
		j := strings.Index(s, "]")
		if j < 0 {
			return nil, fmt.Errorf("bad array type %q", s)
		}
		n, err := strconv.Atoi(s[1:j])
		if err != nil {
			return nil, fmt.Errorf("bad array length in %q", s)
		}
		if s[j+1:] == "char" {
			return ArrayOf(Char, n), nil
		}
		elem, err := m.ParseType(s[j+1:])
		if err != nil {
			return nil, err
		}
		return ArrayOf(elem, n), nil
	case len(s) >= 2 && (s[0] == 's' || s[0] == 'u') && s[1] >= '0' && s[1] <= '9':
		name, cname, _ := strings.Cut(s, ":")
		bits, err := strconv.Atoi(name[1:])
		if err != nil || (bits != 8 && bits != 16 && bits != 32 && bits != 64) {
			return nil, fmt.Errorf("bad integer type %q", s)
		}
		t := IntType(bits, s[0] == 's')
		if cname != "" {
			t = Named(t, strings.ReplaceAll(cname, "_", " "))
		}
		return t, nil
	}
	if st := m.Struct(s); st != nil {
		return st, nil
	}
	return nil, fmt.Errorf("unknown type %q", s)
}

func (p *textParser) parseStruct(t string) error {
	rest := strings.TrimPrefix(t, "struct ")
	name, body, ok := strings.Cut(rest, " {")
	if !ok || !strings.HasSuffix(body, "}") {
		return fmt.Errorf("bad struct line")
	}
	var fields []Field
	for _, fs := range strings.Split(strings.TrimSuffix(body, "}"), ";") {
		parts := strings.Fields(fs)
		if len(parts) == 0 {
			continue
		}
		if len(parts) != 3 {
			return fmt.Errorf("bad struct field %q", fs)
		}
		ft, err := p.m.ParseType(parts[1])
		if err != nil {
			return err
		}
		fields = append(fields, Field{Name: parts[0], Type: ft})
	}
	st := NewStruct(name, fields)
	for i, fs := range strings.Split(strings.TrimSuffix(body, "}"), ";") {
		if parts := strings.Fields(fs); len(parts) == 3 && i < len(st.Fields) {
			if off, _ := strconv.Atoi(parts[2]); off != st.Fields[i].Offset {
				return fmt.Errorf("field %s: offset %d, natural layout gives %d", parts[0], off, st.Fields[i].Offset)
			}
		}
	}
	p.m.Structs = append(p.m.Structs, st)
	return nil
}

func (p *textParser) parseMap(t string) error {
	rest, pos, err := splitPos(t)
	if err != nil {
		return err
	}
	f := strings.Fields(rest)
	if len(f) < 3 {
		return fmt.Errorf("bad map line")
	}
	mp := &Map{Name: f[1], Pos: pos}
	for k, n := range mapKindNames {
		if n == f[2] {
			mp.Kind = k
		}
	}
	if mp.Kind == 0 {
		return fmt.Errorf("unknown map kind %q", f[2])
	}
	for _, kv := range f[3:] {
		k, v, _ := strings.Cut(kv, "=")
		switch k {
		case "key", "value":
			ty, err := p.m.ParseType(v)
			if err != nil {
				return err
			}
			if k == "key" {
				mp.Key = ty
			} else {
				mp.Value = ty
			}
		case "key_size", "value_size", "max_entries", "map_flags":
			n, err := strconv.ParseInt(v, 10, 64)
			if err != nil {
				return fmt.Errorf("bad %s", k)
			}
			switch k {
			case "key_size":
				mp.KeySize = int(n)
			case "value_size":
				mp.ValueSize = int(n)
			case "max_entries":
				mp.MaxEntries = int(n)
			default:
				mp.Flags = n
			}
		default:
			return fmt.Errorf("unknown map property %q", k)
		}
	}
	p.m.Maps = append(p.m.Maps, mp)
	return nil
}

func (p *textParser) parseGlobal(t string) error {
	rest, pos, err := splitPos(t)
	if err != nil {
		return err
	}
	f := strings.Fields(rest)
	if len(f) != 5 {
		return fmt.Errorf("bad global line")
	}
	ty, err := p.m.ParseType(f[2])
	if err != nil {
		return err
	}
	init, err := strconv.ParseInt(f[3], 10, 64)
	if err != nil {
		return fmt.Errorf("bad initial value %q", f[3])
	}
	p.m.Globals = append(p.m.Globals, &Global{Name: f[1], Type: ty, Init: init, Section: f[4], Pos: pos})
	return nil
}

func (p *textParser) parseFuncHeader(t string) error {
	rest, pos, err := splitPos(strings.TrimPrefix(t, "func "))
	if err != nil {
		return err
	}
	open, close := strings.Index(rest, "("), strings.Index(rest, ")")
	if open < 0 || close < open {
		return fmt.Errorf("bad func header")
	}
	f := &Func{Name: rest[:open], Pos: pos, Module: p.m}
	if params := strings.TrimSpace(rest[open+1 : close]); params != "" {
		for _, ps := range strings.Split(params, ",") {
			parts := strings.Fields(ps)
			if len(parts) != 2 {
				return fmt.Errorf("bad parameter %q", ps)
			}
			ty, err := p.m.ParseType(parts[1])
			if err != nil {
				return err
			}
			f.Params = append(f.Params, &Param{Name: parts[0], Type: ty})
		}
	}
	tail := strings.Fields(rest[close+1:])
	if len(tail) < 1 {
		return fmt.Errorf("missing result type")
	}
	if f.Ret, err = p.m.ParseType(tail[0]); err != nil {
		return err
	}
	if len(tail) > 1 {
		sec, err := strconv.Unquote(strings.Join(tail[1:], " "))
		if err != nil {
			return fmt.Errorf("bad section %q", strings.Join(tail[1:], " "))
		}
		f.Section = sec
	}
	p.m.Funcs = append(p.m.Funcs, f)
	p.f = f
	p.cur = nil
	p.vals = map[int]*Value{}
	p.blks = map[int]*Block{}
	p.args = nil
	p.succNames = map[*Block][]int{}
	p.predNames = map[*Block][]int{}
	return nil
}

func (p *textParser) block(id int) *Block {
	if b, ok := p.blks[id]; ok {
		return b
	}
	b := &Block{ID: id, Func: p.f}
	p.blks[id] = b
	if id >= p.f.nextBlock {
		p.f.nextBlock = id + 1
	}
	return b
}

func parseRef(s string, prefix byte) (int, error) {
	if len(s) < 2 || s[0] != prefix {
		return 0, fmt.Errorf("bad reference %q", s)
	}
	return strconv.Atoi(s[1:])
}

func (p *textParser) parseBlockHeader(t string) error {
	head, preds, _ := strings.Cut(t, "<-")
	id, err := parseRef(strings.TrimSuffix(strings.TrimSpace(head), ":"), 'b')
	if err != nil {
		return err
	}
	b := p.block(id)
	if b.Kind != BlockInvalid || containsBlock(p.f.Blocks, b) {
		return fmt.Errorf("block b%d defined twice", id)
	}
	p.f.Blocks = append(p.f.Blocks, b)
	for _, ps := range strings.Fields(preds) {
		pid, err := parseRef(ps, 'b')
		if err != nil {
			return err
		}
		p.predNames[b] = append(p.predNames[b], pid)
	}
	p.cur = b
	return nil
}

func containsBlock(bs []*Block, b *Block) bool {
	for _, c := range bs {
		if c == b {
			return true
		}
	}
	return false
}

func (p *textParser) parseValue(t string) error {
	rest, pos, err := splitPos(t)
	if err != nil {
		return err
	}
	lhs, rhs, _ := strings.Cut(rest, " = ")
	id, err := parseRef(lhs, 'v')
	if err != nil {
		return err
	}
	if _, dup := p.vals[id]; dup {
		return fmt.Errorf("v%d defined twice", id)
	}
	opName, rhs, _ := strings.Cut(rhs, " ")
	op, ok := OpByName(opName)
	if !ok {
		return fmt.Errorf("unknown op %q", opName)
	}
	rhs = strings.TrimSpace(rhs)
	if !strings.HasPrefix(rhs, "<") {
		return fmt.Errorf("missing type")
	}
	end := strings.Index(rhs, ">")
	if end < 0 {
		return fmt.Errorf("missing '>'")
	}
	ty, err := p.m.ParseType(rhs[1:end])
	if err != nil {
		return err
	}
	rhs = strings.TrimSpace(rhs[end+1:])
	v := &Value{ID: id, Op: op, Type: ty, Block: p.cur, Pos: pos}
	if strings.HasPrefix(rhs, "[") {
		end := strings.Index(rhs, "]")
		if end < 0 {
			return fmt.Errorf("missing ']'")
		}
		if v.AuxInt, err = strconv.ParseInt(rhs[1:end], 10, 64); err != nil {
			return fmt.Errorf("bad aux int %q", rhs[1:end])
		}
		rhs = strings.TrimSpace(rhs[end+1:])
	}
	if strings.HasPrefix(rhs, "{") {
		if op.Info().Aux == AuxString {
			q, err := strconv.QuotedPrefix(rhs[1:])
			if err != nil {
				return fmt.Errorf("bad string aux")
			}
			v.Aux, _ = strconv.Unquote(q)
			rhs = strings.TrimSpace(strings.TrimPrefix(rhs[1+len(q):], "}"))
		} else {
			end := strings.Index(rhs, "}")
			if end < 0 {
				return fmt.Errorf("missing '}'")
			}
			v.Aux = rhs[1:end]
			rhs = strings.TrimSpace(rhs[end+1:])
		}
	}
	for _, a := range strings.Fields(rhs) {
		p.args = append(p.args, pendingArg{v: v, name: a})
	}
	p.vals[id] = v
	if id >= p.f.nextValue {
		p.f.nextValue = id + 1
	}
	p.cur.Values = append(p.cur.Values, v)
	return nil
}

func (p *textParser) parseControl(t string) error {
	rest, pos, err := splitPos(t)
	if err != nil {
		return err
	}
	b := p.cur
	b.Pos = pos
	f := strings.Fields(rest)
	if len(f) == 0 {
		return fmt.Errorf("missing control")
	}
	succ := func(names ...string) error {
		for _, n := range names {
			id, err := parseRef(n, 'b')
			if err != nil {
				return err
			}
			p.succNames[b] = append(p.succNames[b], id)
		}
		return nil
	}
	switch {
	case f[0] == "Jump" && len(f) == 2:
		b.Kind = BlockPlain
		err = succ(f[1])
	case f[0] == "If" && len(f) == 5 && f[2] == "->":
		b.Kind = BlockIf
		p.args = append(p.args, pendingArg{b: b, name: f[1]})
		err = succ(f[3], f[4])
	case f[0] == "Ret" && len(f) <= 2:
		b.Kind = BlockRet
		if len(f) == 2 {
			p.args = append(p.args, pendingArg{b: b, name: f[1]})
		}
	case f[0] == "Unreachable" && len(f) == 1:
		b.Kind = BlockUnreachable
	default:
		return fmt.Errorf("bad block control %q", rest)
	}
	p.cur = nil
	return err
}

// finishFunc resolves forward references and builds the edges so that
// every block's Preds are in the printed order.
func (p *textParser) finishFunc() error {
	f := p.f
	if f == nil {
		return nil
	}
	p.f = nil
	for _, b := range f.Blocks {
		if b.Kind == BlockInvalid {
			return fmt.Errorf("func %s: block b%d has no control line", f.Name, b.ID)
		}
	}
	for id, b := range p.blks {
		if !containsBlock(f.Blocks, b) {
			return fmt.Errorf("func %s: block b%d is referenced but not defined", f.Name, id)
		}
	}
	for _, a := range p.args {
		id, err := parseRef(a.name, 'v')
		if err != nil {
			return err
		}
		w, ok := p.vals[id]
		if !ok {
			return fmt.Errorf("func %s: v%d is used but not defined", f.Name, id)
		}
		if a.v != nil {
			a.v.Args = append(a.v.Args, w)
			w.Uses++
		} else {
			a.b.SetControl(w)
		}
	}
	// Successor i of b is the k'th occurrence of b in the successor's
	// pred list, matched in order.
	used := map[*Block]map[int]int{}
	for _, b := range f.Blocks {
		for _, sid := range p.succNames[b] {
			s := p.blks[sid]
			if used[s] == nil {
				used[s] = map[int]int{}
			}
			skip := used[s][b.ID]
			j := -1
			for k, pid := range p.predNames[s] {
				if pid == b.ID {
					if skip == 0 {
						j = k
						break
					}
					skip--
				}
			}
			if j < 0 {
				return fmt.Errorf("func %s: edge b%d -> b%d missing from b%d's predecessors", f.Name, b.ID, sid, sid)
			}
			used[s][b.ID]++
			b.Succs = append(b.Succs, Edge{s, j})
		}
	}
	for _, b := range f.Blocks {
		b.Preds = make([]Edge, len(p.predNames[b]))
	}
	for _, b := range f.Blocks {
		for i, e := range b.Succs {
			e.B.Preds[e.I] = Edge{b, i}
		}
	}
	for _, b := range f.Blocks {
		for j, e := range b.Preds {
			if e.B == nil {
				return fmt.Errorf("func %s: b%d lists b%d as predecessor #%d, but no such edge", f.Name, b.ID, p.predNames[b][j], j)
			}
		}
	}
	return nil
}
