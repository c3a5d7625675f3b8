package main

import (
	"flag"
	"fmt"
	"io"
	"regexp"
	"strings"
)

// compileFlags are shared by build and check.
type compileFlags struct {
	opt        int
	out        string
	emit       string
	printAfter string
	disable    stringList
	timePasses bool
	toolchain  string
	btf        string
	debug      stringList // -d=ssa/check/off
	llvmOpt    int
	verbose    bool
	file       string
}

type stringList []string

func (s *stringList) String() string     { return strings.Join(*s, ",") }
func (s *stringList) Set(v string) error { *s = append(*s, strings.Split(v, ",")...); return nil }

var optFlag = regexp.MustCompile(`^-O([0-3])$`)

// parseCompileFlags accepts flags before and after the file name and the
// compiler-style -O0/-O1/-O2 spellings.
func parseCompileFlags(cmd string, args []string, stderr io.Writer, withBuild bool) (*compileFlags, bool) {
	cf := &compileFlags{opt: 2, llvmOpt: -1}
	fs := flag.NewFlagSet("pybpfc "+cmd, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.IntVar(&cf.opt, "O", 2, "optimization level: -O0, -O1 or -O2")
	if withBuild {
		fs.StringVar(&cf.out, "o", "", "output file (default: FILE with .o, or standard output for text stages)")
		fs.StringVar(&cf.emit, "emit", "obj", "stop after a stage: tokens, ast, ssa, ssa-opt, llvm, asm, obj")
	}
	fs.StringVar(&cf.printAfter, "print-after", "", "print the SSA of each function after `PASS` (or all) when it changed")
	fs.Var(&cf.disable, "disable-pass", "skip the named `PASS` (repeatable, comma-separated)")
	fs.BoolVar(&cf.timePasses, "time-passes", false, "print the time each pass took")
	fs.StringVar(&cf.toolchain, "toolchain", "", "LLVM tool to use: clang-19, clang, llc-19, llc, or a path (default: the first found)")
	fs.StringVar(&cf.btf, "btf", "", "kernel BTF `FILE` for `from vmlinux import` (default /sys/kernel/btf/vmlinux)")
	fs.Var(&cf.debug, "d", "debug switches: ssa/check/off turns off IR checking after passes")
	fs.IntVar(&cf.llvmOpt, "llvm-O", -1, "LLVM optimization level (default: 2, or 0 with -O0)")
	fs.BoolVar(&cf.verbose, "v", false, "verbose: the raw verifier log on rejection, the toolchain used")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: pybpfc %s [flags] FILE.py\n", cmd)
		fs.PrintDefaults()
	}
	var files []string
	rest := args
	for {
		var norm []string
		for _, a := range rest {
			if m := optFlag.FindStringSubmatch(a); m != nil {
				a = "-O=" + m[1]
			}
			norm = append(norm, a)
		}
		if err := fs.Parse(norm); err != nil {
			return nil, false
		}
		if fs.NArg() == 0 {
			break
		}
		files = append(files, fs.Arg(0))
		rest = fs.Args()[1:]
	}
	if len(files) != 1 {
		fmt.Fprintf(stderr, "pybpfc: error: %s needs exactly one input file\n", cmd)
		fs.Usage()
		return nil, false
	}
	cf.file = files[0]
	if cf.opt < 0 || cf.opt > 2 {
		fmt.Fprintf(stderr, "pybpfc: error: -O%d is not a level; use -O0, -O1 or -O2\n", cf.opt)
		return nil, false
	}
	for _, d := range cf.debug {
		if d != "ssa/check/off" {
			fmt.Fprintf(stderr, "pybpfc: error: unknown -d switch %q (known: ssa/check/off)\n", d)
			return nil, false
		}
	}
	if withBuild {
		switch cf.emit {
		case "tokens", "ast", "ssa", "ssa-opt", "llvm", "asm", "obj":
		default:
			fmt.Fprintf(stderr, "pybpfc: error: unknown --emit stage %q; stages are tokens, ast, ssa, ssa-opt, llvm, asm, obj\n", cf.emit)
			return nil, false
		}
	}
	return cf, true
}
