package e2e

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/pybpfc/pybpfc/internal/driver"
	"github.com/pybpfc/pybpfc/internal/kerneltest"
	"github.com/pybpfc/pybpfc/loader"
)

// Kernel-type checks that `# run:` lines cannot express: a result compared
// with this process's parent, a BTF file given on the command line, and the
// shape of the object's instructions and relocations.

func buildProgram(t *testing.T, name string, opts driver.Options) *driver.Output {
	t.Helper()
	src, err := os.ReadFile(filepath.Join(programsDir, name))
	if err != nil {
		t.Fatal(err)
	}
	if opts.OptLevel == 0 {
		opts.OptLevel = 2
	}
	out, err := driver.Build(name, src, opts)
	if err != nil {
		t.Fatalf("build: %v", err)
	}
	if out.Failed() {
		var b strings.Builder
		out.Render(&b)
		t.Fatalf("%s did not compile:\n%s", name, b.String())
	}
	return out
}

// C-95: get_current_task().real_parent.tgid is the parent's process id.
func TestKernelTaskParent(t *testing.T) {
	kerneltest.Require(t)
	out := buildProgram(t, "kernel_task_parent.py", driver.Options{})
	obj, err := loader.Open(out.Object)
	if err != nil {
		t.Fatal(err)
	}
	l, err := obj.Load(loader.LoadOptions{})
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	defer l.Close()
	if _, _, err := l.Run("parent", nil); err != nil {
		t.Fatal(err)
	}
	got, err := l.GlobalUint("ppid")
	if err != nil {
		t.Fatal(err)
	}
	if int(got) != os.Getppid() {
		t.Errorf("get_current_task().real_parent.tgid = %d, want the parent pid %d", got, os.Getppid())
	}
}

// C-97: names from vmlinux resolve from a BTF file given on the command
// line too (here a copy of the running kernel's, raw BTF).
func TestKernelBTFFile(t *testing.T) {
	raw, err := os.ReadFile("/sys/kernel/btf/vmlinux")
	if err != nil {
		t.Skip("no kernel BTF to copy:", err)
	}
	file := filepath.Join(t.TempDir(), "vmlinux.btf")
	if err := os.WriteFile(file, raw, 0o644); err != nil {
		t.Fatal(err)
	}
	out := buildProgram(t, "kernel_ctx_field.py", driver.Options{BTFPath: file})
	if len(out.Object) == 0 {
		t.Fatal("no object")
	}
	missing := filepath.Join(t.TempDir(), "none.btf")
	src, _ := os.ReadFile(filepath.Join(programsDir, "kernel_ctx_field.py"))
	bad, err := driver.Build("kernel_ctx_field.py", src, driver.Options{BTFPath: missing})
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	bad.Render(&b)
	if want := "kernel BTF not found: " + missing + "; give a BTF file on the command line"; !strings.Contains(b.String(), want) {
		t.Errorf("missing BTF file: got %q, want %q", b.String(), want)
	}
}

// objdump disassembles an object with its relocations, or skips.
func objdump(t *testing.T, obj []byte) string {
	t.Helper()
	tool, err := exec.LookPath("llvm-objdump-19")
	if err != nil {
		t.Skip("llvm-objdump-19 not found")
	}
	file := filepath.Join(t.TempDir(), "prog.o")
	if err := os.WriteFile(file, obj, 0o644); err != nil {
		t.Fatal(err)
	}
	text, err := exec.Command(tool, "-d", "-r", file).CombinedOutput()
	if err != nil {
		t.Fatalf("%s: %v\n%s", tool, err, text)
	}
	return string(text)
}

// C-98, C-103b, C-99: context fields are one direct load of the field's
// width with a CO-RE relocation (through an embedded struct, the summed
// offset); a kernel pointer field is a probe read at a relocated offset.
func TestKernelObjectShape(t *testing.T) {
	cases := []struct {
		file string
		want []string
	}{
		{"kernel_ctx_field.py", []string{
			`r\d = \*\(u32 \*\)\(r1 \+ 0xc\)\s+\S+:\s+CO-RE <byte_off> \[\d+\] struct xdp_md::ingress_ifindex \(0:3\)`}},
		{"kernel_perf_regs.py", []string{
			`r\d = \*\(u64 \*\)\(r1 \+ 0x80\)\s+\S+:\s+CO-RE <byte_off> \[\d+\] struct bpf_perf_event_data::regs.ip \(0:0:16\)`}},
		{"kernel_kprobe_request.py", []string{
			`CO-RE <byte_off> \[\d+\] struct pt_regs::di \(0:14\)`,
			`CO-RE <byte_off> \[\d+\] struct request::__data_len`,
			`call 0x71`}},
	}
	for _, c := range cases {
		text := objdump(t, buildProgram(t, c.file, driver.Options{}).Object)
		for _, w := range c.want {
			if !regexp.MustCompile(w).MatchString(text) {
				t.Errorf("%s: no match for %s in\n%s", c.file, w, text)
			}
		}
	}
}
