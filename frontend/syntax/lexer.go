package syntax

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/pybpfc/pybpfc/internal/diag"
)

// tokKind is the lexical class of a token. The names double as participle
// token-type symbols (grammar.go refers to NEWLINE, INDENT, NAME, ...) and
// as the KIND column of `--emit=tokens`.
type tokKind int8

const (
	tEOF tokKind = iota
	tName
	tKeyword
	tNumber
	tString
	tFString
	tOp
	tNewline
	tIndent
	tDedent
)

var kindNames = [...]string{"EOF", "NAME", "KEYWORD", "NUMBER", "STRING", "FSTRING", "OP", "NEWLINE", "INDENT", "DEDENT"}

func (k tokKind) String() string { return kindNames[k] }

// tok is one lexed token: byte offsets into the normalized source plus the
// positions diagnostics need.
type tok struct {
	kind       tokKind
	text       string
	off, end   int // byte range in the normalized source
	start, fin diag.Pos
}

func (t *tok) span() diag.Span { return diag.Span{Start: t.start, End: t.fin} }

var keywords = map[string]bool{
	"False": true, "None": true, "True": true, "and": true, "as": true, "assert": true,
	"async": true, "await": true, "break": true, "class": true, "continue": true,
	"def": true, "del": true, "elif": true, "else": true, "except": true,
	"finally": true, "for": true, "from": true, "global": true, "if": true,
	"import": true, "in": true, "is": true, "lambda": true, "nonlocal": true,
	"not": true, "or": true, "pass": true, "raise": true, "return": true,
	"try": true, "while": true, "with": true, "yield": true,
}

// source is the normalized text (LF line ends, no BOM) with a line table,
// shared by the lexer and by f-string field sub-lexing so that positions
// inside fields come out right without any offset arithmetic.
type source struct {
	text       string
	lineStarts []int
	lastOff    int // cache for pos
	lastPos    diag.Pos
}

// newSource validates and normalizes raw bytes. CRLF and CR become LF, which
// changes no column and matches what Python does to string literal contents.
func newSource(raw []byte) (*source, *diag.Diagnostic) {
	s := string(raw)
	s = strings.TrimPrefix(s, "\ufeff")
	line, col := 1, 1
	for i := 0; i < len(s); {
		c := s[i]
		if c == 0 {
			return nil, diag.Errorf(diag.At(diag.Pos{Line: line, Col: col}), "source code cannot contain null bytes")
		}
		if c < utf8.RuneSelf {
			i++
			if c == '\n' || (c == '\r' && (i >= len(s) || s[i] != '\n')) {
				line, col = line+1, 1
			} else if c != '\r' {
				col++
			}
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			return nil, diag.Errorf(diag.At(diag.Pos{Line: line, Col: col}), "invalid UTF-8 byte 0x%02x in source (the file must be UTF-8)", c)
		}
		i += n
		col++
	}
	if strings.IndexByte(s, '\r') >= 0 {
		s = strings.ReplaceAll(s, "\r\n", "\n")
		s = strings.ReplaceAll(s, "\r", "\n")
	}
	src := &source{text: s, lineStarts: []int{0}}
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' {
			src.lineStarts = append(src.lineStarts, i+1)
		}
	}
	return src, nil
}

// pos converts a byte offset into a 1-based line and code-point column.
// The lexer asks in increasing order, so the last answer is kept and
// extended: without that a very long line would make lexing quadratic.
func (s *source) pos(off int) diag.Pos {
	if off >= s.lastOff && s.lastPos.Line > 0 && (s.lastPos.Line >= len(s.lineStarts) || off < s.lineStarts[s.lastPos.Line]) {
		p := s.lastPos
		p.Col += utf8.RuneCountInString(s.text[s.lastOff:off])
		s.lastOff, s.lastPos = off, p
		return p
	}
	lo, hi := 0, len(s.lineStarts)-1
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if s.lineStarts[mid] <= off {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	p := diag.Pos{Line: lo + 1, Col: utf8.RuneCountInString(s.text[s.lineStarts[lo]:off]) + 1}
	s.lastOff, s.lastPos = off, p
	return p
}

func (s *source) spanOf(off, end int) diag.Span {
	return diag.Span{Start: s.pos(off), End: s.pos(end)}
}

type bracket struct {
	c   byte
	off int
}

// lexer turns source text into tokens, including the NEWLINE/INDENT/DEDENT
// structure Python's grammar is written against.
type lexer struct {
	src      *source
	s        string
	i, limit int
	toks     []tok
	indents  []int // indentation columns (tabs to multiples of 8)
	alt      []int // the same with tabs counted as 1, to detect TabError
	brackets []bracket
	// lineFirst is the index in toks of the first token of the current
	// logical line, or -1 while the line is still empty.
	lineFirst int
	// inField lexes an f-string replacement field: no layout tokens.
	inField bool
	// nested counts `lambda` and `else` in the current logical line.
	nested int
}

// Limits that keep parser recursion bounded (Python has the same kind).
const (
	maxNesting     = 200
	maxIndent      = 100
	maxUnbracketed = 1000
)

func (lx *lexer) errAt(off int, format string, args ...any) *diag.Diagnostic {
	p := lx.src.pos(off)
	return diag.Errorf(diag.At(p), format, args...)
}

func (lx *lexer) emit(k tokKind, off, end int) {
	if lx.lineFirst < 0 && k != tIndent && k != tDedent && k != tNewline {
		lx.lineFirst = len(lx.toks)
	}
	start := lx.src.pos(off)
	fin := start
	text := lx.s[off:end]
	if nl := strings.Count(text, "\n"); nl > 0 {
		fin = lx.src.pos(end)
	} else {
		fin.Col += utf8.RuneCountInString(text)
	}
	lx.toks = append(lx.toks, tok{kind: k, text: text, off: off, end: end, start: start, fin: fin})
}

// lexSource tokenizes a whole module.
func lexSource(src *source) ([]tok, *diag.Diagnostic) {
	lx := &lexer{src: src, s: src.text, limit: len(src.text), indents: []int{0}, alt: []int{0}, lineFirst: -1}
	if d := lx.run(); d != nil {
		return nil, d
	}
	return lx.toks, nil
}

// lexField tokenizes the expression of an f-string replacement field,
// src.text[from:to], as if it sat inside brackets.
func lexField(src *source, from, to int) ([]tok, *diag.Diagnostic) {
	lx := &lexer{src: src, s: src.text, i: from, limit: to, indents: []int{0}, alt: []int{0}, lineFirst: -1, inField: true}
	if d := lx.run(); d != nil {
		return nil, d
	}
	return lx.toks, nil
}

func (lx *lexer) run() *diag.Diagnostic {
	atLineStart := !lx.inField
	for {
		if atLineStart {
			atLineStart = false
			if d := lx.indentation(); d != nil {
				return d
			}
		}
		if lx.i >= lx.limit {
			return lx.finish()
		}
		c := lx.s[lx.i]
		switch {
		case c == ' ' || c == '\t' || c == '\f':
			lx.i++
		case c == '#':
			for lx.i < lx.limit && lx.s[lx.i] != '\n' {
				lx.i++
			}
		case c == '\n':
			if len(lx.brackets) == 0 && !lx.inField {
				if lx.lineFirst >= 0 {
					lx.endLogicalLine(lx.i)
				}
				atLineStart = true
			}
			lx.i++
		case c == '\\':
			if lx.i+1 < lx.limit && lx.s[lx.i+1] == '\n' {
				lx.i += 2
				if lx.i >= lx.limit {
					return lx.errAt(lx.i-2, "unexpected EOF while parsing")
				}
				continue
			}
			if lx.i+1 >= lx.limit {
				return lx.errAt(lx.i, "unexpected EOF while parsing")
			}
			return lx.errAt(lx.i, "unexpected character after line continuation character")
		default:
			if d := lx.token(); d != nil {
				return d
			}
		}
	}
}

// endLogicalLine emits NEWLINE and decides whether a leading `match` was the
// soft keyword: a logical line that starts with `match` and ends with ':'
// can only be a match statement, so the lexer marks it KEYWORD and the
// grammar needs no unbounded lookahead to tell it from `match(x)`.
func (lx *lexer) endLogicalLine(at int) {
	first := &lx.toks[lx.lineFirst]
	last := &lx.toks[len(lx.toks)-1]
	if first.kind == tName && first.text == "match" && last.kind == tOp && last.text == ":" && lx.lineFirst != len(lx.toks)-1 {
		first.kind = tKeyword
	}
	end := at
	if at < lx.limit {
		end = at + 1
	}
	lx.emit(tNewline, at, end)
	lx.lineFirst = -1
	lx.nested = 0
}

// indentation measures the indentation of a new physical line and emits
// INDENT/DEDENT tokens positioned at its first character. Blank and
// comment-only lines do not count.
func (lx *lexer) indentation() *diag.Diagnostic {
	for {
		col, alt := 0, 0
		j := lx.i
		for j < lx.limit {
			switch lx.s[j] {
			case ' ':
				col++
				alt++
			case '\t':
				col = (col/8 + 1) * 8
				alt++
			case '\f':
				col, alt = 0, 0
			default:
				goto measured
			}
			j++
		}
	measured:
		if j >= lx.limit {
			lx.i = j
			return nil
		}
		switch lx.s[j] {
		case '\n':
			lx.i = j + 1
			continue
		case '#':
			for j < lx.limit && lx.s[j] != '\n' {
				j++
			}
			lx.i = j
			if j < lx.limit {
				lx.i++
				continue
			}
			return nil
		case '\\':
			// A continuation line's indentation does not matter, but the
			// logical line starts here.
		}
		lx.i = j
		top := lx.indents[len(lx.indents)-1]
		altTop := lx.alt[len(lx.alt)-1]
		switch {
		case col > top:
			if alt <= altTop {
				return lx.errAt(j, "inconsistent use of tabs and spaces in indentation")
			}
			if len(lx.indents) > maxIndent {
				return lx.errAt(j, "too many levels of indentation")
			}
			lx.indents = append(lx.indents, col)
			lx.alt = append(lx.alt, alt)
			lx.emit(tIndent, j, j)
		case col < top:
			for col < lx.indents[len(lx.indents)-1] {
				lx.indents = lx.indents[:len(lx.indents)-1]
				lx.alt = lx.alt[:len(lx.alt)-1]
				lx.emit(tDedent, j, j)
			}
			if col != lx.indents[len(lx.indents)-1] {
				return lx.errAt(j, "unindent does not match any outer indentation level")
			}
			if alt != lx.alt[len(lx.alt)-1] {
				return lx.errAt(j, "inconsistent use of tabs and spaces in indentation")
			}
		default:
			if alt != altTop {
				return lx.errAt(j, "inconsistent use of tabs and spaces in indentation")
			}
		}
		return nil
	}
}

func (lx *lexer) finish() *diag.Diagnostic {
	if len(lx.brackets) > 0 {
		b := lx.brackets[len(lx.brackets)-1]
		if lx.inField {
			return lx.errAt(b.off, "f-string: '%c' was never closed", b.c)
		}
		return lx.errAt(b.off, "'%c' was never closed", b.c)
	}
	if lx.inField {
		return nil
	}
	if lx.lineFirst >= 0 {
		lx.endLogicalLine(lx.limit)
	}
	for len(lx.indents) > 1 {
		lx.indents = lx.indents[:len(lx.indents)-1]
		lx.emit(tDedent, lx.limit, lx.limit)
	}
	lx.emit(tEOF, lx.limit, lx.limit)
	return nil
}

// threeCharOps and twoCharOps are tried longest first.
var threeCharOps = []string{"**=", "//=", ">>=", "<<=", "..."}
var twoCharOps = []string{"**", "//", ">>", "<<", "<=", ">=", "==", "!=", "->", ":=",
	"+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@="}

const oneCharOps = "+-*/%@&|^~<>()[]{},:;.="

func (lx *lexer) token() *diag.Diagnostic {
	start := lx.i
	c := lx.s[start]
	rest := lx.s[start:lx.limit]
	if c >= '0' && c <= '9' || c == '.' && len(rest) > 1 && rest[1] >= '0' && rest[1] <= '9' {
		return lx.number()
	}
	if c == '"' || c == '\'' {
		return lx.str(start, start)
	}
	r, n := utf8.DecodeRuneInString(rest)
	if isIDStart(r) {
		j := start + n
		for j < lx.limit {
			r, n := utf8.DecodeRuneInString(lx.s[j:lx.limit])
			if !isIDContinue(r) {
				break
			}
			j += n
		}
		word := lx.s[start:j]
		if j < lx.limit && (lx.s[j] == '"' || lx.s[j] == '\'') && isStringPrefix(word) {
			return lx.str(start, j)
		}
		k := tName
		if keywords[word] {
			k = tKeyword
			// `lambda` and `else` are the keywords that nest expressions
			// without brackets; bound them like brackets.
			if word == "lambda" || word == "else" {
				lx.nested++
				if lx.nested > maxUnbracketed {
					return lx.errAt(start, "expression too complex")
				}
			}
		}
		lx.i = j
		lx.emit(k, start, j)
		return nil
	}
	for _, op := range threeCharOps {
		if strings.HasPrefix(rest, op) {
			lx.i += 3
			lx.emit(tOp, start, lx.i)
			return nil
		}
	}
	for _, op := range twoCharOps {
		if strings.HasPrefix(rest, op) {
			lx.i += 2
			lx.emit(tOp, start, lx.i)
			return nil
		}
	}
	if strings.IndexByte(oneCharOps, c) >= 0 {
		if d := lx.trackBracket(c, start); d != nil {
			return d
		}
		lx.i++
		lx.emit(tOp, start, lx.i)
		return nil
	}
	if c == '!' {
		return lx.errAt(start, "invalid syntax")
	}
	if r == utf8.RuneError && n <= 1 {
		return lx.errAt(start, "invalid character in source")
	}
	return lx.errAt(start, "invalid character '%c' (U+%04X)", r, r)
}

func (lx *lexer) trackBracket(c byte, off int) *diag.Diagnostic {
	switch c {
	case '(', '[', '{':
		// Python's own limit; it also bounds the parser's recursion, as
		// a Go stack overflow could not be recovered.
		if len(lx.brackets) >= maxNesting {
			return lx.errAt(off, "too many nested parentheses")
		}
		lx.brackets = append(lx.brackets, bracket{c, off})
	case ')', ']', '}':
		open := map[byte]byte{')': '(', ']': '[', '}': '{'}[c]
		if len(lx.brackets) == 0 {
			return lx.errAt(off, "unmatched '%c'", c)
		}
		top := lx.brackets[len(lx.brackets)-1]
		if top.c != open {
			p := lx.src.pos(top.off)
			if p.Line != lx.src.pos(off).Line {
				return lx.errAt(off, "closing parenthesis '%c' does not match opening parenthesis '%c' on line %d", c, top.c, p.Line)
			}
			return lx.errAt(off, "closing parenthesis '%c' does not match opening parenthesis '%c'", c, top.c)
		}
		lx.brackets = lx.brackets[:len(lx.brackets)-1]
	}
	return nil
}

func isIDStart(r rune) bool {
	return r == '_' || r < utf8.RuneSelf && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') ||
		r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.Is(unicode.Nl, r) || unicode.Is(unicode.Other_ID_Start, r))
}

func isIDContinue(r rune) bool {
	return isIDStart(r) || r >= '0' && r <= '9' ||
		r >= utf8.RuneSelf && (unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r) ||
			unicode.Is(unicode.Pc, r) || unicode.Is(unicode.Other_ID_Continue, r))
}

// isStringPrefix accepts r, u, b, f, br, rb, fr, rf in any case.
func isStringPrefix(w string) bool {
	switch strings.ToLower(w) {
	case "r", "u", "b", "f", "br", "rb", "fr", "rf":
		return true
	}
	return false
}
