package passes

import (
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"sort"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/pybpfc/pybpfc/internal/diag"
	"github.com/pybpfc/pybpfc/ssa"
)

// Run runs the -O level's pipeline over every function of m, pass by pass.
// It returns an *InternalError when a pass panics or breaks the IR, an
// error for bad options (unknown pass names), and an error wrapping
// ErrDiagnostics when it stopped after a pass that reported user errors.
func Run(m *ssa.Module, level int, c *Context) error {
	return runPipeline(m, Pipeline(level), c)
}

func runPipeline(m *ssa.Module, pipeline []Pass, c *Context) error {
	if c == nil {
		c = &Context{}
	}
	if c.Diags == nil {
		c.Diags = &diag.List{}
	}
	out := c.Out
	if out == nil {
		out = os.Stderr
	}
	if err := checkOptions(pipeline, c); err != nil {
		return err
	}
	times := make([]time.Duration, len(pipeline))
	var checkTime time.Duration
	if c.TimePasses {
		defer func() { printTimes(out, pipeline, times, checkTime) }()
	}
	for i, p := range pipeline {
		if c.Disabled[p.Name] {
			continue
		}
		errsBefore := countErrors(c.Diags)
		for _, f := range m.Funcs {
			var passTime time.Duration
			err := runOne(p, f, c, out, &passTime, &checkTime)
			times[i] += passTime
			if err != nil {
				return err
			}
		}
		if countErrors(c.Diags) > errsBefore {
			return fmt.Errorf("stopped after pass %s: %w", p.Name, ErrDiagnostics)
		}
	}
	return nil
}

// checkOptions rejects names that are no pass (a typo would otherwise
// silently disable nothing) and warns when a Required pass is disabled:
// that is allowed, for debugging the compiler, but the program may then
// fail in the kernel verifier instead of at a Python line.
func checkOptions(pipeline []Pass, c *Context) error {
	known := map[string]Pass{}
	for n, p := range registry {
		known[n] = p
	}
	for _, p := range pipeline {
		known[p.Name] = p
	}
	names := make([]string, 0, len(known))
	for n := range known {
		names = append(names, n)
	}
	sort.Strings(names)
	var disabled []string
	for n := range c.Disabled {
		disabled = append(disabled, n)
	}
	sort.Strings(disabled)
	for _, n := range disabled {
		p, ok := known[n]
		if !ok {
			return fmt.Errorf("unknown pass %q in --disable-pass (passes: %s)", n, strings.Join(names, ", "))
		}
		if p.Required && c.Disabled[n] {
			c.Diags.Add(diag.Warningf(diag.Span{}, "required pass %s is disabled; the kernel verifier may reject the program", n))
		}
	}
	if c.PrintAfter != "" && c.PrintAfter != "all" {
		if _, ok := known[c.PrintAfter]; !ok {
			return fmt.Errorf("unknown pass %q in --print-after (passes: all, %s)", c.PrintAfter, strings.Join(names, ", "))
		}
	}
	return nil
}

func countErrors(l *diag.List) int {
	n := 0
	for _, d := range l.Diags {
		if d.Severity == diag.Error || d.Severity == diag.Internal {
			n++
		}
	}
	return n
}

// runOne runs one pass on one function. Everything that can go wrong inside
// (a panic in the pass or in Check itself on badly broken IR) becomes an
// InternalError naming both.
func runOne(p Pass, f *ssa.Func, c *Context, out io.Writer, passTime, checkTime *time.Duration) (err error) {
	printing := c.PrintAfter == "all" || c.PrintAfter == p.Name
	var before string
	if printing {
		before = f.String()
	}
	defer func() {
		if r := recover(); r != nil {
			err = &InternalError{Pass: p.Name, Func: f.Name, Msg: fmt.Sprint(r), Detail: string(debug.Stack())}
		}
	}()
	start := time.Now()
	p.Fn(f, c)
	*passTime = time.Since(start)
	if !c.NoCheck {
		start = time.Now()
		cerr := ssa.Check(f)
		*checkTime += time.Since(start)
		if cerr != nil {
			return &InternalError{Pass: p.Name, Func: f.Name, Msg: cerr.Error(), Detail: f.String(), Err: cerr}
		}
	}
	if printing {
		if after := f.String(); after != before {
			fmt.Fprintf(out, "--- after %s: %s\n%s", p.Name, f.Name, after)
		}
	}
	return nil
}

func printTimes(out io.Writer, pipeline []Pass, times []time.Duration, check time.Duration) {
	var total time.Duration
	for _, t := range times {
		total += t
	}
	total += check
	pct := func(d time.Duration) float64 {
		if total == 0 {
			return 0
		}
		return 100 * float64(d) / float64(total)
	}
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "pass\ttime\t%\t")
	for i, p := range pipeline {
		fmt.Fprintf(tw, "%s\t%v\t%.1f\t\n", p.Name, times[i], pct(times[i]))
	}
	fmt.Fprintf(tw, "ssa.Check\t%v\t%.1f\t\n", check, pct(check))
	fmt.Fprintf(tw, "total\t%v\t100.0\t\n", total)
	tw.Flush()
}
