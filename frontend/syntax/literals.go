package syntax

import (
	"math/big"
	"strconv"
	"strings"
	"unicode/utf8"

	plexer "github.com/alecthomas/participle/v2/lexer"

	"github.com/pybpfc/pybpfc/internal/diag"
)

// number converts a NUMBER token the lexer has already validated.
func (c *converter) number(text string, sp diag.Span) Expr {
	clean := strings.ReplaceAll(text, "_", "")
	lower := strings.ToLower(clean)
	base := 10
	digits := clean
	if len(lower) > 1 && lower[0] == '0' {
		switch lower[1] {
		case 'x':
			base, digits = 16, clean[2:]
		case 'o':
			base, digits = 8, clean[2:]
		case 'b':
			base, digits = 2, clean[2:]
		}
	}
	if base == 10 && strings.ContainsAny(lower, ".ej") {
		return &Float{Sp: sp, Text: text}
	}
	v, ok := new(big.Int).SetString(digits, base)
	if !ok {
		c.fail(sp, "invalid number literal %q", text)
	}
	return &Int{Sp: sp, Text: text, Value: v}
}

// strLit describes one string token.
type strLit struct {
	raw, bytes, f bool
	quote         byte
	triple        bool
	body          int // byte offset of the body in the source
	bodyEnd       int
}

func (c *converter) splitString(t *tok) strLit {
	q := strings.IndexAny(t.text, `'"`)
	prefix := strings.ToLower(t.text[:q])
	l := strLit{raw: strings.Contains(prefix, "r"), bytes: strings.Contains(prefix, "b"), f: strings.Contains(prefix, "f"), quote: t.text[q]}
	n := 1
	if strings.HasPrefix(t.text[q:], strings.Repeat(string(l.quote), 3)) && len(t.text)-q >= 6 {
		l.triple, n = true, 3
	}
	l.body = t.off + q + n
	l.bodyEnd = t.end - n
	return l
}

// strings converts implicitly concatenated string tokens into one Str, or
// an FString when any of them is an f-string.
func (c *converter) strings(ts []plexer.Token) Expr {
	sp := c.span(ts)
	var parts []FStringPart
	anyF, anyBytes, anyText := false, false, false
	for _, pt := range ts {
		t := &c.toks[pt.Pos.Offset]
		l := c.splitString(t)
		if l.bytes {
			anyBytes = true
		} else {
			anyText = true
		}
		if anyBytes && anyText {
			c.fail(sp, "cannot mix bytes and nonbytes literals")
		}
		if !l.f {
			parts = appendLit(parts, c.decode(l, l.body, l.bodyEnd), c.src.spanOf(l.body, l.bodyEnd))
			continue
		}
		anyF = true
		_, fps, d := scanFString(c.src, l.body, len(c.src.text), l.quote, l.triple, l.raw)
		if d != nil {
			panic(bailout{d})
		}
		for _, fp := range fps {
			if !fp.field {
				parts = appendLit(parts, c.decode(l, fp.off, fp.end), c.src.spanOf(fp.off, fp.end))
				continue
			}
			parts = append(parts, c.field(fp))
		}
	}
	if !anyF {
		var b strings.Builder
		for _, p := range parts {
			b.WriteString(p.Lit)
		}
		return &Str{Sp: sp, Value: b.String(), IsBytes: anyBytes}
	}
	return &FString{Sp: sp, Parts: parts}
}

// appendLit merges adjacent literal text so an FString alternates
// literals and fields.
func appendLit(parts []FStringPart, s string, sp diag.Span) []FStringPart {
	if s == "" {
		return parts
	}
	if n := len(parts); n > 0 && parts[n-1].Expr == nil {
		parts[n-1].Lit += s
		parts[n-1].Sp = diag.Join(parts[n-1].Sp, sp)
		return parts
	}
	return append(parts, FStringPart{Lit: s, Sp: sp})
}

// field parses one replacement field's expression in place, so its spans
// are real source positions.
func (c *converter) field(fp fpart) FStringPart {
	p := FStringPart{Sp: c.src.spanOf(fp.off, fp.end)}
	toks, d := lexField(c.src, fp.exprOff, fp.exprEnd)
	if d != nil {
		panic(bailout{d})
	}
	toks = append(toks, tok{kind: tEOF, off: fp.exprEnd, end: fp.exprEnd, start: c.src.pos(fp.exprEnd), fin: c.src.pos(fp.exprEnd)})
	cst, d := parseTokens(&fieldParser, c.filename, toks)
	if d != nil {
		if toks[len(toks)-1].start == d.Span.Start {
			d.Msg = "expecting '}'"
		}
		d.Msg = "f-string: " + d.Msg
		panic(bailout{d})
	}
	sub := &converter{src: c.src, toks: toks, filename: c.filename}
	if cst.Yield != nil {
		p.Expr = sub.yield(cst.Yield)
	} else {
		p.Expr = sub.exprList(cst.Items, false)
	}
	if fp.debug {
		p.Debug = true
		p.DebugText = c.src.text[fp.exprOff:fp.debugEnd]
	}
	if fp.convOff > 0 {
		p.Conv = strings.TrimSpace(c.src.text[fp.convOff:fp.convEnd])
		if p.Conv != "r" && p.Conv != "s" && p.Conv != "a" {
			c.fail(c.src.spanOf(fp.convOff-1, fp.convEnd), "f-string: invalid conversion character %q: expected 's', 'r', or 'a'", p.Conv)
		}
	}
	if fp.specOff >= 0 {
		p.Spec = c.src.text[fp.specOff:fp.specEnd]
	}
	return p
}

// decode applies Python's escape rules to src.text[from:to]. Raw strings
// are returned as written; `\N{...}` is kept undecoded.
func (c *converter) decode(l strLit, from, to int) string {
	s := c.src.text[from:to]
	if l.bytes {
		for i := 0; i < len(s); i++ {
			if s[i] >= utf8.RuneSelf {
				c.fail(c.src.spanOf(from+i, from+i+1), "bytes can only contain ASCII literal characters")
			}
		}
	}
	if l.raw || strings.IndexByte(s, '\\') < 0 {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		ch := s[i]
		if ch != '\\' || i+1 >= len(s) {
			b.WriteByte(ch)
			continue
		}
		i++
		e := s[i]
		switch e {
		case '\n':
		case '\\', '\'', '"':
			b.WriteByte(e)
		case 'a':
			b.WriteByte(7)
		case 'b':
			b.WriteByte(8)
		case 'f':
			b.WriteByte(12)
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case 't':
			b.WriteByte('\t')
		case 'v':
			b.WriteByte(11)
		case '0', '1', '2', '3', '4', '5', '6', '7':
			j := i
			for j < len(s) && j < i+3 && s[j] >= '0' && s[j] <= '7' {
				j++
			}
			v, _ := strconv.ParseUint(s[i:j], 8, 32)
			c.writeCode(&b, l, rune(v))
			i = j - 1
		case 'x', 'u', 'U':
			n := map[byte]int{'x': 2, 'u': 4, 'U': 8}[e]
			if (e == 'u' || e == 'U') && l.bytes {
				b.WriteByte('\\')
				b.WriteByte(e)
				continue
			}
			if !isHex(s[i+1:min(i+1+n, len(s))], n) {
				c.fail(c.src.spanOf(from+i-1, from+min(i+1+n, len(s))), "(unicode error) truncated \\%cXX escape", e)
			}
			v, _ := strconv.ParseUint(s[i+1:i+1+n], 16, 32)
			if v > maxUnicode {
				c.fail(c.src.spanOf(from+i-1, from+i+1+n), "(unicode error) illegal Unicode character")
			}
			c.writeCode(&b, l, rune(v))
			i += n
		default:
			// Unknown escapes (and \N{...}) stay as written.
			b.WriteByte('\\')
			b.WriteByte(e)
		}
	}
	return b.String()
}

const maxUnicode = 0x10FFFF

func isHex(s string, n int) bool {
	if len(s) != n {
		return false
	}
	for i := 0; i < len(s); i++ {
		ch := s[i] | 0x20
		if !(s[i] >= '0' && s[i] <= '9' || ch >= 'a' && ch <= 'f') {
			return false
		}
	}
	return true
}

// writeCode writes a code point: a byte in bytes literals, UTF-8 otherwise.
func (c *converter) writeCode(b *strings.Builder, l strLit, r rune) {
	if l.bytes {
		b.WriteByte(byte(r))
		return
	}
	b.WriteRune(r)
}
