package syntax

import (
	"fmt"
	"strings"
	"testing"
)

// paren renders an expression fully parenthesized, to test precedence.
func paren(e Expr) string {
	switch n := e.(type) {
	case *Name:
		return n.Id
	case *Int:
		return n.Value.String()
	case *Float:
		return n.Text
	case *Str:
		return fmt.Sprintf("%q", n.Value)
	case *Constant:
		return n.Value
	case *BinOp:
		return "(" + paren(n.X) + " " + n.Op + " " + paren(n.Y) + ")"
	case *UnaryOp:
		return "(" + n.Op + " " + paren(n.X) + ")"
	case *BoolOp:
		var parts []string
		for _, v := range n.Values {
			parts = append(parts, paren(v))
		}
		return "(" + strings.Join(parts, " "+n.Op+" ") + ")"
	case *Compare:
		s := "(" + paren(n.Left)
		for i, op := range n.Ops {
			s += " " + op + " " + paren(n.Comparators[i])
		}
		return s + ")"
	case *IfExp:
		return "(" + paren(n.Body) + " if " + paren(n.Test) + " else " + paren(n.Else) + ")"
	case *Call:
		var parts []string
		for _, a := range n.Args {
			parts = append(parts, paren(a))
		}
		for _, k := range n.Keywords {
			parts = append(parts, k.Name+"="+paren(k.Value))
		}
		return paren(n.Func) + "(" + strings.Join(parts, ", ") + ")"
	case *Attribute:
		return paren(n.X) + "." + n.Name
	case *Subscript:
		return paren(n.X) + "[" + paren(n.Index) + "]"
	case *Slice:
		opt := func(e Expr) string {
			if e == nil {
				return ""
			}
			return paren(e)
		}
		return opt(n.Lower) + ":" + opt(n.Upper) + ":" + opt(n.Step)
	case *Tuple:
		var parts []string
		for _, v := range n.Elts {
			parts = append(parts, paren(v))
		}
		return "tuple(" + strings.Join(parts, ", ") + ")"
	case *Starred:
		return "*" + paren(n.X)
	case *OtherExpr:
		var parts []string
		for _, v := range n.Children {
			parts = append(parts, paren(v))
		}
		return n.Kind + "{" + strings.Join(parts, ", ") + "}"
	}
	return fmt.Sprintf("?%T", e)
}

func parseExpr(t *testing.T, src string) Expr {
	t.Helper()
	m, d := Parse("t.py", []byte(src+"\n"))
	if d != nil {
		t.Fatalf("%q: %v", src, d)
	}
	es, ok := m.Body[0].(*ExprStmt)
	if !ok {
		t.Fatalf("%q: not an expression statement: %T", src, m.Body[0])
	}
	return es.Value
}

func TestPrecedence(t *testing.T) {
	tests := []struct{ src, want string }{
		{"a - b - c", "((a - b) - c)"},
		{"a ** b ** c", "(a ** (b ** c))"},
		{"-2**2", "(- (2 ** 2))"},
		{"2 ** -1", "(2 ** (- 1))"},
		{"-a * b", "((- a) * b)"},
		{"a + b * c", "(a + (b * c))"},
		{"a * b + c", "((a * b) + c)"},
		{"a | b ^ c & d << e + f", "(a | (b ^ (c & (d << (e + f)))))"},
		{"a < b <= c == d", "(a < b <= c == d)"},
		{"a not in b", "(a not in b)"},
		{"a is not b", "(a is not b)"},
		{"not a == b", "(not (a == b))"},
		{"not not a", "(not (not a))"},
		{"a and b or c and d", "((a and b) or (c and d))"},
		{"a or b or c", "(a or b or c)"},
		{"not a and b", "((not a) and b)"},
		{"a if b else c if d else e", "(a if b else (c if d else e))"},
		{"~a.b[c](d)", "(~ a.b[c](d))"},
		{"await x ** 2", "(await{x} ** 2)"},
		{"(a + b) * c", "((a + b) * c)"},
		{"a @ b // c % d / e", "((((a @ b) // c) % d) / e)"},
		{"x[1:2, ::3]", "x[tuple(1:2:, ::3)]"},
		{"f(*a, b=1, **c)", "f(*a, b=1, =c)"},
		{"lambda x, *y, z=1, **k: x + z", "lambda{1, (x + z)}"},
		{"[x for x in y if x]", "list comprehension{x, x, y, x}"},
		{"(x := 5)", ":={x, 5}"},
		{"a, *b", "tuple(a, *b)"},
		{"0x_FF + 1_000 + 0o17 + 0b101", "(((255 + 1000) + 15) + 5)"},
		{"'a' 'b' \"\\x41\\n\"", `"abA\n"`},
		{"r'\\n' b'\\x00'", ""},
	}
	for _, tt := range tests {
		if tt.want == "" {
			continue
		}
		if got := paren(parseExpr(t, tt.src)); got != tt.want {
			t.Errorf("%s:\n got  %s\n want %s", tt.src, got, tt.want)
		}
	}
}

func TestBigInt(t *testing.T) {
	e := parseExpr(t, "0xFFFF_FFFF_FFFF_FFFF_FFFF")
	if got := e.(*Int).Value.Text(16); got != "ffffffffffffffffffff" {
		t.Errorf("got %s", got)
	}
}

func TestStrings(t *testing.T) {
	tests := []struct{ src, want string }{
		{`"a\tb\x41\u00e9\101\\"`, "a\tbAé" + "A\\"},
		{`r"a\tb"`, `a\tb`},
		{`"\N{DASH}"`, `\N{DASH}`},
		{`"""x
y"""`, "x\ny"},
		{`b"\xff\101"`, "\xffA"},
		{`"a\
b"`, "ab"},
	}
	for _, tt := range tests {
		s, ok := parseExpr(t, tt.src).(*Str)
		if !ok || s.Value != tt.want {
			t.Errorf("%s: got %#v, want %q", tt.src, s, tt.want)
		}
	}
}

func TestFString(t *testing.T) {
	e := parseExpr(t, `f"a{x!r:>{w}}b{y=}" "c" f'{d["k"]}'`)
	f, ok := e.(*FString)
	if !ok {
		t.Fatalf("%T", e)
	}
	var got []string
	for _, p := range f.Parts {
		if p.Expr == nil {
			got = append(got, fmt.Sprintf("lit %q %s", p.Lit, pos(p.Sp)))
			continue
		}
		got = append(got, fmt.Sprintf("field %s conv=%q spec=%q debug=%v %q expr=%s %s", pos(p.Sp), p.Conv, p.Spec, p.Debug, p.DebugText, paren(p.Expr), pos(p.Expr.Span())))
	}
	want := []string{
		`lit "a" @1:3-1:4`,
		`field @1:4-1:14 conv="r" spec=">{w}" debug=false "" expr=x @1:5-1:6`,
		`lit "b" @1:14-1:15`,
		`field @1:15-1:19 conv="" spec="" debug=true "y=" expr=y @1:16-1:17`,
		`lit "c" @1:22-1:23`,
		`field @1:27-1:35 conv="" spec="" debug=false "" expr=d["k"] @1:28-1:34`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestStatements checks that every statement form parses, and what it
// becomes.
func TestStatements(t *testing.T) {
	tests := []struct{ src, want string }{
		{"pass", "*syntax.Pass"},
		{"x = y = 1", "*syntax.Assign"},
		{"x += 1", "*syntax.AugAssign"},
		{"x: int = 1", "*syntax.AnnAssign"},
		{"x: list[int]", "*syntax.AnnAssign"},
		{"a, *b = c", "*syntax.Assign"},
		{"[a, b] = c", "*syntax.Assign"},
		{"x.y[0] = 1", "*syntax.Assign"},
		{"for x, y in z: pass\nelse: pass", "*syntax.For"},
		{"async def f():\n  async for x in y: pass", "*syntax.FunctionDef"},
		{"while x: break\nelse: continue", "*syntax.While"},
		{"if a: pass\nelif b: pass\nelse: pass", "*syntax.If"},
		{"import a.b as c, d", "*syntax.Import"},
		{"from . import (a, b as c,)", "*syntax.ImportFrom"},
		{"from .. x import *", "*syntax.ImportFrom"},
		{"global a, b", "*syntax.Global"},
		{"def f():\n  nonlocal a", "*syntax.FunctionDef"},
		{"return", "*syntax.Return"},
		{"del a, b[0]", `*syntax.OtherStmt "del"`},
		{"assert x, 'm'", `*syntax.OtherStmt "assert"`},
		{"raise E from e", `*syntax.OtherStmt "raise"`},
		{"raise", `*syntax.OtherStmt "raise"`},
		{"try: pass\nexcept E as e: pass\nexcept: pass\nelse: pass\nfinally: pass", `*syntax.OtherStmt "try"`},
		{"try: pass\nexcept* E: pass", `*syntax.OtherStmt "try"`},
		{"try: pass\nfinally: pass", `*syntax.OtherStmt "try"`},
		{"with a as b, c: pass", `*syntax.OtherStmt "with"`},
		{"with (a as b, c as d,): pass", `*syntax.OtherStmt "with"`},
		{"with (a, b) as c: pass", `*syntax.OtherStmt "with"`},
		{"with (yield): pass", `*syntax.OtherStmt "with"`},
		{"async def f():\n  async with a: pass", "*syntax.FunctionDef"},
		{"match x:\n  case [1, *r] | {'k': _, **kw} | P(a, b=c) | -1 | 1+2j | None | a.b as z if z: pass\n  case _: pass", `*syntax.OtherStmt "match"`},
		{"match = 1", "*syntax.Assign"},
		{"match(x)", "*syntax.ExprStmt"},
		{"match.x = case", "*syntax.Assign"},
		{"type X = int", `*syntax.OtherStmt "type"`},
		{"type X[T] = list[T]", `*syntax.OtherStmt "type"`},
		{"type(x)", "*syntax.ExprStmt"},
		{"type = 3", "*syntax.Assign"},
		{"def f[T: int, *Ts, **P](a, /, b=1, *c: *Ts, d, e=2, **f) -> T | None: ...", "*syntax.FunctionDef"},
		{"class C[T](B, metaclass=M):\n  x = 1\n  def m(self): pass", "*syntax.ClassDef"},
		{"@a.b(c)\n@d[0] or e\nclass C: pass", "*syntax.ClassDef"},
		{"x = yield y", "*syntax.Assign"},
		{"x = yield from y", "*syntax.Assign"},
		{"x = await y", "*syntax.Assign"},
		{"if (n := 1): pass", "*syntax.If"},
		{"x = {**a, 'b': 1}; y = {*a, b}; z = {k: v for k, v in d}", "*syntax.Assign"},
		{"g = (x async for x in y if x for z in x)", "*syntax.Assign"},
		{"print(x, *y, sep='', **z)", "*syntax.ExprStmt"},
		{"x = a[1:2, ::3, ..., *b]", "*syntax.Assign"},
		{"x = 1 if y else 2", "*syntax.Assign"},
		{"f(x for x in y)", "*syntax.ExprStmt"},
		{"lambda: (yield)", "*syntax.ExprStmt"},
		{"x = f'{x!r:>10}' 'a' rb'b'" + "[0:0]", ""},
		{"x = 1; y = 2;", "*syntax.Assign"},
		{"if x: a = 1; b = 2", "*syntax.If"},
		{"def f(*, a): pass", "*syntax.FunctionDef"},
		{"def f(a, /): pass", "*syntax.FunctionDef"},
		{"return *a, b", "*syntax.Return"},
	}
	for _, tt := range tests {
		m, d := Parse("t.py", []byte(tt.src+"\n"))
		if tt.want == "" {
			if d == nil {
				t.Errorf("%q: expected an error", tt.src)
			}
			continue
		}
		if d != nil {
			t.Errorf("%q: %v", tt.src, d)
			continue
		}
		got := fmt.Sprintf("%T", m.Body[0])
		if o, ok := m.Body[0].(*OtherStmt); ok {
			got += fmt.Sprintf(" %q", o.Kind)
		}
		if got != tt.want {
			t.Errorf("%q: got %s, want %s", tt.src, got, tt.want)
		}
	}
}

func TestElifChain(t *testing.T) {
	m, d := Parse("t.py", []byte("if a:\n  pass\nelif b:\n  pass\nelif c:\n  pass\nelse:\n  x\n"))
	if d != nil {
		t.Fatal(d)
	}
	top := m.Body[0].(*If)
	e1 := top.Else[0].(*If)
	e2 := e1.Else[0].(*If)
	if top.IsElif || !e1.IsElif || !e2.IsElif || len(e2.Else) != 1 || pos(e1.Sp) != "@3:1-3:8" {
		t.Errorf("bad chain: %s", Dump(m))
	}
}

func TestParams(t *testing.T) {
	m, d := Parse("t.py", []byte("def f(a, b, /, c, *d, e, **f): pass\ndef g(a, *, b=1): pass\n"))
	if d != nil {
		t.Fatal(d)
	}
	var got []string
	for _, s := range m.Body {
		for _, p := range s.(*FunctionDef).Params {
			got = append(got, fmt.Sprintf("%s:%d", p.Name, p.Kind))
		}
	}
	want := "a:1 b:1 c:0 d:2 e:3 f:4 a:0 b:3"
	if strings.Join(got, " ") != want {
		t.Errorf("got %v want %s", got, want)
	}
}

func TestSpans(t *testing.T) {
	src := "@bpf\n@section(\"xdp\")\ndef on_xdp(ctx: c_void_p) -> c_int64:\n    x = (a + b) * c.d[0]\n    return x\n"
	m, d := Parse("t.py", []byte(src))
	if d != nil {
		t.Fatal(d)
	}
	f := m.Body[0].(*FunctionDef)
	as := f.Body[0].(*Assign)
	bin := as.Value.(*BinOp)
	checks := []struct {
		n    Node
		want string
	}{
		{f, "@3:1-3:38"},
		{f.Decorators[1], "@2:2-2:16"},
		{f.Params[0], "@3:12-3:25"},
		{as, "@4:5-4:25"},
		{bin, "@4:9-4:25"},
		{bin.X, "@4:10-4:15"},
		{bin.Y, "@4:19-4:25"},
		{bin.Y.(*Subscript).X, "@4:19-4:22"},
		{f.Body[1], "@5:5-5:13"},
	}
	for i, c := range checks {
		if got := pos(c.n.Span()); got != c.want {
			t.Errorf("check %d (%T): got %s want %s", i, c.n, got, c.want)
		}
	}
	if pos(f.NameSpan) != "@3:5-3:11" || pos(bin.OpSpan) != "@4:17-4:18" || pos(bin.Y.(*Subscript).X.(*Attribute).NameSpan) != "@4:21-4:22" {
		t.Errorf("name/op spans: %s %s", pos(f.NameSpan), pos(bin.OpSpan))
	}
}

func TestParseErrors(t *testing.T) {
	long := strings.Repeat("x = 1\n", 39) + "y = foo(1,\n" + strings.Repeat("z = 2\n", 5)
	tests := []struct{ src, want string }{
		{long, "40:8: error: '(' was never closed"},
		{"if x\n    pass\n", "1:5: error: expected ':'"},
		{"def f:\n  pass\n", "1:6: error: expected '('"},
		{"if x:\npass\n", "2:1: error: expected an indented block"},
		{"  x = 1\n", "1:3: error: unexpected indent"},
		{"x = 1\n    y = 2\n", "2:5: error: unexpected indent"},
		// participle backtracks over the first '=', so the error is at it.
		{"x = = 1\n", "1:3: error: invalid syntax"},
		{"1 = x\n", "1:1: error: cannot assign to literal"},
		{"f() = 1\n", "1:1: error: cannot assign to function call"},
		{"a + b += 1\n", "1:1: error: 'expression' is an illegal expression for augmented assignment"},
		{"del f()\n", "1:5: error: cannot delete function call"},
		{"a == not b\n", "1:6: error: invalid syntax"},
		{"def f(a=1, b): pass\n", "1:12: error: parameter without a default follows parameter with a default"},
		{"def f(*): pass\n", "1:7: error: named arguments must follow bare *"},
		{"f(a=1, b)\n", "1:8: error: positional argument follows keyword argument"},
		{"f(x for x in y, 1)\n", "1:3: error: generator expression must be parenthesized"},
		{"try:\n  pass\nx = 1\n", "1:1: error: expected 'except' or 'finally' block"},
		{"x = 'a' b'b'\n", "1:5: error: cannot mix bytes and nonbytes literals"},
		{"x = f'{a!x}'\n", "1:9: error: f-string: invalid conversion character \"x\": expected 's', 'r', or 'a'"},
		{"x = f'{a +}'\n", "1:11: error: f-string: expecting '}'"},
		{"class A(:\n  pass\n", "1:8: error: '(' was never closed"},
		{"x = \"\\x4\"\n", "1:6: error: (unicode error) truncated \\xXX escape"},
		{"for x in y:\n  pass\n else: pass\n", "3:2: error: unindent does not match any outer indentation level"},
		{"x = (a for a in b\n", "1:5: error: '(' was never closed"},
		{"x := 1\n", "1:1: error: invalid syntax"},
	}
	for _, tt := range tests {
		_, d := Parse("t.py", []byte(tt.src))
		got := ""
		if d != nil {
			got = d.Error()
		}
		if got != tt.want {
			t.Errorf("%q:\n got  %q\n want %q", tt.src, got, tt.want)
		}
	}
}
