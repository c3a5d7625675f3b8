package syntax

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"

	"github.com/alecthomas/participle/v2"
	plexer "github.com/alecthomas/participle/v2/lexer"

	"github.com/pybpfc/pybpfc/internal/diag"
)

// Parse parses one Python source file. A syntax error gives exactly one
// diagnostic, the first; nothing in the input can make it panic.
func Parse(filename string, src []byte) (m *Module, d *diag.Diagnostic) {
	defer func() {
		if r := recover(); r != nil {
			if b, ok := r.(bailout); ok {
				m, d = nil, b.d
				return
			}
			m, d = nil, &diag.Diagnostic{Severity: diag.Internal,
				Msg: fmt.Sprintf("the parser crashed on %s: %v (please report this bug with the input file)", filename, r)}
		}
	}()
	s, d := newSource(src)
	if d != nil {
		return nil, d
	}
	toks, d := lexSource(s)
	if d != nil {
		return nil, d
	}
	cst, d := parseTokens(&moduleParser, filename, toks)
	if d != nil {
		return nil, d
	}
	c := &converter{src: s, toks: toks, filename: filename}
	return c.module(cst), nil
}

// Token is one lexical token, for `--emit=tokens`.
type Token struct {
	Kind string // NAME, KEYWORD, NUMBER, STRING, FSTRING, OP, NEWLINE, INDENT, DEDENT, EOF
	Text string
	Sp   diag.Span
}

// Tokens lexes src the way Parse does.
func Tokens(filename string, src []byte) ([]Token, *diag.Diagnostic) {
	s, d := newSource(src)
	if d != nil {
		return nil, d
	}
	toks, d := lexSource(s)
	if d != nil {
		return nil, d
	}
	out := make([]Token, len(toks))
	for i, t := range toks {
		out[i] = Token{Kind: t.kind.String(), Text: t.text, Sp: t.span()}
	}
	return out, nil
}

// FormatTokens prints one token per line as `LINE:COL KIND "text"`.
func FormatTokens(ts []Token) string {
	var b strings.Builder
	for _, t := range ts {
		fmt.Fprintf(&b, "%d:%d %s %q\n", t.Sp.Start.Line, t.Sp.Start.Col, t.Kind, t.Text)
	}
	return b.String()
}

// bailout carries the first conversion error out of deep recursion; Parse
// recovers it. Only convert.go raises it.
type bailout struct{ d *diag.Diagnostic }

// ------------------------------------------------------------ participle glue

// tokenDef is the participle lexer.Definition. Parse never calls Lex: it
// lexes first (to report lexical errors as our own diagnostics) and hands
// participle the finished token slice.
type tokenDef struct{}

func (tokenDef) Symbols() map[string]plexer.TokenType {
	m := map[string]plexer.TokenType{}
	for k, name := range kindNames {
		m[name] = tokType(tokKind(k))
	}
	return m
}

func (tokenDef) Lex(filename string, r io.Reader) (plexer.Lexer, error) {
	raw, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	s, d := newSource(raw)
	if d != nil {
		return nil, d
	}
	toks, d := lexSource(s)
	if d != nil {
		return nil, d
	}
	return &sliceLexer{toks: participleTokens(filename, toks)}, nil
}

func tokType(k tokKind) plexer.TokenType { return plexer.TokenType(-(int(k) + 1)) }

type sliceLexer struct {
	toks []plexer.Token
	i    int
}

func (l *sliceLexer) Next() (plexer.Token, error) {
	t := l.toks[l.i]
	if l.i < len(l.toks)-1 {
		l.i++
	}
	return t, nil
}

// participleTokens converts tokens; Pos.Offset holds the token's index so
// that spans and error positions map straight back to our tokens.
func participleTokens(filename string, toks []tok) []plexer.Token {
	out := make([]plexer.Token, len(toks))
	for i, t := range toks {
		out[i] = plexer.Token{Type: tokType(t.kind), Value: t.text,
			Pos: plexer.Position{Filename: filename, Offset: i, Line: t.start.Line, Column: t.start.Col}}
	}
	return out
}

var (
	buildOnce    sync.Once
	moduleParser *participle.Parser[cstModule]
	fieldParser  *participle.Parser[cstField]
)

// Lookahead 2 is enough for every choice the grammar leaves to participle
// (`name =` in calls, `name :=`, `not in`, trailing commas); more would
// only slow failing branches down and blur error positions.
const lookahead = 2

func buildParsers() {
	opts := []participle.Option{participle.Lexer(tokenDef{}), participle.UseLookahead(lookahead)}
	moduleParser = participle.MustBuild[cstModule](opts...)
	fieldParser = participle.MustBuild[cstField](opts...)
}

// cstField is the expression of an f-string replacement field.
type cstField struct {
	Yield *cstYield    `parser:"( @@"`
	Items *cstExprList `parser:"| @@ )"`
}

func parseTokens[G any](p **participle.Parser[G], filename string, toks []tok) (*G, *diag.Diagnostic) {
	buildOnce.Do(buildParsers)
	pl, err := plexer.Upgrade(&sliceLexer{toks: participleTokens(filename, toks)})
	if err != nil {
		return nil, diag.Errorf(diag.Span{}, "%v", err)
	}
	cst, err := (*p).ParseFromLexer(pl)
	if err != nil {
		return nil, syntaxError(err, toks)
	}
	return cst, nil
}

// syntaxError words a participle error the way Python would and puts it at
// the offending token.
func syntaxError(err error, toks []tok) *diag.Diagnostic {
	var perr participle.Error
	if !errors.As(err, &perr) {
		return diag.Errorf(diag.Span{}, "invalid syntax")
	}
	i := perr.Position().Offset
	if i < 0 || i >= len(toks) {
		i = len(toks) - 1
	}
	t := &toks[i]
	msg := perr.Message()
	expected := ""
	if k := strings.Index(msg, "(expected "); k >= 0 {
		expected = msg[k+len("(expected "):]
	}
	sp := t.span()
	switch {
	case t.kind == tIndent:
		return diag.Errorf(sp, "unexpected indent")
	case strings.HasPrefix(expected, "<indent>"):
		return diag.Errorf(sp, "expected an indented block")
	case strings.HasPrefix(expected, `":"`):
		return diag.Errorf(sp, "expected ':'")
	case strings.HasPrefix(expected, `"("`):
		return diag.Errorf(sp, "expected '('")
	case t.kind == tEOF:
		return diag.Errorf(sp, "unexpected end of file")
	}
	return diag.Errorf(sp, "invalid syntax")
}
