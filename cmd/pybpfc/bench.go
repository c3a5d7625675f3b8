package main

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/pybpfc/pybpfc/bench"
)

// cmdBench runs the benchmark suite (bench/programs): every program at -O0
// and -O2 and its C twin, loaded and timed; it prints the Markdown table
// and writes bench.md, bench.json and bench.svg to the output directory.
// Exit code 1 when a program fails (a C twin or pybpfc object that does not
// load or run); programs pybpfc cannot compile yet are reported as pending.
func cmdBench(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("pybpfc bench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("o", "bench/out", "directory for bench.md, bench.json and bench.svg")
	count := fs.Int("count", 5, "rounds per timing (median reported) and builds per compile time")
	repeat := fs.Int("repeat", bench.DefaultRepeat, "runs per round (test-run) or trigger events (attached)")
	noKernel := fs.Bool("no-kernel", false, "do not load or time: ELF counts and compile times only")
	quiet := fs.Bool("q", false, "no progress lines")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: pybpfc bench [-o DIR] [-count N] [-repeat N] [-no-kernel] [PATTERN]")
		fmt.Fprintln(stderr, "  PATTERN is a regular expression selecting programs of bench/programs by name")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 1 || *count < 1 || *repeat < 1 {
		fs.Usage()
		return 2
	}
	opts := bench.Options{Pattern: fs.Arg(0), Count: *count, Repeat: *repeat, NoKernel: *noKernel, Log: stderr}
	if *quiet {
		opts.Log = nil
	}
	rep, err := bench.Run(opts)
	if err != nil {
		fmt.Fprintf(stderr, "pybpfc: error: %v\n", err)
		return 1
	}
	fmt.Fprint(stdout, rep.Markdown())
	if err := rep.WriteFiles(*out); err != nil {
		fmt.Fprintf(stderr, "pybpfc: error: %v\n", err)
		return 1
	}
	fmt.Fprintf(stderr, "pybpfc: wrote %s/bench.md, bench.json and bench.svg\n", strings.TrimSuffix(*out, "/"))
	if failed := rep.Failed(); len(failed) > 0 {
		fmt.Fprintf(stderr, "pybpfc: error: %d program(s) failed: %s\n", len(failed), strings.Join(failed, ", "))
		return 1
	}
	return 0
}
