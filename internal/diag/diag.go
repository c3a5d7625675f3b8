package diag

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode/utf8"
)

// Pos is a 1-based line and column; the column counts code points.
// The zero Pos means "no position".
type Pos struct {
	Line, Col int
}

func (p Pos) IsValid() bool { return p.Line > 0 }

func (p Pos) String() string { return fmt.Sprintf("%d:%d", p.Line, p.Col) }

// Before orders positions by line, then column.
func (p Pos) Before(q Pos) bool {
	if p.Line != q.Line {
		return p.Line < q.Line
	}
	return p.Col < q.Col
}

// Span is a half-open source range [Start, End). End may equal Start for a
// point; a zero End is treated as Start.
type Span struct {
	Start, End Pos
}

func (s Span) IsValid() bool { return s.Start.IsValid() }

// At makes a one-character span at p.
func At(p Pos) Span { return Span{p, Pos{p.Line, p.Col + 1}} }

// Join covers both spans (either may be invalid).
func Join(a, b Span) Span {
	if !a.IsValid() {
		return b
	}
	if !b.IsValid() {
		return a
	}
	s := a
	if b.Start.Before(s.Start) {
		s.Start = b.Start
	}
	if s.End.Before(b.End) {
		s.End = b.End
	}
	return s
}

type Severity int

const (
	Error Severity = iota
	Warning
	Note
	Internal // an internal compiler error, rendered as "internal error"
)

func (s Severity) String() string {
	switch s {
	case Error:
		return "error"
	case Warning:
		return "warning"
	case Note:
		return "note"
	case Internal:
		return "internal error"
	}
	return "unknown"
}

// Diagnostic is one message about the user's program. A Diagnostic with an
// invalid Span is about the whole file.
type Diagnostic struct {
	Severity Severity
	Span     Span
	Msg      string
	Hints    []string
	Notes    []*Diagnostic
}

func (d *Diagnostic) Error() string {
	if d.Span.IsValid() {
		return fmt.Sprintf("%s: %s: %s", d.Span.Start, d.Severity, d.Msg)
	}
	return fmt.Sprintf("%s: %s", d.Severity, d.Msg)
}

// Hint appends a hint line and returns d for chaining.
func (d *Diagnostic) Hint(format string, args ...any) *Diagnostic {
	d.Hints = append(d.Hints, fmt.Sprintf(format, args...))
	return d
}

// Note attaches a related location.
func (d *Diagnostic) Note(span Span, format string, args ...any) *Diagnostic {
	d.Notes = append(d.Notes, &Diagnostic{Severity: Note, Span: span, Msg: fmt.Sprintf(format, args...)})
	return d
}

func Errorf(span Span, format string, args ...any) *Diagnostic {
	return &Diagnostic{Severity: Error, Span: span, Msg: fmt.Sprintf(format, args...)}
}

func Warningf(span Span, format string, args ...any) *Diagnostic {
	return &Diagnostic{Severity: Warning, Span: span, Msg: fmt.Sprintf(format, args...)}
}

// List collects diagnostics of one compilation.
type List struct {
	Diags []*Diagnostic
}

func (l *List) Add(d *Diagnostic) *Diagnostic {
	l.Diags = append(l.Diags, d)
	return d
}

func (l *List) Errorf(span Span, format string, args ...any) *Diagnostic {
	return l.Add(Errorf(span, format, args...))
}

func (l *List) Warningf(span Span, format string, args ...any) *Diagnostic {
	return l.Add(Warningf(span, format, args...))
}

// HasErrors reports whether any error (or internal error) was added.
func (l *List) HasErrors() bool {
	for _, d := range l.Diags {
		if d.Severity == Error || d.Severity == Internal {
			return true
		}
	}
	return false
}

// Sort orders diagnostics by position (file-level ones first), keeping the
// insertion order of equal positions, so output is deterministic.
func (l *List) Sort() {
	sort.SliceStable(l.Diags, func(i, j int) bool {
		a, b := l.Diags[i].Span.Start, l.Diags[j].Span.Start
		if a.IsValid() != b.IsValid() {
			return !a.IsValid()
		}
		return a.Before(b)
	})
}

// Source is the text diagnostics are rendered against.
type Source struct {
	Name  string   // the file name as given on the command line
	Lines []string // without line terminators
	// LineNames optionally renames lines for display (notebook cells):
	// when set, LineNames[i] replaces "NAME:LINE" for line i+1.
	LineNames []string
}

// NewSource splits text into lines (LF, CRLF or CR).
func NewSource(name string, text []byte) *Source {
	s := strings.ReplaceAll(string(text), "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	s = strings.TrimPrefix(s, "\ufeff")
	return &Source{Name: name, Lines: strings.Split(s, "\n")}
}

// Line returns line n (1-based), or "" when out of range.
func (s *Source) Line(n int) string {
	if s == nil || n < 1 || n > len(s.Lines) {
		return ""
	}
	return s.Lines[n-1]
}

func (s *Source) where(p Pos) string {
	if s.LineNames != nil && p.Line >= 1 && p.Line <= len(s.LineNames) {
		return fmt.Sprintf("%s:%d", s.LineNames[p.Line-1], p.Col)
	}
	return fmt.Sprintf("%s:%d:%d", s.Name, p.Line, p.Col)
}

// Render writes d in the format of LANGUAGE.md section 10:
//
//	FILE:LINE:COL: SEVERITY: MESSAGE
//	<source line>
//	<caret line>
//	hint: ...
func Render(w io.Writer, src *Source, d *Diagnostic) {
	name := "pybpfc"
	if src != nil && src.Name != "" {
		name = src.Name
	}
	if !d.Span.IsValid() {
		fmt.Fprintf(w, "%s: %s: %s\n", name, d.Severity, d.Msg)
	} else {
		where := fmt.Sprintf("%s:%s", name, d.Span.Start)
		if src != nil {
			where = src.where(d.Span.Start)
		}
		fmt.Fprintf(w, "%s: %s: %s\n", where, d.Severity, d.Msg)
		if line := src.Line(d.Span.Start.Line); src != nil && d.Span.Start.Line <= len(src.Lines) {
			fmt.Fprintf(w, "%s\n%s\n", line, caretLine(line, d.Span))
		}
	}
	for _, h := range d.Hints {
		fmt.Fprintf(w, "hint: %s\n", h)
	}
	for _, n := range d.Notes {
		Render(w, src, n)
	}
}

// caretLine builds the marker: '^' under the span's first character, '~'
// under the rest of it on that line; tabs are repeated so columns line up.
func caretLine(line string, sp Span) string {
	var b strings.Builder
	col := 1
	end := sp.End
	if !end.IsValid() || end.Line != sp.Start.Line || end.Col <= sp.Start.Col {
		end = Pos{sp.Start.Line, sp.Start.Col + 1}
	}
	for i, r := range line {
		_ = i
		if col >= sp.Start.Col {
			break
		}
		if r == '\t' {
			b.WriteByte('\t')
		} else {
			b.WriteByte(' ')
		}
		col++
	}
	for col < sp.Start.Col { // span beyond the end of the line
		b.WriteByte(' ')
		col++
	}
	b.WriteByte('^')
	n := utf8.RuneCountInString(line)
	for c := sp.Start.Col + 1; c < end.Col && c <= n; c++ {
		b.WriteByte('~')
	}
	return b.String()
}

// RenderAll sorts and renders every diagnostic of l.
func RenderAll(w io.Writer, src *Source, l *List) {
	l.Sort()
	for _, d := range l.Diags {
		Render(w, src, d)
	}
}
