package syntax

import (
	"strings"
	"testing"
)

// TestDeepNesting: pathological nesting is a diagnostic, never a stack
// overflow (which Go cannot recover).
func TestDeepNesting(t *testing.T) {
	tests := []struct{ src, want string }{
		{strings.Repeat("(", 100) + strings.Repeat(")", 100), ""},
		{strings.Repeat("(", 100000), "too many nested parentheses"},
		{"x = " + strings.Repeat("lambda: ", 900) + "1", ""},
		{"x = " + strings.Repeat("lambda: ", 100000) + "1", "expression too complex"},
		{"x = " + strings.Repeat("a if b else ", 100000) + "1", "expression too complex"},
		{"x = " + strings.Repeat("-", 20000) + "1", ""},
		{"x = " + strings.Repeat("not ", 20000) + "1", ""},
		{"x = 1" + strings.Repeat(" + 1", 20000), ""},
		{"x = a" + strings.Repeat(".b", 20000), ""},
		{"x = f'" + strings.Repeat("{f'", 1000), "unterminated"},
	}
	for i, tt := range tests {
		_, d := Parse("t.py", []byte(tt.src))
		got := ""
		if d != nil {
			got = d.Msg
		}
		if tt.want == "" && got != "" || !strings.Contains(got, tt.want) {
			t.Errorf("case %d: got %q, want %q", i, got, tt.want)
		}
	}
}
