package syntax

import (
	"strings"

	"github.com/pybpfc/pybpfc/internal/diag"
)

// fpart is one piece of an f-string body found by scanFString. All offsets
// are absolute byte offsets into the normalized source, so the expression
// of a field can be lexed in place and its positions are the real ones.
type fpart struct {
	field    bool
	off, end int // literal: the raw text; field: from '{' to just past '}'
	// The fields below are for replacement fields only.
	exprOff, exprEnd int  // the expression text
	debug            bool // `{x=}`
	debugEnd         int  // end of the "x=" text (with the spaces as written)
	convOff, convEnd int  // the conversion letters after '!' (empty if none)
	specOff, specEnd int  // the format spec after ':' (specOff < 0 if none)
}

// scanFString scans an f-string body starting at i (just past the opening
// quotes) up to limit. It returns the offset just past the closing quotes
// and the parts. An unterminated string is reported as a Diagnostic with
// an empty message so the caller can word it against the literal's start.
//
// Replacement fields may contain brackets and string literals of any kind,
// including ones that reuse the outer quote character (Python 3.12 nesting),
// so `f"{d['k']}"`, `f"{x:{w}}"` and `f"{f'{y}'}"` all scan correctly.
func scanFString(src *source, i, limit int, quote byte, triple, raw bool) (int, []fpart, *diag.Diagnostic) {
	s := src.text[:limit]
	var parts []fpart
	litStart := i
	flush := func(end, next int) {
		if end > litStart {
			parts = append(parts, fpart{off: litStart, end: end})
		}
		litStart = next
	}
	for i < len(s) {
		c := s[i]
		switch {
		case c == '\\':
			i += 2
			continue
		case c == '\n' && !triple:
			return 0, nil, &diag.Diagnostic{}
		case c == quote:
			if !triple {
				flush(i, i)
				return i + 1, parts, nil
			}
			if i+2 < len(s) && s[i+1] == quote && s[i+2] == quote {
				flush(i, i)
				return i + 3, parts, nil
			}
		case c == '{':
			if i+1 < len(s) && s[i+1] == '{' {
				flush(i+1, i+2) // keep one '{' as literal text
				i += 2
				continue
			}
			flush(i, i)
			p, end, d := scanField(src, i, limit, quote, triple)
			if d != nil {
				return 0, nil, d
			}
			parts = append(parts, p)
			i = end
			litStart = end
			continue
		case c == '}':
			if i+1 < len(s) && s[i+1] == '}' {
				flush(i+1, i+2)
				i += 2
				continue
			}
			return 0, nil, diag.Errorf(src.spanOf(i, i+1), "f-string: single '}' is not allowed")
		}
		i++
	}
	return 0, nil, &diag.Diagnostic{}
}

// scanField scans one replacement field starting at its '{'.
func scanField(src *source, open, limit int, quote byte, triple bool) (fpart, int, *diag.Diagnostic) {
	s := src.text[:limit]
	p := fpart{field: true, off: open, exprOff: open + 1, specOff: -1}
	i := open + 1
	depth := 0
	errAt := func(at int, msg string) (fpart, int, *diag.Diagnostic) {
		return p, 0, diag.Errorf(src.spanOf(at, at+1), "%s", msg)
	}
	exprDone := func(at int) {
		if p.exprEnd == 0 {
			p.exprEnd = at
		}
	}
	for i < len(s) {
		c := s[i]
		switch {
		case c == '\n' && !triple:
			return p, 0, &diag.Diagnostic{}
		case c == '\\' && p.specOff < 0:
			return errAt(i, "f-string expression part cannot include a backslash")
		case (c == '\'' || c == '"') && p.specOff < 0 && p.convOff == 0:
			end, d := scanNestedString(src, i, limit)
			if d != nil {
				return p, 0, d
			}
			i = end
			continue
		case c == quote && (!triple || strings.HasPrefix(s[i:], strings.Repeat(string(quote), 3))):
			// The closing quote inside a conversion or format spec: the
			// field was never closed.
			return errAt(open, "f-string: expecting '}'")
		case c == '(' || c == '[' || c == '{':
			if p.specOff >= 0 && c == '{' {
				// A nested field in the format spec, such as {x:{w}}.
				_, end, d := scanField(src, i, limit, quote, triple)
				if d != nil {
					return p, 0, d
				}
				i = end
				continue
			}
			depth++
		case c == ')' || c == ']' || (c == '}' && depth > 0):
			depth--
			if depth < 0 {
				return errAt(i, "f-string: unmatched '"+string(c)+"'")
			}
		case c == '}':
			exprDone(i)
			if p.specOff >= 0 {
				p.specEnd = i
			}
			if p.convOff > 0 && p.convEnd == 0 {
				p.convEnd = i
			}
			if strings.TrimSpace(src.text[p.exprOff:p.exprEnd]) == "" {
				return errAt(open, "f-string: empty expression not allowed")
			}
			p.end = i + 1
			return p, i + 1, nil
		case depth == 0 && p.specOff < 0:
			switch {
			case c == '!' && i+1 < len(s) && s[i+1] == '=' && p.convOff == 0:
				i += 2
				continue
			case (c == '=' || c == '<' || c == '>') && i+1 < len(s) && s[i+1] == '=' && p.convOff == 0:
				i += 2
				continue
			case c == '=' && p.convOff == 0 && !p.debug:
				exprDone(i)
				p.debug = true
				j := i + 1
				for j < len(s) && (s[j] == ' ' || s[j] == '\t' || s[j] == '\n') {
					j++
				}
				p.debugEnd = j
				i = j
				continue
			case c == '!' && p.convOff == 0:
				exprDone(i)
				p.convOff = i + 1
			case c == ':':
				exprDone(i)
				if p.convOff > 0 && p.convEnd == 0 {
					p.convEnd = i
				}
				p.specOff = i + 1
			case p.debug && c != ' ' && c != '\t' && c != '\n' && p.convOff == 0:
				return errAt(i, "f-string: expecting '}'")
			}
		}
		i++
	}
	return p, 0, &diag.Diagnostic{}
}

// scanNestedString skips a string literal inside a replacement field; the
// quote is at i and an optional prefix sits just before it (already
// consumed as part of the expression text).
func scanNestedString(src *source, i, limit int) (int, *diag.Diagnostic) {
	s := src.text[:limit]
	j := i
	for j > 0 && isASCIILetter(s[j-1]) {
		j--
	}
	prefix := strings.ToLower(s[j:i])
	if j > 0 && (isASCIILetter(s[j-1]) || s[j-1] >= '0' && s[j-1] <= '9' || s[j-1] == '_') || !isStringPrefix(prefix) {
		prefix = ""
	}
	q := s[i]
	triple := strings.HasPrefix(s[i:], strings.Repeat(string(q), 3))
	body := i + 1
	if triple {
		body = i + 3
	}
	if strings.Contains(prefix, "f") {
		end, _, d := scanFString(src, body, limit, q, triple, strings.Contains(prefix, "r"))
		return end, d
	}
	lx := &lexer{src: src, s: src.text, limit: limit}
	end := lx.scanPlain(body, q, triple)
	if end < 0 {
		// Reported by the caller as the enclosing literal being
		// unterminated, which is what the user sees.
		return 0, &diag.Diagnostic{}
	}
	return end, nil
}

func isASCIILetter(b byte) bool { return b|0x20 >= 'a' && b|0x20 <= 'z' }
