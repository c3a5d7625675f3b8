package syntax

import (
	"strings"
	"testing"
)

// kinds lexes src and renders each token as KIND or KIND:text, so tables
// stay short.
func kinds(t *testing.T, src string) string {
	t.Helper()
	toks, d := Tokens("t.py", []byte(src))
	if d != nil {
		t.Fatalf("%q: unexpected error %v", src, d)
	}
	var out []string
	for _, tk := range toks {
		switch tk.Kind {
		case "NEWLINE", "INDENT", "DEDENT", "EOF":
			out = append(out, tk.Kind)
		default:
			out = append(out, tk.Text)
		}
	}
	return strings.Join(out, " ")
}

func TestLexer(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"simple", "x = 1\n", "x = 1 NEWLINE EOF"},
		{"no trailing newline", "x", "x NEWLINE EOF"},
		{"indent", "if a:\n    b\nc\n", "if a : NEWLINE INDENT b NEWLINE DEDENT c NEWLINE EOF"},
		{"nested dedent at eof", "if a:\n  if b:\n    c", "if a : NEWLINE INDENT if b : NEWLINE INDENT c NEWLINE DEDENT DEDENT EOF"},
		{"blank and comment lines", "a\n\n   # c\n\t\nb # t\n", "a NEWLINE b NEWLINE EOF"},
		{"tab is eight", "if a:\n\tif b:\n\t        c\n\td\n", "if a : NEWLINE INDENT if b : NEWLINE INDENT c NEWLINE DEDENT d NEWLINE DEDENT EOF"},
		{"brackets join lines", "x = (1,\n  2\n)\ny", "x = ( 1 , 2 ) NEWLINE y NEWLINE EOF"},
		{"backslash", "x = 1 + \\\n    2\n", "x = 1 + 2 NEWLINE EOF"},
		{"operators", "a **= b //= c @= d := e -> ... != <<= >>=", "a **= b //= c @= d := e -> ... != <<= >>= NEWLINE EOF"},
		{"numbers", "0x_FF 0o17 0b1 1_000 1.5 1e5 1E-5 2j .5 1. 0 00 1.5j", "0x_FF 0o17 0b1 1_000 1.5 1e5 1E-5 2j .5 1. 0 00 1.5j NEWLINE EOF"},
		{"string prefixes", `r'a' b"b" u'c' f"d" rb'e' BR"f" Fr'g' rF"h"`, `r'a' b"b" u'c' f"d" rb'e' BR"f" Fr'g' rF"h" NEWLINE EOF`},
		{"triple quoted", "s = '''a\nb'''\n", "s = '''a\nb''' NEWLINE EOF"},
		{"escaped quote", `s = "a\"b"`, `s = "a\"b" NEWLINE EOF`},
		{"fstring nested", `f"{d['k']}" f"{x:{w}}" f'{f"{y}"}'`, `f"{d['k']}" f"{x:{w}}" f'{f"{y}"}' NEWLINE EOF`},
		{"fstring braces", `f"{{x}} {y!r:>{w}}"`, `f"{{x}} {y!r:>{w}}" NEWLINE EOF`},
		{"fstring 3.12 same quotes", `f"{d["k"]}"`, `f"{d["k"]}" NEWLINE EOF`},
		{"match soft keyword", "match x:\n  case 1: pass\nmatch(x)\n", "match x : NEWLINE INDENT case 1 : pass NEWLINE DEDENT match ( x ) NEWLINE EOF"},
		{"crlf and bom", "\ufeffa = 1\r\nb = 2\r\n", "a = 1 NEWLINE b = 2 NEWLINE EOF"},
		{"cr only", "a\rb\r", "a NEWLINE b NEWLINE EOF"},
		{"unicode names", "café = π", "café = π NEWLINE EOF"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := kinds(t, tt.src); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

func TestLexerKinds(t *testing.T) {
	toks, d := Tokens("t.py", []byte("match x:\n    case 1: pass\n"))
	if d != nil {
		t.Fatal(d)
	}
	got := FormatTokens(toks)
	want := `1:1 KEYWORD "match"
1:7 NAME "x"
1:8 OP ":"
1:9 NEWLINE "\n"
2:5 INDENT ""
2:5 NAME "case"
2:10 NUMBER "1"
2:11 OP ":"
2:13 KEYWORD "pass"
2:17 NEWLINE "\n"
3:1 DEDENT ""
3:1 EOF ""
`
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestLexerPositions(t *testing.T) {
	toks, d := Tokens("t.py", []byte("if a:\n\tπ = 'é'\n"))
	if d != nil {
		t.Fatal(d)
	}
	// Columns count code points; a tab is one column.
	want := map[string]string{"π": "2:2-2:3", "'é'": "2:6-2:9", "\n": "2:9-3:1"}
	for _, tk := range toks {
		if w, ok := want[tk.Text]; ok {
			got := tk.Sp.Start.String() + "-" + tk.Sp.End.String()
			if got != w && !(tk.Text == "\n" && tk.Sp.Start.Line == 1) {
				t.Errorf("%q at %s, want %s", tk.Text, got, w)
			}
		}
	}
}

func TestLexerErrors(t *testing.T) {
	tests := []struct{ src, want string }{
		{"x = (1,\n2\n", "1:5: error: '(' was never closed"},
		{"x = 'abc\n", "1:5: error: unterminated string literal (detected at line 1)"},
		{"x = 1\ny = '''abc\n\n", "2:5: error: unterminated triple-quoted string literal (detected at line 4)"},
		{"if a:\n    b\n  c\n", "3:3: error: unindent does not match any outer indentation level"},
		{"x = )\n", "1:5: error: unmatched ')'"},
		{"x = (]\n", "1:6: error: closing parenthesis ']' does not match opening parenthesis '('"},
		{"a\x00b", "1:2: error: source code cannot contain null bytes"},
		{"a = '\xff'", "1:6: error: invalid UTF-8 byte 0xff in source (the file must be UTF-8)"},
		{"x = 1 \\ 2", "1:7: error: unexpected character after line continuation character"},
		{"x = $", "1:5: error: invalid character '$' (U+0024)"},
		{"x = 0777", "1:5: error: leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers"},
		{"x = 1__0", "1:6: error: invalid decimal literal"},
		{"x = 0x", "1:5: error: invalid hexadecimal literal"},
		{"x = f'{a'", "1:5: error: unterminated string literal (detected at line 1)"},
		{"x = f'a}'", "1:8: error: f-string: single '}' is not allowed"},
		{"x = f'{}'", "1:7: error: f-string: empty expression not allowed"},
		{"if a:\n\tb\n        c\n", "3:9: error: inconsistent use of tabs and spaces in indentation"},
		{"if a:\n        b\n\tc\n", "3:2: error: inconsistent use of tabs and spaces in indentation"},
	}
	for _, tt := range tests {
		_, d := Tokens("t.py", []byte(tt.src))
		got := ""
		if d != nil {
			got = d.Error()
		}
		if got != tt.want {
			t.Errorf("%q:\n got  %q\n want %q", tt.src, got, tt.want)
		}
	}
}

// TestGlobalKeepsEveryName: participle overwrites a []lexer.Token capture,
// so `global a, b` once kept only `b`.
func TestGlobalKeepsEveryName(t *testing.T) {
	m, d := Parse("g.py", []byte("global a, b, c\n"))
	if d != nil {
		t.Fatal(d)
	}
	g := m.Body[0].(*Global)
	if len(g.Names) != 3 || g.Names[0] != "a" || g.Names[2] != "c" || len(g.Spans) != 3 || g.Spans[1].Start.Col != 11 {
		t.Errorf("got %v %v", g.Names, g.Spans)
	}
}
