package bench

import (
	"fmt"
	"strings"
)

// Markdown renders the report as two tables (code and run time, then
// compile time) and the list of pending programs, for the README.
func (r *Report) Markdown() string {
	var b strings.Builder
	fmt.Fprintf(&b, "Linux %s, %s; ns/run is the median of %d rounds of %d runs (or events); compile times are medians of %d builds.\n\n",
		r.Kernel, r.Toolchain, r.Count, r.Repeat, r.Count)
	if r.NoKernel {
		b.WriteString("Nothing was loaded (not root): kernel figures and run times are missing.\n\n")
	}
	b.WriteString("Each cell holds pybpfc -O0 / pybpfc -O2 / C; the ratio columns are pybpfc -O2 / C.\n\n")
	b.WriteString("| program | type | ns/run method | ELF insns | xlated insns | verified insns | stack bytes | ns/run | ELF × | xlated × | verified × | stack × | ns/run × |\n")
	b.WriteString("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n")
	for _, p := range r.Programs {
		get := func(f func(*Figures) string) string { return triple(p, f) }
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s | %s | %s |", p.Name, p.Types, cellMethod(p),
			get(func(f *Figures) string { return itoa(f.ELFInsns) }),
			get(func(f *Figures) string { return itoaKernel(f.XlatedInsns, f) }),
			get(func(f *Figures) string { return itoaKernel(f.VerifiedInsns, f) }),
			get(func(f *Figures) string {
				if f.XlatedInsns == 0 {
					return "–" // no kernel figure: the stack depth comes from the verifier
				}
				return itoa(f.StackDepth)
			}),
			get(func(f *Figures) string { return ns(f.NsPerRun) }))
		writeRatios(&b, p.RatioO2)
		b.WriteString("\n")
	}
	for _, cmp := range []string{"O2/C", "O0/C"} {
		fmt.Fprintf(&b, "| **geomean %s** | | | | | | | |", strings.Replace(cmp, "O", "-O", 1))
		writeRatios(&b, r.Geomean[cmp])
		b.WriteString("\n")
	}

	b.WriteString("\nCompile times in milliseconds: pybpfc's front end and passes, clang on pybpfc's LLVM IR, pybpfc's whole build, and clang on the C twin; the ratios are pybpfc -O2 / clang C.\n\n")
	b.WriteString("| program | front+passes -O0 / -O2 | clang on IR -O0 / -O2 | build -O0 / -O2 | clang C | front+passes × | build × |\n")
	b.WriteString("|---|---:|---:|---:|---:|---:|---:|\n")
	for _, p := range r.Programs {
		pair := func(f func(*Figures) float64) string {
			if p.O0 == nil || p.O2 == nil {
				return "–"
			}
			return ms(f(p.O0)) + " / " + ms(f(p.O2))
		}
		c := "–"
		if p.C != nil {
			c = ms(p.C.BuildMs)
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s | %s |\n", p.Name,
			pair(func(f *Figures) float64 { return f.FrontPassesMs }),
			pair(func(f *Figures) float64 { return f.ClangIRMs }),
			pair(func(f *Figures) float64 { return f.BuildMs }),
			c, ratioCell(p.RatioO2.FrontPasses), ratioCell(p.RatioO2.Build))
	}
	g := r.Geomean["O2/C"]
	fmt.Fprintf(&b, "| **geomean -O2/C** | | | | | %s | %s |\n", ratioCell(g.FrontPasses), ratioCell(g.Build))

	var pending, failed []string
	for _, p := range r.Programs {
		if p.Pending != "" {
			pending = append(pending, fmt.Sprintf("- `%s`: %s", p.Name, p.Pending))
		}
		if p.Error != "" {
			failed = append(failed, fmt.Sprintf("- `%s`: %s", p.Name, p.Error))
		}
	}
	if len(pending) > 0 {
		b.WriteString("\nPending (pybpfc cannot compile them yet; their C twins are measured):\n\n")
		b.WriteString(strings.Join(pending, "\n") + "\n")
	}
	if len(failed) > 0 {
		b.WriteString("\nFailed:\n\n")
		b.WriteString(strings.Join(failed, "\n") + "\n")
	}
	return b.String()
}

// triple formats one figure of the three variants as "a / b / c".
func triple(p *Result, f func(*Figures) string) string {
	var parts []string
	for _, fig := range []*Figures{p.O0, p.O2, p.C} {
		switch {
		case fig == nil:
			parts = append(parts, "–")
		case fig.Error != "" && fig.XlatedInsns == 0:
			parts = append(parts, "error")
		default:
			parts = append(parts, f(fig))
		}
	}
	return strings.Join(parts, " / ")
}

func cellMethod(p *Result) string {
	if p.Pending != "" {
		return "pending"
	}
	if p.Method == "" {
		return "–"
	}
	return p.Method
}

func writeRatios(b *strings.Builder, r Ratios) {
	for _, col := range columns[:5] {
		fmt.Fprintf(b, " %s |", ratioCell(*col.Get(&r)))
	}
}

func itoa(n int) string { return fmt.Sprint(n) }

// itoaKernel prints a kernel-reported count, "–" when nothing was loaded.
func itoaKernel(n int, f *Figures) string {
	if n == 0 && f.XlatedInsns == 0 {
		return "–"
	}
	return itoa(n)
}

func ns(x float64) string {
	switch {
	case x <= 0:
		return "–"
	case x >= 100:
		return fmt.Sprintf("%.0f", x)
	}
	return fmt.Sprintf("%.1f", x)
}

func ms(x float64) string {
	if x <= 0 {
		return "–"
	}
	return fmt.Sprintf("%.1f", x)
}

func ratioCell(x float64) string {
	if x <= 0 {
		return "–"
	}
	return fmt.Sprintf("%.2f", x)
}
