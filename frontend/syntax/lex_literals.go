package syntax

import (
	"strings"
	"unicode/utf8"

	"github.com/pybpfc/pybpfc/internal/diag"
)

// Number and string literal scanning for the lexer. Literals are only
// delimited and validated here; their values are computed in literals.go.

func (lx *lexer) number() *diag.Diagnostic {
	start := lx.i
	s := lx.s[:lx.limit]
	j := start
	digits := func(ok func(byte) bool) *diag.Diagnostic {
		// Underscores may only separate digits.
		prevDigit := j > start && ok(s[j-1])
		for j < len(s) {
			switch {
			case ok(s[j]):
				prevDigit = true
			case s[j] == '_':
				if !prevDigit || j+1 >= len(s) || !ok(s[j+1]) {
					return lx.errAt(j, "invalid decimal literal")
				}
				prevDigit = false
			default:
				return nil
			}
			j++
		}
		return nil
	}
	dec := func(b byte) bool { return b >= '0' && b <= '9' }
	if s[j] == '0' && j+1 < len(s) && strings.IndexByte("xXoObB", s[j+1]) >= 0 {
		var ok func(byte) bool
		name := "hexadecimal"
		switch s[j+1] | 0x20 {
		case 'x':
			ok = func(b byte) bool { return dec(b) || b|0x20 >= 'a' && b|0x20 <= 'f' }
		case 'o':
			ok = func(b byte) bool { return b >= '0' && b <= '7' }
			name = "octal"
		default:
			ok = func(b byte) bool { return b == '0' || b == '1' }
			name = "binary"
		}
		j += 2
		if j < len(s) && s[j] == '_' {
			j++
		}
		if j >= len(s) || !ok(s[j]) {
			return lx.errAt(start, "invalid %s literal", name)
		}
		if d := digits(ok); d != nil {
			return d
		}
	} else {
		isFloat := false
		if s[j] != '.' {
			if d := digits(dec); d != nil {
				return d
			}
		}
		if j < len(s) && s[j] == '.' {
			isFloat = true
			j++
			if j < len(s) && dec(s[j]) {
				if d := digits(dec); d != nil {
					return d
				}
			}
		}
		if j < len(s) && s[j]|0x20 == 'e' {
			k := j + 1
			if k < len(s) && (s[k] == '+' || s[k] == '-') {
				k++
			}
			if k < len(s) && dec(s[k]) {
				isFloat = true
				j = k
				if d := digits(dec); d != nil {
					return d
				}
			} else {
				return lx.errAt(start, "invalid decimal literal")
			}
		}
		if j < len(s) && s[j]|0x20 == 'j' {
			isFloat = true
			j++
		}
		if !isFloat && s[start] == '0' && strings.Trim(strings.ReplaceAll(s[start:j], "_", ""), "0") != "" {
			return lx.errAt(start, "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers")
		}
	}
	if j < len(s) {
		if r, _ := utf8.DecodeRuneInString(s[j:]); isIDContinue(r) {
			return lx.errAt(start, "invalid decimal literal")
		}
	}
	lx.i = j
	lx.emit(tNumber, start, j)
	return nil
}

// str lexes a string literal whose prefix starts at start and whose opening
// quote is at q. F-strings stay one token; their fields are parsed later.
func (lx *lexer) str(start, q int) *diag.Diagnostic {
	prefix := strings.ToLower(lx.s[start:q])
	raw := strings.Contains(prefix, "r")
	quote := lx.s[q]
	triple := strings.HasPrefix(lx.s[q:lx.limit], strings.Repeat(string(quote), 3))
	body := q + 1
	if triple {
		body = q + 3
	}
	var end int
	var d *diag.Diagnostic
	if strings.Contains(prefix, "f") {
		end, _, d = scanFString(lx.src, body, lx.limit, quote, triple, raw)
		if d != nil {
			if d.Msg == "" {
				d = lx.unterminated(start, triple)
			}
			return d
		}
	} else {
		end = lx.scanPlain(body, quote, triple)
		if end < 0 {
			return lx.unterminated(start, triple)
		}
	}
	lx.i = end
	k := tString
	if strings.Contains(prefix, "f") {
		k = tFString
	}
	lx.emit(k, start, end)
	return nil
}

func (lx *lexer) unterminated(start int, triple bool) *diag.Diagnostic {
	line := lx.src.pos(lx.limit).Line
	if triple {
		return lx.errAt(start, "unterminated triple-quoted string literal (detected at line %d)", line)
	}
	line = lx.src.pos(start).Line
	return lx.errAt(start, "unterminated string literal (detected at line %d)", line)
}

// scanPlain finds the end (just past the closing quote) of a non-f string
// whose body starts at i, or -1 if it is unterminated. Backslashes always
// protect the next character, even in raw strings, as in Python.
func (lx *lexer) scanPlain(i int, quote byte, triple bool) int {
	s := lx.s[:lx.limit]
	for i < len(s) {
		switch c := s[i]; {
		case c == '\\':
			i += 2
			continue
		case c == '\n' && !triple:
			return -1
		case c == quote:
			if !triple {
				return i + 1
			}
			if i+2 < len(s) && s[i+1] == quote && s[i+2] == quote {
				return i + 3
			}
		}
		i++
	}
	return -1
}
