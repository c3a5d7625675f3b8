package backend

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
)

// Toolchain is the LLVM tool that turns our IR into a BPF object: clang
// (which also runs the -O pipeline on the IR) or llc (code generation only).
type Toolchain struct {
	Name    string // the command as found, e.g. "clang-19"
	Path    string // absolute path
	IsLLC   bool
	Version string // e.g. "19.1.7"; empty when --version gave none
}

// Emit selects the output of Compile.
type Emit int

const (
	EmitObj Emit = iota // an ELF object
	EmitAsm             // BPF assembly text
)

// Options control one compilation.
type Options struct {
	OptLevel int    // 0-3
	Emit     Emit   // EmitObj or EmitAsm
	MCPU     string // BPF ISA version; "" means "v3"
}

// DefaultToolchains is the search order of FindToolchain: clang-19 runs
// the full optimizer and is the reference; llc (LLVM 14 here) only
// generates code, giving bigger programs.
var DefaultToolchains = []string{"clang-19", "clang", "llc-19", "llc"}

// FindToolchain returns the first available tool of DefaultToolchains, or
// the one named by override (a command name or a path).
func FindToolchain(override string) (*Toolchain, error) {
	cands := DefaultToolchains
	if override != "" {
		cands = []string{override}
	}
	var tried []string
	for _, c := range cands {
		path, err := lookTool(c)
		if err != nil {
			tried = append(tried, fmt.Sprintf("%s (%v)", c, err))
			continue
		}
		base := filepath.Base(path)
		t := &Toolchain{Name: filepath.Base(c), Path: path, IsLLC: strings.HasPrefix(base, "llc") || strings.HasPrefix(filepath.Base(c), "llc")}
		t.Version = toolVersion(path)
		return t, nil
	}
	return nil, fmt.Errorf("no LLVM toolchain for BPF found; tried %s", strings.Join(tried, ", "))
}

func lookTool(c string) (string, error) {
	if strings.ContainsRune(c, os.PathSeparator) {
		fi, err := os.Stat(c)
		if err != nil {
			return "", errors.Unwrap(err)
		}
		if fi.IsDir() || fi.Mode()&0o111 == 0 {
			return "", errors.New("not an executable file")
		}
		return filepath.Abs(c)
	}
	path, err := exec.LookPath(c)
	if err != nil {
		return "", errors.New("not in PATH")
	}
	return path, nil
}

var versionRE = regexp.MustCompile(`version (\d+\.\d+\.\d+)`)

// versions caches `TOOL --version` per path: asking costs a process start
// (tens of milliseconds), as much as compiling a small program, and every
// build looks the toolchain up again.
var versions sync.Map

func toolVersion(path string) string {
	if v, ok := versions.Load(path); ok {
		return v.(string)
	}
	v := readToolVersion(path)
	versions.Store(path, v)
	return v
}

func readToolVersion(path string) string {
	out, err := exec.Command(path, "--version").Output()
	if err != nil {
		return ""
	}
	if m := versionRE.FindSubmatch(out); m != nil {
		return string(m[1])
	}
	return ""
}

// String names the tool and its version: "clang-19 (19.1.7)".
func (t *Toolchain) String() string {
	if t.Version == "" {
		return t.Name
	}
	return fmt.Sprintf("%s (%s)", t.Name, t.Version)
}

// Args is the command line Compile runs (without the tool itself); the IR
// comes on stdin and the output goes to stdout.
func (t *Toolchain) Args(opt Options) []string {
	mcpu := opt.MCPU
	if mcpu == "" {
		mcpu = "v3"
	}
	level := opt.OptLevel
	if level < 0 {
		level = 0
	}
	if level > 3 {
		level = 3
	}
	if t.IsLLC {
		ft := "obj"
		if opt.Emit == EmitAsm {
			ft = "asm"
		}
		return []string{"-march=bpf", "-mcpu=" + mcpu, fmt.Sprintf("-O%d", level), "-filetype=" + ft, "-o", "-", "-"}
	}
	mode := "-c"
	if opt.Emit == EmitAsm {
		mode = "-S"
	}
	return []string{"-target", "bpf", fmt.Sprintf("-O%d", level), "-mcpu=" + mcpu, "-g", mode,
		// IndVarSimplify would replace a summing loop's exit value by a
		// closed form computed in 65 bits, which the BPF backend cannot
		// lower ("A call to built-in function '__multi3'"): keep loops.
		"-mllvm", "-replexitval=never",
		"-x", "ir", "-", "-o", "-"}
}

// Compile turns LLVM IR text into a BPF object (or assembly). The tool's
// stderr becomes the error. The same IR and options give the same bytes.
func (t *Toolchain) Compile(ir string, opt Options) ([]byte, error) {
	// An empty working directory: LLVM looks for the source file named in
	// the debug info there (to copy lines into .BTF.ext), and a stray
	// prog.py next to the caller must not change the object.
	dir, err := os.MkdirTemp("", "pybpfc-cc-")
	if err != nil {
		return nil, fmt.Errorf("%s: %w", t.Name, err)
	}
	defer os.RemoveAll(dir)
	cmd := exec.Command(t.Path, t.Args(opt)...)
	cmd.Dir = dir
	cmd.Stdin = strings.NewReader(ir)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		msg := strings.TrimSpace(stderr.String())
		if msg == "" {
			msg = err.Error()
		}
		return nil, fmt.Errorf("%s: %s", t.Name, msg)
	}
	if stdout.Len() == 0 {
		return nil, fmt.Errorf("%s produced no output: %s", t.Name, strings.TrimSpace(stderr.String()))
	}
	return stdout.Bytes(), nil
}
