package bench

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/pybpfc/pybpfc/backend"
)

// Options control a benchmark run.
type Options struct {
	Pattern string // regular expression selecting programs by name; "" for all
	Count   int    // rounds per timing figure and builds per compile time; default 5
	Repeat  int    // runs (test-run) or trigger events (attached) per round; default 100000
	// NoKernel skips loading and timing (ELF counts and compile times
	// only); it is forced when the process is not root.
	NoKernel bool
	Log      io.Writer // progress lines; nil for none
}

// DefaultRepeat is enough runs per round for a stable mean: a round of a
// 50 ns program takes 5 ms, well above the kernel's timer resolution and
// scheduling noise, and the median of Count rounds removes outliers.
const DefaultRepeat = 100000

// Run measures the selected programs and returns the report. A program
// that fails (a C twin that does not compile or load, a pybpfc object the
// kernel rejects) has its Error set and the run goes on; the error return
// is for failures of the environment.
func Run(opts Options) (*Report, error) {
	if opts.Count <= 0 {
		opts.Count = 5
	}
	if opts.Repeat <= 0 {
		opts.Repeat = DefaultRepeat
	}
	logw := opts.Log
	if logw == nil {
		logw = io.Discard
	}
	all, err := Programs()
	if err != nil {
		return nil, err
	}
	progs, err := Select(all, opts.Pattern)
	if err != nil {
		return nil, err
	}
	tc, err := backend.FindToolchain(Clang)
	if err != nil {
		return nil, fmt.Errorf("the benchmark needs %s for the C twins: %w", Clang, err)
	}
	if os.Geteuid() != 0 && !opts.NoKernel {
		fmt.Fprintln(logw, "bench: not root, so nothing is loaded: ELF counts and compile times only")
		opts.NoKernel = true
	}
	rep := &Report{
		Date:      time.Now().UTC().Format(time.RFC3339),
		Kernel:    kernelRelease(),
		Toolchain: tc.String(),
		Count:     opts.Count,
		Repeat:    opts.Repeat,
		NoKernel:  opts.NoKernel,
	}
	for _, p := range progs {
		fmt.Fprintf(logw, "bench: %s\n", p.Name)
		res := measure(p, tc.Path, opts)
		if res.Error != "" {
			fmt.Fprintf(logw, "bench: %s: error: %s\n", p.Name, res.Error)
		}
		rep.Programs = append(rep.Programs, res)
	}
	rep.summarize()
	return rep, nil
}

// Failed lists the programs with an error (pending ones are not failures).
func (r *Report) Failed() []string {
	var names []string
	for _, p := range r.Programs {
		if p.Error != "" {
			names = append(names, p.Name)
		}
	}
	return names
}

func kernelRelease() string {
	b, err := os.ReadFile("/proc/sys/kernel/osrelease")
	if err != nil {
		return "unknown"
	}
	return strings.TrimSpace(string(b))
}

// measure runs one benchmark program end to end.
func measure(p *Program, clang string, opts Options) *Result {
	res := &Result{Name: p.Name, Description: p.Description}
	vs, err := compileAll(p, clang, opts.Count, res)
	if err != nil {
		res.Error = err.Error()
		return res
	}
	if res.Types, err = programTypes(vs[len(vs)-1].elf); err != nil {
		res.Error = err.Error()
		return res
	}
	if !opts.NoKernel {
		if err := timeAll(p, vs, opts, res); err != nil {
			res.Error = err.Error()
		}
	}
	res.RatioO2 = ratios(res.O2, res.C)
	res.RatioO0 = ratios(res.O0, res.C)
	return res
}

// compileAll builds the variants Count times each (interleaved, so that a
// slow moment of the machine hits all of them) and keeps the first
// objects: builds are deterministic, only their times vary.
func compileAll(p *Program, clang string, count int, res *Result) ([]*variant, error) {
	var front, tool [2][]time.Duration
	var total [3][]time.Duration
	var objs [3][]byte
	for round := 0; round < count; round++ {
		for i, opt := range []int{0, 2} {
			b, err := buildPy(p, opt, clang)
			if err != nil {
				return nil, err
			}
			if b.Pending != "" {
				res.Pending = b.Pending
				continue
			}
			front[i] = append(front[i], b.FrontPasses)
			tool[i] = append(tool[i], b.ToolTime)
			total[i] = append(total[i], b.Total)
			if objs[i] == nil {
				objs[i] = b.Object
			}
		}
		elf, d, err := buildC(p, clang)
		if err != nil {
			return nil, err
		}
		total[2] = append(total[2], d)
		if objs[2] == nil {
			objs[2] = elf
		}
	}
	var vs []*variant
	for i, label := range []string{"O0", "O2", "C"} {
		if objs[i] == nil {
			continue
		}
		fig := &Figures{BuildMs: medianMs(total[i])}
		if i < 2 {
			fig.FrontPassesMs = medianMs(front[i])
			fig.ClangIRMs = medianMs(tool[i])
		}
		n, err := elfInsns(objs[i])
		if err != nil {
			return nil, fmt.Errorf("%s: %w", label, err)
		}
		fig.ELFInsns = n
		switch label {
		case "O0":
			res.O0 = fig
		case "O2":
			res.O2 = fig
		case "C":
			res.C = fig
		}
		vs = append(vs, &variant{label: label, fig: fig, elf: objs[i]})
	}
	return vs, nil
}

// timeAll loads every variant, then times them round by round. A variant
// that fails to load or run gets its own Error; the result's Error names
// the first failure.
func timeAll(p *Program, vs []*variant, opts Options, res *Result) error {
	var firstErr error
	fail := func(v *variant, err error) {
		v.fig.Error = err.Error()
		if firstErr == nil {
			firstErr = fmt.Errorf("%s: %w", v.label, err)
		}
	}
	var live []*variant
	for _, v := range vs {
		if err := v.load(p); err != nil {
			fail(v, err)
			continue
		}
		defer v.loaded.Close()
		live = append(live, v)
	}
	if len(live) == 0 {
		return firstErr
	}
	how, err := method(p, live[0].loaded, live[0].progs)
	if err != nil {
		return err
	}
	if how == "" {
		res.Method = "none"
		return firstErr
	}
	res.Method = how
	if how == "attached" {
		res.Method = "attached, " + p.Trigger + "()"
	}
	repeat := opts.Repeat
	if p.Repeat > 0 {
		repeat = min(repeat, p.Repeat)
	}
	for round := 0; round < opts.Count; round++ {
		for _, v := range live {
			if v.fig.Error != "" {
				continue
			}
			ns, err := v.timeRound(p, how, repeat)
			if err != nil {
				fail(v, err)
				continue
			}
			v.fig.NsRounds = append(v.fig.NsRounds, ns)
		}
	}
	for _, v := range live {
		v.fig.NsPerRun = median(v.fig.NsRounds)
	}
	return firstErr
}
