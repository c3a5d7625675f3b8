package main

import (
	"flag"
	"fmt"
	"io"

	"github.com/pybpfc/pybpfc/loader"
)

// cmdList prints the kernel's tracepoints and raw tracepoints matching an
// optional glob, one per line, as `bpftrace -l` does: the names to put
// after tracepoint/ (with ':' written as '/') or raw_tp/ in a section.
func cmdList(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("pybpfc list", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: pybpfc list [PATTERN]")
		fmt.Fprintln(stderr, "  PATTERN is a glob: 'syscalls:sys_enter_open*', 'tracepoint:sched:*', 'rawtracepoint:*'")
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 1 {
		fs.Usage()
		return 2
	}
	probes, err := loader.ListProbes(fs.Arg(0))
	if err != nil {
		fmt.Fprintf(stderr, "pybpfc: error: %v\n", err)
		return 1
	}
	if len(probes) == 0 {
		fmt.Fprintf(stderr, "pybpfc: no tracepoint matches %q\n", fs.Arg(0))
		return 1
	}
	for _, p := range probes {
		fmt.Fprintln(stdout, p)
	}
	return 0
}
