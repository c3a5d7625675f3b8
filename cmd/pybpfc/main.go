// Command pybpfc compiles PythonBPF programs to eBPF objects and loads them.
package main

import (
	"fmt"
	"io"
	"os"
)

const usage = `usage: pybpfc <command> [flags] FILE.py

commands:
  build     compile FILE.py to a BPF object (or stop at any stage with --emit)
  check     compile, load every program into the kernel verifier, report per program
  run       compile, load and attach every program; stream its output; print maps at exit
  list      list the tracepoints and raw tracepoints of this kernel: list [PATTERN]
  bench     compile, load and time bench/programs against their C twins: bench [PATTERN]
  version   print the version and the toolchain pybpfc would use

run 'pybpfc <command> -h' for the flags of a command.
`

// Version is the compiler version printed by `pybpfc version`.
var Version = "0.1.0"

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run is main without os.Exit, so tests can drive the CLI in process.
// Exit codes: 0 ok, 1 compile or load error, 2 usage error.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	switch args[0] {
	case "build":
		return cmdBuild(args[1:], stdout, stderr)
	case "check":
		return cmdCheck(args[1:], stdout, stderr)
	case "run":
		return cmdRun(args[1:], stdout, stderr)
	case "list":
		return cmdList(args[1:], stdout, stderr)
	case "bench":
		return cmdBench(args[1:], stdout, stderr)
	case "version", "--version":
		return cmdVersion(stdout)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	}
	fmt.Fprintf(stderr, "pybpfc: error: unknown command %q\n%s", args[0], usage)
	return 2
}
