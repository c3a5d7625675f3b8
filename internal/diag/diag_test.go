package diag

import (
	"bytes"
	"testing"
)

func TestRenderShapes(t *testing.T) {
	src := NewSource("prog.py", []byte("def f():\n\tx = 1 +  y\r\n        break\n"))
	cases := []struct {
		d    *Diagnostic
		want string
	}{
		{Errorf(Span{Pos{3, 9}, Pos{3, 14}}, "'break' outside loop").Hint("'break' must be inside a 'for' or 'while' loop"),
			"prog.py:3:9: error: 'break' outside loop\n        break\n        ^~~~~\nhint: 'break' must be inside a 'for' or 'while' loop\n"},
		// Tabs are repeated so the caret lines up; the span is one token.
		{Warningf(Span{Pos{2, 11}, Pos{2, 12}}, "unused"),
			"prog.py:2:11: warning: unused\n\tx = 1 +  y\n\t         ^\n"},
		{Errorf(Span{}, "no BPF program found (a @bpf function needs @section)"),
			"prog.py: error: no BPF program found (a @bpf function needs @section)\n"},
		{Errorf(Span{Pos{1, 5}, Pos{1, 6}}, "'f' is already defined at line 9").Note(Span{Pos{1, 1}, Pos{1, 4}}, "first defined here"),
			"prog.py:1:5: error: 'f' is already defined at line 9\ndef f():\n    ^\nprog.py:1:1: note: first defined here\ndef f():\n^~~\n"},
	}
	for _, c := range cases {
		var b bytes.Buffer
		Render(&b, src, c.d)
		if b.String() != c.want {
			t.Errorf("got\n%q\nwant\n%q", b.String(), c.want)
		}
	}
}

func TestSortIsByPositionAndStable(t *testing.T) {
	var l List
	l.Errorf(At(Pos{5, 1}), "b")
	l.Errorf(At(Pos{2, 7}), "a")
	l.Warningf(Span{}, "file")
	l.Errorf(At(Pos{5, 1}), "c")
	l.Sort()
	var got string
	for _, d := range l.Diags {
		got += d.Msg
	}
	if got != "fileabc" {
		t.Errorf("order %q", got)
	}
	if !l.HasErrors() {
		t.Error("HasErrors")
	}
}

func TestNotebookLineNames(t *testing.T) {
	src := NewSource("n.ipynb", []byte("x\ny\n"))
	src.LineNames = []string{"n.ipynb:cell1:1", "n.ipynb:cell2:1"}
	var b bytes.Buffer
	Render(&b, src, Errorf(At(Pos{2, 1}), "bad"))
	if want := "n.ipynb:cell2:1:1: error: bad\ny\n^\n"; b.String() != want {
		t.Errorf("got %q", b.String())
	}
}
