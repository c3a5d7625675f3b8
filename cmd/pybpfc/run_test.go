package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/pybpfc/pybpfc/internal/driver"
	"github.com/pybpfc/pybpfc/internal/kerneltest"
	"github.com/pybpfc/pybpfc/loader"
)

// envHelper turns the test binary into the child a test runs with -c:
// "getppid:N" prints "helper pid P" and calls getppid N times. Re-executing
// the test binary gives a child whose system calls are exactly known,
// which a shell or python (both call getppid at start-up) would not.
const envHelper = "PYBPFC_TEST_HELPER"

func init() {
	if os.Getenv(envHelper) != "" {
		// The BPF programs key on the thread id: stay on the main thread,
		// whose id is the process id the helper prints.
		runtime.LockOSThread()
	}
}

func TestMain(m *testing.M) {
	if h := os.Getenv(envHelper); h != "" {
		n := 0
		if v, ok := strings.CutPrefix(h, "getppid:"); ok {
			n, _ = strconv.Atoi(v)
		}
		fmt.Printf("helper pid %d\n", os.Getpid())
		for i := 0; i < n; i++ {
			syscall.Getppid()
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

const runDir = "testdata/run"

// requireRun skips (or fails under PYBPFC_REQUIRE_KERNEL=1) unless the
// kernel, clang and tracefs are there. tracefs is mounted when missing, as
// any distribution does at boot: run's own error only tells how.
func requireRun(t *testing.T) {
	t.Helper()
	kerneltest.Require(t)
	kerneltest.RequireTool(t, "clang-19", "clang", "llc-19", "llc")
	if _, err := loader.TracefsDir(); err != nil {
		if out, merr := exec.Command("mount", "-t", "tracefs", "nodev", "/sys/kernel/tracing").CombinedOutput(); merr != nil {
			if kerneltest.Required() {
				t.Fatalf("%v (mount: %v %s)", err, merr, out)
			}
			t.Skipf("%v (mount: %v %s)", err, merr, out)
		}
		t.Log("mounted tracefs at /sys/kernel/tracing")
	}
}

// helperCommand is a -c argument that runs this test binary as a helper.
func helperCommand(t *testing.T, mode string) string {
	t.Helper()
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	t.Setenv(envHelper, mode)
	return self
}

var helperPid = regexp.MustCompile(`(?m)^helper pid (\d+)$`)

// runInProcess runs `pybpfc run args...` with a context the test controls.
func runInProcess(t *testing.T, ctx context.Context, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := runProgram(ctx, args, &out, &errb)
	return code, out.String(), errb.String()
}

// TestRunHelloShowsOwnLinesOnly: the exec of the -c child is printed with
// its pid, and a second object printing on the same tracepoint is not.
func TestRunHelloShowsOwnLinesOnly(t *testing.T) {
	requireRun(t)
	other := buildObject(t, filepath.Join(runDir, "other_exec.py"))
	obj, err := loader.Open(other)
	if err != nil {
		t.Fatal(err)
	}
	l, err := obj.Load(loader.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	links, err := l.AttachAll(loader.AttachOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer links.Close()

	cmd := helperCommand(t, "getppid:0")
	code, out, stderr := runInProcess(t, context.Background(), "-f", "json", "-c", cmd, filepath.Join(runDir, "hello_exec.py"))
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	m := helperPid.FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("the helper did not run:\n%s", out)
	}
	want := "exec by " + m[1]
	found := false
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		if !strings.HasPrefix(line, "{") {
			continue
		}
		if !json.Valid([]byte(line)) {
			t.Errorf("invalid JSON line %q", line)
		}
		var rec struct{ Type, Msg string }
		json.Unmarshal([]byte(line), &rec)
		if rec.Type == "print" && rec.Msg == want {
			found = true
		}
		if strings.Contains(rec.Msg, "someone else") {
			t.Errorf("a line of another object was shown: %q", line)
		}
	}
	if !found {
		t.Errorf("no print line %q in:\n%s", want, out)
	}
}

// TestRunCountsMap: a HashMap counting getppid() per thread shows the
// helper's exact count at exit, and the *_hist map is drawn with bars.
func TestRunCountsMap(t *testing.T) {
	requireRun(t)
	cmd := helperCommand(t, "getppid:5")
	code, out, stderr := runInProcess(t, context.Background(), "-c", cmd, filepath.Join(runDir, "count_getppid.py"))
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	m := helperPid.FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("the helper did not run:\n%s", out)
	}
	row := regexp.MustCompile(`(?m)^\s+` + m[1] + `\s+5\s*$`)
	if !row.MatchString(out) {
		t.Errorf("no row '%s 5' in the calls table:\n%s", m[1], out)
	}
	if !strings.Contains(out, "pid_hist (ARRAY, log2 histogram):") || !regexp.MustCompile(`\) +\d+ \|@+ *\|`).MatchString(out) {
		t.Errorf("pid_hist is not drawn as a histogram:\n%s", out)
	}
	if !regexp.MustCompile(`(?m)^  total = \d+$`).MatchString(out) {
		t.Errorf("the global total is not printed:\n%s", out)
	}
}

// TestRunSIGINTDetaches runs the built binary, interrupts it and checks
// that its program is no longer loaded in the kernel.
func TestRunSIGINTDetaches(t *testing.T) {
	requireRun(t)
	bin := filepath.Join(t.TempDir(), "pybpfc")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	const name = "sigint_probe"
	if loadedNamed(t, name) {
		t.Fatalf("a program named %s is loaded before the test", name)
	}
	cmd := exec.Command(bin, "run", filepath.Join(runDir, "sigint.py"))
	var stdout bytes.Buffer
	cmd.Stdout = &stdout
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	attached := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stderr)
		var all strings.Builder
		for sc.Scan() {
			all.WriteString(sc.Text() + "\n")
			if strings.Contains(sc.Text(), "attached") {
				attached <- ""
			}
		}
		attached <- all.String()
	}()
	select {
	case msg := <-attached:
		if msg != "" {
			cmd.Wait()
			t.Fatalf("run ended before attaching:\n%s", msg)
		}
	case <-time.After(30 * time.Second):
		cmd.Process.Kill()
		t.Fatal("run did not attach within 30s")
	}
	if !loadedNamed(t, name) {
		t.Errorf("%s is not loaded while run is attached", name)
	}
	if err := cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	if err := cmd.Wait(); err != nil {
		t.Errorf("run after SIGINT: %v", err)
	}
	if loadedNamed(t, name) {
		t.Errorf("%s is still loaded after SIGINT", name)
	}
	if !strings.Contains(stdout.String(), "seen (HASH") {
		t.Errorf("maps were not printed at exit:\n%s", stdout.String())
	}
}

func loadedNamed(t *testing.T, name string) bool {
	t.Helper()
	progs, err := loader.KernelPrograms()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range progs {
		if p.Name == name {
			return true
		}
	}
	return false
}

// TestRunRejectionAtLoopBody: a loop bounded by a runtime global is too
// large for the verifier, reported at the Python line of the loop body.
func TestRunRejectionAtLoopBody(t *testing.T) {
	requireRun(t)
	file := filepath.Join(runDir, "loop_reject.py")
	code, _, stderr := runCLI(t, "run", "--duration", "1s", file)
	if code != 1 {
		t.Fatalf("exit %d, want 1\n%s", code, stderr)
	}
	line := markedLine(t, file, "# BODY")
	want := fmt.Sprintf("%s:%d:", file, line)
	if !strings.Contains(stderr, want) || !strings.Contains(stderr, "too large") {
		t.Errorf("want a diagnostic at %s saying the program is too large:\n%s", want, stderr)
	}
}

func markedLine(t *testing.T, file, marker string) int {
	t.Helper()
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	for i, l := range strings.Split(string(src), "\n") {
		if strings.Contains(l, marker) {
			return i + 1
		}
	}
	t.Fatalf("%s has no line with %q", file, marker)
	return 0
}

// TestRunKprobeUnavailable: without kprobes, run fails with exit 1 and
// the error naming the program, its section and the missing feature.
func TestRunKprobeUnavailable(t *testing.T) {
	requireRun(t)
	if loader.KprobesAvailable() {
		t.Skip("this kernel has kprobes")
	}
	code, _, stderr := runCLI(t, "run", "--duration", "1s", filepath.Join(runDir, "kprobe.py"))
	if code != 1 {
		t.Fatalf("exit %d, want 1\n%s", code, stderr)
	}
	for _, want := range []string{"'on_open'", "kprobe/do_sys_openat2", "kprobes are not available in this kernel"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	if strings.Contains(stderr, "panic") || strings.Count(strings.TrimSpace(stderr), "\n") != 0 {
		t.Errorf("want a single error line:\n%s", stderr)
	}
}

// TestListFindsTracepoints is `pybpfc list` with a glob.
func TestListFindsTracepoints(t *testing.T) {
	requireRun(t)
	code, out, stderr := runCLI(t, "list", "syscalls:sys_enter_open*")
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	if !regexp.MustCompile(`(?m)^tracepoint:syscalls:sys_enter_openat$`).MatchString(out) {
		t.Errorf("no syscalls:sys_enter_openat in:\n%s", out)
	}
	if strings.Contains(out, "sys_enter_close") {
		t.Errorf("the pattern was not applied:\n%s", out)
	}
}

// buildObject compiles a test program to an ELF object.
func buildObject(t *testing.T, file string) []byte {
	t.Helper()
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	out, err := driver.Build(file, src, driver.Options{OptLevel: 2})
	if err != nil {
		t.Fatal(err)
	}
	if out.Failed() {
		var b bytes.Buffer
		out.Render(&b)
		t.Fatalf("%s does not compile:\n%s", file, b.String())
	}
	return out.Object
}
