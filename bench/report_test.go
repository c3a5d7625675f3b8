package bench

import (
	"encoding/binary"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/pybpfc/pybpfc/backend"
	"github.com/pybpfc/pybpfc/internal/kerneltest"
)

// TestPrograms checks the suite's shape (issue #5): enough programs, each
// with a description and a C twin, each runnable by one timing method.
func TestPrograms(t *testing.T) {
	progs, err := Programs()
	if err != nil {
		t.Fatal(err)
	}
	if len(progs) < 18 {
		t.Errorf("%d benchmark programs, want at least 18", len(progs))
	}
	for _, p := range progs {
		if len(p.C) == 0 || p.Description == "" {
			t.Errorf("%s: no C twin or no description", p.Name)
		}
	}
	if _, err := Select(progs, "^nothing$"); err == nil {
		t.Error("Select with a pattern matching nothing succeeded")
	}
}

// TestTwinsDeclareTheSame compares, for every program pybpfc compiles, the
// functions (with their sections) and the maps of both objects: the first
// thing a twin must get right. No kernel needed.
func TestTwinsDeclareTheSame(t *testing.T) {
	clang := kerneltest.RequireTool(t, Clang)
	progs, err := Programs()
	if err != nil {
		t.Fatal(err)
	}
	shape := func(elf []byte) (funcs, maps []string) {
		info, err := backend.InspectELF(elf)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range info.Programs {
			if !f.Subprogram {
				funcs = append(funcs, f.Name+"@"+f.Section)
			}
		}
		return funcs, info.Maps
	}
	for _, p := range progs {
		b, err := buildPy(p, 2, Clang)
		if err != nil {
			t.Fatal(err)
		}
		if b.Pending != "" {
			continue
		}
		c, _, err := buildC(p, clang)
		if err != nil {
			t.Fatal(err)
		}
		pf, pm := shape(b.Object)
		cf, cm := shape(c)
		if !reflect.DeepEqual(pf, cf) || !reflect.DeepEqual(pm, cm) {
			t.Errorf("%s: pybpfc has programs %v and maps %v, the C twin %v and %v", p.Name, pf, pm, cf, cm)
		}
	}
}

func TestPackets(t *testing.T) {
	for name, build := range packets {
		b := build()
		if len(b) < minFrame {
			t.Errorf("%s: %d bytes, shorter than a minimal frame", name, len(b))
		}
		if binary.BigEndian.Uint16(b[12:]) == 0x0800 && checksum(b[14:34]) != 0 {
			t.Errorf("%s: bad IPv4 header checksum", name)
		}
	}
}

func TestStatistics(t *testing.T) {
	if m := median([]float64{5, 1, 3}); m != 3 {
		t.Errorf("median = %v, want 3", m)
	}
	if m := median([]float64{4, 1, 3, 2}); m != 2.5 {
		t.Errorf("median = %v, want 2.5", m)
	}
	if g := geomean([]float64{2, 0.5, 0}); math.Abs(g-1) > 1e-9 {
		t.Errorf("geomean = %v, want 1 (zeros are undefined ratios, skipped)", g)
	}
}

// fakeReport has one measured, one pending and one failed program.
func fakeReport() *Report {
	fig := func(elf, ns int) *Figures {
		return &Figures{ELFInsns: elf, XlatedInsns: elf + 2, VerifiedInsns: elf, StackDepth: 16, NsPerRun: float64(ns), BuildMs: 80}
	}
	r := &Report{Kernel: "6.1", Toolchain: "clang-19 (19.1.7)", Count: 5, Repeat: 100000, Programs: []*Result{
		{Name: "a", Types: "XDP", Method: "test-run", O0: fig(40, 60), O2: fig(20, 50), C: fig(10, 25)},
		{Name: "b", Types: "XDP", Method: "test-run", O0: fig(10, 30), O2: fig(10, 20), C: fig(20, 40)},
		{Name: "p<&>", Types: "XDP", Pending: "3:5: error: not supported yet", C: fig(10, 25)},
		{Name: "f", Types: "XDP", Error: "O2: the kernel rejected f", O2: &Figures{ELFInsns: 5, Error: "rejected"}, C: fig(10, 25)},
	}}
	for _, p := range r.Programs {
		p.RatioO2, p.RatioO0 = ratios(p.O2, p.C), ratios(p.O0, p.C)
	}
	r.summarize()
	return r
}

func TestMarkdown(t *testing.T) {
	md := fakeReport().Markdown()
	for _, want := range []string{
		"| a | XDP | test-run | 40 / 20 / 10 |",
		"| p<&> | XDP | pending | – / – / 10 |",
		"| **geomean -O2/C** | | | | | | | | 1.00 |", // 2 and 0.5
		"- `p<&>`: 3:5: error: not supported yet",
		"- `f`: O2: the kernel rejected f",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("Markdown lacks %q:\n%s", want, md)
		}
	}
}

func TestSVGIsWellFormed(t *testing.T) {
	svg := fakeReport().SVG()
	d := xml.NewDecoder(strings.NewReader(svg))
	rects := 0
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("SVG is not well-formed XML: %v", err)
		}
		if se, ok := tok.(xml.StartElement); ok && se.Name.Local == "rect" {
			rects++
		}
	}
	// background + 5 legend swatches + bars of a, b and geomean
	if rects < 1+5+3*4 {
		t.Errorf("only %d rects in the chart", rects)
	}
	if !strings.Contains(svg, fmt.Sprintf("%s×", "1")) {
		t.Error("no 1× axis label")
	}
}
