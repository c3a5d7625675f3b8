package syntax

import (
	"math/rand"
	"os"
	"testing"
	"unicode/utf8"
)

// FuzzParse: no input may make Parse panic or return neither a module nor
// a diagnostic.
func FuzzParse(f *testing.F) {
	seeds := []string{
		"x = 1\n",
		"def f(a, /, b=1, *c, d, **e) -> int:\n    return a + b\n",
		"if a:\n\tb\nelif c: d\nelse:\n    e\n",
		"class C[T](B, metaclass=M):\n    @d\n    async def m(self): await x\n",
		"match x:\n    case [1, *r] | {'k': v} | P(a=1) if v: pass\n",
		"f\"{x!r:>{w}} {y=} {d['k']}\"\n",
		"try:\n    pass\nexcept* E as e:\n    raise X from e\nfinally:\n    del a\n",
		"with (a as b, c): [x for x in y if x]; {k: v for k, v in z}\n",
		"x = (1,\n 2) \\\n + 3; y = 0x_ff + 0o7 + 0b1 + 1_0 + 1e5 + 2j\n",
		"lambda *a, **k: (yield from a)\n",
		"type X[T: int, *Ts, **P] = list[T]\n",
		"'''unterminated\n",
		"\ufeffx = b'\\x00' r'\\n' u'\\u1234'\r\n",
	}
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		m, d := Parse("fuzz.py", src)
		if (m == nil) == (d == nil) {
			t.Fatalf("Parse returned module=%v diag=%v", m != nil, d)
		}
		if d != nil {
			if d.Severity != 0 {
				t.Fatalf("internal error: %v", d)
			}
			return
		}
		_ = Dump(m)
	})
}

// TestTruncation cuts a realistic BPF program at every line end and at
// random byte offsets: each prefix parses or gives a positioned diagnostic.
func TestTruncation(t *testing.T) {
	src, err := os.ReadFile("testdata/opens.py")
	if err != nil {
		t.Fatal(err)
	}
	var cuts []int
	for i, b := range src {
		if b == '\n' {
			cuts = append(cuts, i, i+1)
		}
	}
	r := rand.New(rand.NewSource(1))
	for i := 0; i < 300; i++ {
		cuts = append(cuts, r.Intn(len(src)+1))
	}
	for _, n := range cuts {
		prefix := src[:n]
		m, d := Parse("opens.py", prefix)
		if d != nil {
			if d.Severity != 0 {
				t.Errorf("cut at %d: internal error %v", n, d)
			}
			if !d.Span.IsValid() && utf8.Valid(prefix) {
				t.Errorf("cut at %d: diagnostic without position: %v", n, d)
			}
			continue
		}
		if m == nil {
			t.Errorf("cut at %d: no module and no diagnostic", n)
		}
	}
}
