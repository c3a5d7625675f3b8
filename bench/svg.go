package bench

import (
	"fmt"
	"html"
	"math"
	"strings"
)

// The chart shows, per program, the pybpfc -O2 / C ratio of each kernel
// figure as a bar growing from the 1× line: right is pybpfc bigger or
// slower, left is pybpfc smaller or faster. The axis is logarithmic so that
// 2× and 0.5× are the same distance from parity.

const (
	svgWidth  = 900
	svgLeft   = 190 // room for program names
	svgRight  = 30
	svgTop    = 70 // title and legend
	svgBar    = 4  // height of one bar
	svgGap    = 8  // between program groups
	svgBottom = 40 // axis labels
)

// chartColumns are the ratios the chart draws (compile times are left to
// the table: they measure process start-up more than code quality).
var chartColumns = columns[:5]

var chartColors = []string{"#4e79a7", "#f28e2b", "#59a14f", "#b07aa1", "#e15759"}

type chartRow struct {
	label  string
	bold   bool
	ratios Ratios
}

// SVG renders the per-program ratio chart as a standalone SVG document.
func (r *Report) SVG() string {
	var rows []chartRow
	for _, p := range r.Programs {
		if p.O2 == nil || p.C == nil {
			continue // pending or failed: nothing to compare
		}
		rows = append(rows, chartRow{label: p.Name, ratios: p.RatioO2})
	}
	rows = append(rows, chartRow{label: "geomean", bold: true, ratios: r.Geomean["O2/C"]})

	lo, hi := 0.5, 2.0 // at least 0.5× to 2×, widened in powers of two
	for _, row := range rows {
		for _, col := range chartColumns {
			if v := *col.Get(&row.ratios); v > 0 {
				lo, hi = math.Min(lo, v), math.Max(hi, v)
			}
		}
	}
	lo = math.Pow(2, math.Floor(math.Log2(lo)))
	hi = math.Pow(2, math.Ceil(math.Log2(hi)))
	plotW := float64(svgWidth - svgLeft - svgRight)
	x := func(v float64) float64 {
		return svgLeft + (math.Log2(v)-math.Log2(lo))/(math.Log2(hi)-math.Log2(lo))*plotW
	}
	group := len(chartColumns)*svgBar + svgGap
	height := svgTop + len(rows)*group + svgBottom

	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" font-family="sans-serif" font-size="12">`+"\n",
		svgWidth, height, svgWidth, height)
	fmt.Fprintf(&b, `<rect width="%d" height="%d" fill="white"/>`+"\n", svgWidth, height)
	fmt.Fprintf(&b, `<text x="%d" y="20" font-size="15" font-weight="bold">pybpfc -O2 / C, per program (log scale; left of 1× is pybpfc smaller or faster)</text>`+"\n", svgLeft-170)
	for i, col := range chartColumns {
		lx := svgLeft + i*130
		fmt.Fprintf(&b, `<rect x="%d" y="34" width="12" height="12" fill="%s"/><text x="%d" y="45">%s</text>`+"\n",
			lx, chartColors[i], lx+16, html.EscapeString(col.Name))
	}
	plotBottom := svgTop + len(rows)*group
	for v := lo; v <= hi*1.0001; v *= 2 {
		gx := x(v)
		stroke, width := "#ddd", 1
		if v == 1 {
			stroke, width = "#333", 2
		}
		fmt.Fprintf(&b, `<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="%s" stroke-width="%d"/>`+"\n",
			gx, svgTop-6, gx, plotBottom, stroke, width)
		fmt.Fprintf(&b, `<text x="%.1f" y="%d" text-anchor="middle">%s×</text>`+"\n", gx, plotBottom+16, axisLabel(v))
	}
	for i, row := range rows {
		y0 := svgTop + i*group
		weight := "normal"
		if row.bold {
			weight = "bold"
		}
		fmt.Fprintf(&b, `<text x="%d" y="%d" text-anchor="end" font-weight="%s">%s</text>`+"\n",
			svgLeft-8, y0+len(chartColumns)*svgBar/2+4, weight, html.EscapeString(row.label))
		for j, col := range chartColumns {
			v := *col.Get(&row.ratios)
			if v <= 0 {
				continue
			}
			x1, x2 := x(1), x(v)
			if x2 < x1 {
				x1, x2 = x2, x1
			}
			fmt.Fprintf(&b, `<rect x="%.1f" y="%d" width="%.1f" height="%d" fill="%s"><title>%s %s: %.2f×</title></rect>`+"\n",
				x1, y0+j*svgBar, math.Max(x2-x1, 1), svgBar, chartColors[j],
				html.EscapeString(row.label), html.EscapeString(col.Name), v)
		}
	}
	b.WriteString("</svg>\n")
	return b.String()
}

func axisLabel(v float64) string {
	if v >= 1 {
		return fmt.Sprintf("%g", v)
	}
	return fmt.Sprintf("1/%g", 1/v)
}
