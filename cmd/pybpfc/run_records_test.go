package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/pybpfc/pybpfc/internal/driver"
	"github.com/pybpfc/pybpfc/loader"
	"github.com/pybpfc/pybpfc/ssa"
)

// TestRunRingBufferRecords runs a program that sends a struct per execve
// through a ring buffer and checks the JSON record of the -c child. It
// skips while the compiler reports ring buffer output as not supported
// yet, and starts checking by itself once `events.output(evt)` compiles.
func TestRunRingBufferRecords(t *testing.T) {
	file := filepath.Join(runDir, "ringbuf_exec.py")
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	out, err := driver.Build(file, src, driver.Options{OptLevel: 2, Stop: driver.StageSSAOpt})
	if err != nil {
		t.Fatal(err)
	}
	if out.Failed() {
		var b bytes.Buffer
		out.Render(&b)
		if strings.Contains(b.String(), "not supported yet") {
			t.Skipf("ring buffers are not compiled yet:\n%s", b.String())
		}
		t.Fatalf("%s does not compile:\n%s", file, b.String())
	}
	requireRun(t)
	cmd := helperCommand(t, "getppid:0")
	code, stdout, stderr := runInProcess(t, context.Background(), "-f", "json", "-c", cmd, file)
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	m := helperPid.FindStringSubmatch(stdout)
	if m == nil {
		t.Fatalf("the helper did not run:\n%s", stdout)
	}
	pid, _ := strconv.Atoi(m[1])
	found := false
	for _, line := range strings.Split(stdout, "\n") {
		if !strings.HasPrefix(line, "{") {
			continue
		}
		if !json.Valid([]byte(line)) {
			t.Fatalf("invalid JSON line %q", line)
		}
		var rec struct {
			Type, Map string
			Data      map[string]any
		}
		json.Unmarshal([]byte(line), &rec)
		if rec.Type != "record" || rec.Data["pid"] != float64(pid) {
			continue
		}
		found = true
		if rec.Map != "events" || rec.Data["flags"] != float64(7) || rec.Data["delta"] != float64(-5) {
			t.Errorf("record fields: %s", line)
		}
		if _, ok := rec.Data["comm"].(string); !ok {
			t.Errorf("comm is not text: %s", line)
		}
		if !strings.Contains(line, `"data":{"pid":`) {
			t.Errorf("fields are not in declaration order: %s", line)
		}
	}
	if !found {
		t.Errorf("no record with pid %d in:\n%s", pid, stdout)
	}
}

// TestLayoutOfStruct: the CLI's translation of an ssa struct into the
// loader's record layout (offsets from LANGUAGE.md 4.2).
func TestLayoutOfStruct(t *testing.T) {
	inner := ssa.NewStruct("addr_t", []ssa.Field{{Name: "port", Type: ssa.U16}})
	st := ssa.NewStruct("event_t", []ssa.Field{
		{Name: "pid", Type: ssa.U32},
		{Name: "flags", Type: ssa.U8},
		{Name: "delay_ns", Type: ssa.U64},
		{Name: "name", Type: ssa.ArrayOf(ssa.Char, 16)},
		{Name: "delta", Type: ssa.S32},
		{Name: "addr", Type: inner},
		{Name: "stack", Type: ssa.ArrayOf(ssa.U64, 2)},
	})
	got := layoutOf(st)
	want := &loader.Layout{Name: "event_t", Size: st.Size(), Fields: []loader.Field{
		{Name: "pid", Offset: 0, Size: 4, Kind: loader.FieldInt},
		{Name: "flags", Offset: 4, Size: 1, Kind: loader.FieldInt},
		{Name: "delay_ns", Offset: 8, Size: 8, Kind: loader.FieldInt},
		{Name: "name", Offset: 16, Size: 16, Kind: loader.FieldText},
		{Name: "delta", Offset: 32, Size: 4, Kind: loader.FieldInt, Signed: true},
		{Name: "addr.port", Offset: 36, Size: 2, Kind: loader.FieldInt},
		{Name: "stack", Offset: 40, Size: 16, Kind: loader.FieldInts, Count: 2},
	}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("layoutOf:\n got %+v\nwant %+v", got, want)
	}
	if err := got.Validate(); err != nil {
		t.Error(err)
	}
}

func TestSplitCommand(t *testing.T) {
	for in, want := range map[string][]string{
		"/bin/true":                       {"/bin/true"},
		"  ls   -l /tmp ":                 {"ls", "-l", "/tmp"},
		`sh -c 'echo $$; exec /bin/true'`: {"sh", "-c", "echo $$; exec /bin/true"},
		`printf "a b" c\ d`:               {"printf", "a b", "c d"},
		`echo ''`:                         {"echo", ""},
		`python3 -c "print('it''s')"`:     {"python3", "-c", "print('it''s')"},
		`a"b"'c'`:                         {"abc"},
		`with\"quote`:                     {`with"quote`},
		"":                                nil,
	} {
		got, err := splitCommand(in)
		if err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("splitCommand(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, bad := range []string{`echo 'oops`, `echo "oops`, `trailing\`} {
		if _, err := splitCommand(bad); err == nil {
			t.Errorf("splitCommand(%q): no error", bad)
		}
	}
}

func TestRunUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{"run"},
		{"run", "-f", "yaml", example},
		{"run", "--duration", "soon", example},
		{"run", "-c", "'unterminated", example},
		{"run", example, "-c"},
		{"list", "a", "b"},
	} {
		if code, _, stderr := runCLI(t, args...); code != 2 {
			t.Errorf("pybpfc %q: exit %d, want 2\n%s", args, code, stderr)
		}
	}
}

// TestPrintFormats collects the formats the trace filter is built from.
func TestPrintFormats(t *testing.T) {
	file := filepath.Join(runDir, "hello_exec.py")
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	out, err := driver.Build(file, src, driver.Options{OptLevel: 2, Stop: driver.StageSSAOpt})
	if err != nil || out.Failed() {
		t.Fatalf("build: %v", err)
	}
	formats, known := printFormats(out.Module)
	if !known || !reflect.DeepEqual(formats, []string{"exec by %llu\n"}) {
		t.Errorf("printFormats = %q, %v", formats, known)
	}
	if f := loader.NewTraceFilter(formats); !f.Match("exec by 123") || f.Match("someone else saw 123 exec") {
		t.Errorf("the filter built from %q does not separate the two programs", formats)
	}
}
