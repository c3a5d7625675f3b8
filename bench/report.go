package bench

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"sort"
	"time"
)

// Report is one run of the benchmark; it is written as bench.json and
// rendered as bench.md and bench.svg.
type Report struct {
	Date      string `json:"date"`
	Kernel    string `json:"kernel"`
	Toolchain string `json:"toolchain"`
	Count     int    `json:"count"`  // rounds per timing figure
	Repeat    int    `json:"repeat"` // runs (or events) per round
	// NoKernel is set when nothing was loaded (not root): only ELF
	// counts and compile times are filled in.
	NoKernel bool      `json:"no_kernel,omitempty"`
	Programs []*Result `json:"programs"`
	// Geomean holds, per comparison ("O2/C", "O0/C"), the geometric mean
	// of each ratio column over the programs where it is defined.
	Geomean map[string]Ratios `json:"geomean"`
}

// Result is one benchmark program.
type Result struct {
	Name        string `json:"name"`
	Description string `json:"description"`
	Types       string `json:"types"`  // kernel program types, e.g. "XDP"
	Method      string `json:"method"` // how ns/run was measured
	// Pending is pybpfc's first diagnostic for a program it cannot
	// compile yet; O0 and O2 are nil then.
	Pending string   `json:"pending,omitempty"`
	Error   string   `json:"error,omitempty"`
	O0      *Figures `json:"O0,omitempty"`
	O2      *Figures `json:"O2,omitempty"`
	C       *Figures `json:"C,omitempty"`
	RatioO2 Ratios   `json:"ratio_O2_C"`
	RatioO0 Ratios   `json:"ratio_O0_C"`
}

// Figures are the measurements of one object. For a benchmark with several
// programs, instruction counts and ns/run are sums over its programs and
// the stack depth is the largest.
type Figures struct {
	ELFInsns      int       `json:"elf_insns"`
	XlatedInsns   int       `json:"xlated_insns,omitempty"`
	VerifiedInsns int       `json:"verified_insns,omitempty"`
	StackDepth    int       `json:"stack_depth"`
	NsPerRun      float64   `json:"ns_per_run,omitempty"` // median round
	NsRounds      []float64 `json:"ns_rounds,omitempty"`
	// FrontPassesMs is pybpfc's front end plus passes (0 for C); BuildMs
	// is the whole compilation: driver.Build for pybpfc, clang for C.
	// Both are medians over Count builds.
	FrontPassesMs float64 `json:"front_passes_ms,omitempty"`
	// ClangIRMs is clang on pybpfc's LLVM IR alone (0 for C).
	ClangIRMs float64 `json:"clang_ir_ms,omitempty"`
	BuildMs   float64 `json:"build_ms"`
	Error     string  `json:"error,omitempty"` // a load or run failure
}

// Ratios are pybpfc/C quotients of the figures; 0 means undefined (a
// missing figure or a zero denominator).
type Ratios struct {
	ELF         float64 `json:"elf,omitempty"`
	Xlated      float64 `json:"xlated,omitempty"`
	Verified    float64 `json:"verified,omitempty"`
	Stack       float64 `json:"stack,omitempty"`
	Ns          float64 `json:"ns,omitempty"`
	FrontPasses float64 `json:"front_passes,omitempty"`
	Build       float64 `json:"build,omitempty"`
}

func ratio(a, b float64) float64 {
	if a <= 0 || b <= 0 {
		return 0
	}
	return a / b
}

// ratios compares a pybpfc object with the C twin. A side that failed to
// load or run gives no ratios at all, so that its partial figures do not
// slip into the geometric means.
func ratios(py, c *Figures) Ratios {
	if py == nil || c == nil || py.Error != "" || c.Error != "" {
		return Ratios{}
	}
	return Ratios{
		ELF:         ratio(float64(py.ELFInsns), float64(c.ELFInsns)),
		Xlated:      ratio(float64(py.XlatedInsns), float64(c.XlatedInsns)),
		Verified:    ratio(float64(py.VerifiedInsns), float64(c.VerifiedInsns)),
		Stack:       ratio(float64(py.StackDepth), float64(c.StackDepth)),
		Ns:          ratio(py.NsPerRun, c.NsPerRun),
		FrontPasses: ratio(py.FrontPassesMs, c.BuildMs),
		Build:       ratio(py.BuildMs, c.BuildMs),
	}
}

// columns lists the ratio fields in table order, for the geometric mean,
// the Markdown table and the chart.
var columns = []struct {
	Name string
	Get  func(*Ratios) *float64
}{
	{"ELF", func(r *Ratios) *float64 { return &r.ELF }},
	{"xlated", func(r *Ratios) *float64 { return &r.Xlated }},
	{"verified", func(r *Ratios) *float64 { return &r.Verified }},
	{"stack", func(r *Ratios) *float64 { return &r.Stack }},
	{"ns/run", func(r *Ratios) *float64 { return &r.Ns }},
	{"front+passes", func(r *Ratios) *float64 { return &r.FrontPasses }},
	{"build", func(r *Ratios) *float64 { return &r.Build }},
}

// geomean is the geometric mean of the defined (non-zero) values.
func geomean(xs []float64) float64 {
	sum, n := 0.0, 0
	for _, x := range xs {
		if x > 0 {
			sum += math.Log(x)
			n++
		}
	}
	if n == 0 {
		return 0
	}
	return math.Exp(sum / float64(n))
}

// summarize fills the ratio and geometric-mean fields.
func (r *Report) summarize() {
	r.Geomean = map[string]Ratios{}
	for _, cmp := range []string{"O2/C", "O0/C"} {
		var g Ratios
		for _, col := range columns {
			var xs []float64
			for _, res := range r.Programs {
				rr := res.RatioO2
				if cmp == "O0/C" {
					rr = res.RatioO0
				}
				xs = append(xs, *col.Get(&rr))
			}
			*col.Get(&g) = geomean(xs)
		}
		r.Geomean[cmp] = g
	}
}

// median of a non-empty slice (the mean of the two middle values for an
// even count); 0 for an empty one.
func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

func medianMs(ds []time.Duration) float64 {
	xs := make([]float64, len(ds))
	for i, d := range ds {
		xs[i] = float64(d.Microseconds()) / 1000
	}
	return median(xs)
}

// WriteFiles writes bench.json, bench.md and bench.svg into dir.
func (r *Report) WriteFiles(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	js, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return err
	}
	files := map[string][]byte{
		"bench.json": append(js, '\n'),
		"bench.md":   []byte(r.Markdown()),
		"bench.svg":  []byte(r.SVG()),
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			return err
		}
	}
	return nil
}
