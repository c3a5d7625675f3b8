package backend

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/pybpfc/pybpfc/ssa"
)

// loadModule parses testdata/<name>.ssa and checks it, so a broken test
// input fails here rather than as a confusing backend error.
func loadModule(t *testing.T, name string) *ssa.Module {
	t.Helper()
	text, err := os.ReadFile(filepath.Join("testdata", name+".ssa"))
	if err != nil {
		t.Fatal(err)
	}
	m, err := ssa.Parse(string(text))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range m.Funcs {
		if err := ssa.Check(f); err != nil {
			t.Fatal(err)
		}
	}
	// An absolute path on purpose: only the base name may reach the IR.
	m.File = "/home/someone/src/" + name + ".py"
	return m
}

func emit(t *testing.T, m *ssa.Module) string {
	t.Helper()
	ir, err := EmitLLVM(m)
	if err != nil {
		t.Fatal(err)
	}
	return ir
}

// toolchains returns every toolchain installed here, or skips the test
// when there is none (fails instead under PYBPFC_REQUIRE_KERNEL=1).
func toolchains(t *testing.T) []*Toolchain {
	t.Helper()
	var tcs []*Toolchain
	for _, name := range []string{"clang-19", "clang", "llc-19", "llc"} {
		tc, err := FindToolchain(name)
		if err != nil {
			continue
		}
		dup := false
		for _, o := range tcs {
			if sameFile(o.Path, tc.Path) {
				dup = true
			}
		}
		if !dup {
			tcs = append(tcs, tc)
		}
	}
	if len(tcs) == 0 {
		if os.Getenv("PYBPFC_REQUIRE_KERNEL") == "1" {
			t.Fatal("no clang or llc found, and PYBPFC_REQUIRE_KERNEL=1")
		}
		t.Skip("no clang or llc found")
	}
	return tcs
}

func sameFile(a, b string) bool {
	ra, err1 := filepath.EvalSymlinks(a)
	rb, err2 := filepath.EvalSymlinks(b)
	return err1 == nil && err2 == nil && ra == rb
}

type progCase struct {
	file     string
	prog     string
	section  string
	maps     []string
	markers  []string // substrings the IR must contain
	maxInsns int      // upper bound for any toolchain at -O2
}

var progCases = []progCase{
	{file: "const", prog: "xdp_pass", section: "xdp", maxInsns: 2,
		markers: []string{`section "xdp"`, `ret i64 2`}},
	{file: "globals", prog: "count", section: "xdp", maxInsns: 30,
		markers: []string{`section ".data"`, `section ".bss"`, `section ".rodata"`, `load volatile i16`,
			`name: "unsigned long"`, `name: "_Bool", size: 8, encoding: DW_ATE_boolean`, `name: "long"`,
			`c"Dual MIT/GPL\00"`}},
	{file: "hashmap", prog: "count_pkts", section: "xdp", maps: []string{"counts"}, maxInsns: 40,
		markers: []string{`section ".maps"`, `inttoptr (i64 1 to i8* (i8*, i8*)*)`, `inttoptr (i64 2 to i64 (i8*, i8*, i8*, i64)*)`,
			`llvm.lifetime.start.p0i8`, `llvm.lifetime.end.p0i8`, `alloca [4 x i8], align 8`, `asm sideeffect "", "=r,0"(i8* %v5)`}},
	{file: "structs", prog: "record", section: "xdp", maps: []string{"events", "perf"}, maxInsns: 60,
		markers: []string{`name: "event_t"`, `name: "delay_ns"`, `size: 64, offset: 64`, `!DISubrange(count: 16)`,
			`name: "map_flags"`, `name: "key_size"`, `name: "small_t"`}},
	{file: "printk", prog: "hello", section: "tracepoint/syscalls/sys_enter_execve", maxInsns: 30,
		markers: []string{`private unnamed_addr constant [10 x i8] c"hello %d\0A\00", section ".rodata"`, `inttoptr (i64 6 to`}},
	{file: "divshift", prog: "arith", section: "xdp", maxInsns: 300,
		markers: []string{`udiv`, `urem`, `select`, `and i32`}},
	{file: "misc", prog: "misc", section: "xdp", maps: []string{"vals"}, maxInsns: 80,
		markers: []string{`b1.split:`, `define internal i64 @touch(i8* %p)`, `define internal i64 @flag(i32 %x, i1 %neg)`,
			`store i64 0, i64*`, `store i32 0, i32*`, `store i8 0, i8*`, `load i8*, i8**`, `zext i1 %v18 to i64`}},
	{file: "subprog", prog: "prog", section: "xdp", maxInsns: 60,
		markers: []string{`define internal i64 @sum(i64 %n)`, `call i64 @sum(`, `phi i64`, `DISPFlagLocalToUnit`}},
}

// debugMarkers are what every module needs for clang to write BTF.
var debugMarkers = []string{`!DISubprogram(`, `"Debug Info Version", i32 3`, `!llvm.dbg.cu = `,
	`!DICompileUnit(language: DW_LANG_C99`, `producer: "pybpfc"`, `emissionKind: FullDebug`,
	`section "license"`, `!DILocalVariable(name: "ctx", arg: 1`}

func TestEmitLLVMMarkers(t *testing.T) {
	for _, c := range progCases {
		t.Run(c.file, func(t *testing.T) {
			ir := emit(t, loadModule(t, c.file))
			for _, want := range append(append([]string{}, debugMarkers...), c.markers...) {
				if !strings.Contains(ir, want) {
					t.Errorf("IR lacks %q", want)
				}
			}
			if !strings.Contains(ir, `!DIFile(filename: "`+c.file+`.py", directory: ".")`) || strings.Contains(ir, "/home/someone") {
				t.Errorf("DIFile must be the base name in directory \".\"")
			}
			for _, bad := range []string{" nsw ", " nuw ", " exact ", "sdiv", "srem", "inbounds"} {
				if strings.Contains(ir, bad) {
					t.Errorf("IR contains %q", bad)
				}
			}
			checkEveryInstructionHasDbg(t, ir)
			if t.Failed() {
				t.Log(ir)
			}
		})
	}
}

// checkEveryInstructionHasDbg: an instruction without a DILocation has no
// line info in .BTF.ext, and the verifier log would name the wrong line.
func checkEveryInstructionHasDbg(t *testing.T, ir string) {
	t.Helper()
	inBody := false
	for _, line := range strings.Split(ir, "\n") {
		switch {
		case strings.HasPrefix(line, "define "):
			inBody = true
		case line == "}":
			inBody = false
		case inBody && strings.HasPrefix(line, "\t") && !strings.Contains(line, "!dbg !"):
			t.Errorf("instruction without !dbg: %s", strings.TrimSpace(line))
		}
	}
}

func TestEmitLLVMDeterministic(t *testing.T) {
	for _, c := range progCases {
		a := emit(t, loadModule(t, c.file))
		b := emit(t, loadModule(t, c.file))
		if a != b {
			t.Errorf("%s: two emissions differ", c.file)
		}
	}
}

func TestCompileWithEveryToolchain(t *testing.T) {
	tcs := toolchains(t)
	for _, c := range progCases {
		ir := emit(t, loadModule(t, c.file))
		for _, tc := range tcs {
			t.Run(c.file+"/"+tc.Name, func(t *testing.T) {
				start := time.Now()
				obj, err := tc.Compile(ir, Options{OptLevel: 2})
				if err != nil {
					t.Fatalf("%v\n%s", err, ir)
				}
				elapsed := time.Since(start)
				info, err := InspectELF(obj)
				if err != nil {
					t.Fatal(err)
				}
				checkObject(t, c, info)
				p, _ := info.Program(c.prog)
				t.Logf("%s with %s: %d insns, compiled in %v", c.file, tc, p.Insns, elapsed.Round(time.Millisecond))
			})
		}
	}
}

func checkObject(t *testing.T, c progCase, info *ELFInfo) {
	t.Helper()
	if !info.HasBTF || !info.HasBTFExt {
		t.Errorf("no .BTF/.BTF.ext; sections %v", info.Sections)
	}
	if !info.HasSection("license") || info.License == "" {
		t.Errorf("no license section; sections %v", info.Sections)
	}
	p, ok := info.Program(c.prog)
	if !ok {
		t.Fatalf("program %s missing; have %+v", c.prog, info.Programs)
	}
	if p.Section != c.section || p.Subprogram {
		t.Errorf("program %s in section %q (subprogram %v), want %q", c.prog, p.Section, p.Subprogram, c.section)
	}
	if p.Insns < 2 || p.Insns > c.maxInsns {
		t.Errorf("program %s has %d instructions, want 2..%d", c.prog, p.Insns, c.maxInsns)
	}
	if len(c.maps) > 0 {
		if !info.HasSection(".maps") || strings.Join(info.Maps, ",") != strings.Join(c.maps, ",") {
			t.Errorf("maps %v in sections %v, want %v", info.Maps, info.Sections, c.maps)
		}
	}
}

func TestCompileIsReproducible(t *testing.T) {
	ir := emit(t, loadModule(t, "structs"))
	for _, tc := range toolchains(t) {
		a, err := tc.Compile(ir, Options{OptLevel: 2})
		if err != nil {
			t.Fatal(err)
		}
		// A file named like the source in the caller's directory must not
		// leak into the object (LLVM reads it for BTF line text).
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "structs.py"), []byte("print('hi')\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Chdir(dir)
		b, err := tc.Compile(ir, Options{OptLevel: 2})
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a, b) {
			t.Errorf("%s: two compilations of the same IR differ", tc)
		}
	}
}

func TestCompileAsm(t *testing.T) {
	ir := emit(t, loadModule(t, "divshift"))
	for _, tc := range toolchains(t) {
		asm, err := tc.Compile(ir, Options{OptLevel: 2, Emit: EmitAsm})
		if err != nil {
			t.Fatal(err)
		}
		// -mcpu=v3 has no signed division: the emulation must leave none.
		if regexp.MustCompile(`\bs(div|mod)\b|s/=|s%=`).Match(asm) {
			t.Errorf("%s: signed division in v3 code:\n%s", tc, asm)
		}
		if !strings.Contains(string(asm), "arith") {
			t.Errorf("%s: asm lacks the function", tc)
		}
	}
}

func TestSubprogramStaysInText(t *testing.T) {
	ir := emit(t, loadModule(t, "subprog"))
	for _, tc := range toolchains(t) {
		if !tc.IsLLC {
			continue // clang may inline it, which the language allows
		}
		obj, err := tc.Compile(ir, Options{OptLevel: 2})
		if err != nil {
			t.Fatal(err)
		}
		info, err := InspectELF(obj)
		if err != nil {
			t.Fatal(err)
		}
		sum, ok := info.Program("sum")
		if !ok || !sum.Subprogram || sum.Section != ".text" || sum.Insns < 3 {
			t.Errorf("%s: sum should be a .text subprogram, got %+v", tc, info.Programs)
		}
	}
}

func TestStringsAreDeduplicated(t *testing.T) {
	ir := emit(t, loadModule(t, "printk"))
	if n := strings.Count(ir, "private unnamed_addr constant"); n != 2 {
		t.Errorf("want 2 string constants (one per distinct text), got %d", n)
	}
}

func TestSourceIsEmbedded(t *testing.T) {
	ir, err := EmitLLVMWithSource(loadModule(t, "const"), []byte("def xdp_pass(ctx):\n    return \"XDP_PASS\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(ir, `source: "def xdp_pass(ctx):\0A    return \22XDP_PASS\22\0A"`) {
		t.Errorf("source not embedded:\n%s", ir)
	}
	for _, tc := range toolchains(t) {
		if _, err := tc.Compile(ir, Options{OptLevel: 2}); err != nil {
			t.Errorf("%s: %v", tc, err)
		}
	}
}

func TestEmitLLVMErrors(t *testing.T) {
	cases := map[string]string{
		"unknown symbol": `
func f(ctx ptr.ctx) s64 "xdp" @1:1
b0:
  v0 = Global <ptr.global> {nope} @2:1
  v1 = Load <u32> v0 @2:1
  v2 = ZExt <s64> v1 @2:1
  Ret v2 @2:1
`,
		"unknown subprogram": `
func f(ctx ptr.ctx) s64 "xdp" @1:1
b0:
  v0 = CallSub <s64> {nope} @2:1
  Ret v0 @2:1
`,
	}
	for name, text := range cases {
		m, err := ssa.Parse(text)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := EmitLLVM(m); err == nil {
			t.Errorf("%s: no error", name)
		} else if !strings.Contains(err.Error(), "nope") {
			t.Errorf("%s: error %q does not name the symbol", name, err)
		}
	}
}

func TestFindToolchain(t *testing.T) {
	_, err := FindToolchain("no-such-clang-42")
	if err == nil || !strings.Contains(err.Error(), "no-such-clang-42") {
		t.Errorf("want an error naming what was tried, got %v", err)
	}
	_, err = FindToolchain("/nonexistent/llc")
	if err == nil || !strings.Contains(err.Error(), "/nonexistent/llc") {
		t.Errorf("want an error naming the path, got %v", err)
	}
	tcs := toolchains(t)
	def, err := FindToolchain("")
	if err != nil {
		t.Fatal(err)
	}
	if def.Path != tcs[0].Path {
		t.Errorf("default toolchain %s, want the first available %s", def, tcs[0])
	}
	byPath, err := FindToolchain(def.Path)
	if err != nil || byPath.IsLLC != def.IsLLC || byPath.Version != def.Version {
		t.Errorf("by path: %+v, %v; by name %+v", byPath, err, def)
	}
	if def.Version != "" && def.String() != def.Name+" ("+def.Version+")" {
		t.Errorf("String() = %q", def.String())
	}
	for _, tc := range tcs {
		t.Logf("found %s at %s (llc: %v)", tc, tc.Path, tc.IsLLC)
	}
}

func TestCompileReportsToolErrors(t *testing.T) {
	for _, tc := range toolchains(t) {
		_, err := tc.Compile("this is not llvm ir\n", Options{})
		if err == nil || !strings.Contains(err.Error(), tc.Name) {
			t.Errorf("%s: want an error naming the tool, got %v", tc, err)
		}
	}
}

func TestInspectELFRejectsGarbage(t *testing.T) {
	if _, err := InspectELF([]byte("not an elf")); err == nil {
		t.Error("no error for garbage")
	}
}
