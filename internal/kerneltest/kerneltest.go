// Package kerneltest decides, in one place, whether a test that needs the
// running kernel (loading BPF programs, BPF_PROG_TEST_RUN, attaching) or an
// external tool (clang-19, llc) may run here.
//
// The rule every kernel test in pybpfc follows:
//
//	func TestSomething(t *testing.T) {
//		kerneltest.Require(t)                       // root + bpf filesystem/BTF
//		clang := kerneltest.RequireTool(t, "clang-19", "clang")
//		...
//	}
//
// By default a missing prerequisite skips the test with the reason, so
// `go test ./...` stays green on a laptop or in an unprivileged container.
// With PYBPFC_REQUIRE_KERNEL=1 in the environment the same condition fails
// the test instead: CI machines that are supposed to have the kernel and the
// tools set it, so a broken runner cannot silently skip the whole kernel tier.
//
// The package is standard library only on purpose: it is imported by test
// files of every package, including those that must not depend on
// cilium/ebpf (see ARCHITECTURE.md, the import column).
package kerneltest

import (
	"fmt"
	"os"
	"os/exec"
	"testing"
)

// EnvRequire is the environment variable that turns skips into failures.
const EnvRequire = "PYBPFC_REQUIRE_KERNEL"

// Paths whose presence shows that BPF is usable: the bpf filesystem and the
// kernel's own BTF (needed by CO-RE relocations and tp_btf/fentry targets).
// Either one is enough; a kernel with neither is too old or too locked down.
var bpfPaths = []string{"/sys/fs/bpf", "/sys/kernel/btf/vmlinux"}

// Required reports whether PYBPFC_REQUIRE_KERNEL=1 is set, i.e. whether a
// missing kernel or tool is a failure rather than a reason to skip.
func Required() bool { return os.Getenv(EnvRequire) == "1" }

// Require skips t (or fails it, under PYBPFC_REQUIRE_KERNEL=1) unless the
// process can load BPF programs: it runs as root and the kernel shows BPF
// support (/sys/fs/bpf or /sys/kernel/btf/vmlinux exists).
//
// It deliberately does not issue a bpf() system call: that would need
// cilium/ebpf or raw syscalls here. A kernel that passes these checks but
// still refuses a load shows up as a real test failure, which is what we
// want on a machine that claims to support BPF.
func Require(t testing.TB) {
	t.Helper()
	if reason := kernelMissing(); reason != "" {
		skipOrFail(t, reason)
	}
}

// RequireTool returns the path of the first of names found on PATH (for
// example RequireTool(t, "clang-19", "clang")). When none is found it skips
// t, or fails it under PYBPFC_REQUIRE_KERNEL=1, naming every tool it tried.
func RequireTool(t testing.TB, names ...string) string {
	t.Helper()
	if len(names) == 0 {
		t.Fatal("kerneltest.RequireTool: no tool names given")
	}
	if path := findTool(names); path != "" {
		return path
	}
	skipOrFail(t, fmt.Sprintf("none of %q is on PATH", names))
	return ""
}

// kernelMissing returns why the kernel cannot be used, or "".
func kernelMissing() string {
	if os.Geteuid() != 0 {
		return "loading BPF programs needs root (euid is not 0)"
	}
	for _, p := range bpfPaths {
		if _, err := os.Stat(p); err == nil {
			return ""
		}
	}
	return fmt.Sprintf("the kernel shows no BPF support (none of %q exists)", bpfPaths)
}

// findTool returns the path of the first name found on PATH, or "".
func findTool(names []string) string {
	for _, n := range names {
		if path, err := exec.LookPath(n); err == nil {
			return path
		}
	}
	return ""
}

func skipOrFail(t testing.TB, reason string) {
	t.Helper()
	if Required() {
		t.Fatalf("%s, and %s=1 forbids skipping", reason, EnvRequire)
		return // only reached with a fake testing.TB
	}
	t.Skip(reason)
}
