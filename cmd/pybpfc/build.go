package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/pybpfc/pybpfc/internal/driver"
)

func readSource(file string, stderr io.Writer) ([]byte, bool) {
	src, err := os.ReadFile(file)
	if err != nil {
		fmt.Fprintf(stderr, "pybpfc: error: %v\n", err)
		return nil, false
	}
	return src, true
}

// compileFile reads and compiles the file of a command, rendering its
// diagnostics; ok is false when the command must exit 1.
func compileFile(cf *compileFlags, stop driver.Stage, stderr io.Writer) (*driver.Output, bool) {
	src, ok := readSource(cf.file, stderr)
	if !ok {
		return nil, false
	}
	out, err := driver.Build(cf.file, src, cf.driverOptions(stop, stderr))
	if out != nil {
		out.Render(stderr)
	}
	if err != nil {
		fmt.Fprintf(stderr, "pybpfc: error: %v\n", err)
		return nil, false
	}
	return out, !out.Failed()
}

func (cf *compileFlags) driverOptions(stop driver.Stage, trace io.Writer) driver.Options {
	var llvmOpt *int
	if cf.llvmOpt >= 0 {
		llvmOpt = &cf.llvmOpt
	}
	return driver.Options{
		OptLevel: cf.opt, LLVMOpt: llvmOpt, Stop: stop, Toolchain: cf.toolchain, BTFPath: cf.btf,
		PrintAfter: cf.printAfter, Disabled: cf.disable, TimePasses: cf.timePasses,
		NoCheck: len(cf.debug) > 0, Trace: trace,
	}
}

func cmdBuild(args []string, stdout, stderr io.Writer) int {
	cf, ok := parseCompileFlags("build", args, stderr, true)
	if !ok {
		return 2
	}
	out, ok := compileFile(cf, driver.Stage(cf.emit), stderr)
	if !ok {
		return 1
	}
	if cf.verbose && out.Tool != "" {
		fmt.Fprintf(stderr, "pybpfc: compiled with %s\n", out.Tool)
	}
	data := out.Text
	dest := cf.out
	if cf.emit == "obj" {
		data = out.Object
		if dest == "" {
			dest = strings.TrimSuffix(cf.file, ".py") + ".o"
			if strings.HasSuffix(cf.file, ".ipynb") {
				dest = strings.TrimSuffix(cf.file, ".ipynb") + ".o"
			}
		}
	}
	if dest == "" || dest == "-" {
		stdout.Write(data)
		return 0
	}
	if err := writeFileAtomic(dest, data); err != nil {
		fmt.Fprintf(stderr, "pybpfc: error: %v\n", err)
		return 1
	}
	return 0
}

// writeFileAtomic never leaves a half-written object behind.
func writeFileAtomic(path string, data []byte) error {
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}
