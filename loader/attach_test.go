package loader

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"os/exec"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/pybpfc/pybpfc/internal/kerneltest"
)

// requireTracefs mounts tracefs when it is missing (as every distribution
// does at boot), or skips/fails when that is not possible.
func requireTracefs(t *testing.T) {
	t.Helper()
	kerneltest.Require(t)
	if _, err := TracefsDir(); err == nil {
		return
	}
	if out, err := exec.Command("mount", "-t", "tracefs", "nodev", "/sys/kernel/tracing").CombinedOutput(); err != nil {
		if kerneltest.Required() {
			t.Fatalf("tracefs is not mounted and mounting failed: %v %s", err, out)
		}
		t.Skipf("tracefs is not mounted and mounting failed: %v %s", err, out)
	}
}

// eventLayout is struct event of testdata/attach.c.
var eventLayout = &Layout{Name: "event", Size: 40, Fields: []Field{
	{Name: "kind", Offset: 0, Size: 1, Kind: FieldInt},
	{Name: "pid", Offset: 4, Size: 4, Kind: FieldInt},
	{Name: "big", Offset: 8, Size: 8, Kind: FieldInt},
	{Name: "neg", Offset: 16, Size: 4, Kind: FieldInt, Signed: true},
	{Name: "comm", Offset: 20, Size: 16, Kind: FieldText},
}}

// TestAttachStreamDump attaches a tracepoint and a raw tracepoint, reads
// their ring buffer and perf records, detaches, and dumps the maps.
func TestAttachStreamDump(t *testing.T) {
	requireTracefs(t)
	l := loadC(t, "attach")
	// The programs filter on this thread's id, so that other processes'
	// getppid calls do not count.
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	tid := uint32(syscall.Gettid())
	if err := l.SetGlobal("watch_pid", binary.LittleEndian.AppendUint32(nil, tid)); err != nil {
		t.Fatal(err)
	}
	var recs []Record
	stream, err := l.OpenRecords(map[string]*Layout{"events": eventLayout, "perf_events": eventLayout},
		func(r Record) { recs = append(recs, r) })
	if err != nil {
		t.Fatal(err)
	}
	links, err := l.AttachAll(AttachOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var skipped []string
	for _, a := range links.Attachments() {
		if a.Skipped != "" {
			skipped = append(skipped, a.Program)
		}
	}
	if strings.Join(skipped, ",") != "sock" {
		t.Errorf("skipped %v, want only the socket filter", skipped)
	}
	for i := 0; i < 3; i++ {
		syscall.Getppid()
	}
	if err := stream.Stop(); err != nil {
		t.Fatal(err)
	}
	if err := links.Close(); err != nil {
		t.Fatal(err)
	}
	syscall.Getppid() // detached: must not count

	perMap := map[string]int{}
	for _, r := range recs {
		perMap[r.Map]++
		got := FormatText(r.Fields)
		want := "kind=3 pid=" + itoa(tid) + " big=18446744073709551615 neg=-42 comm="
		if !strings.HasPrefix(got, want) {
			t.Errorf("%s record: %s\nwant prefix %s", r.Map, got, want)
		}
	}
	if perMap["events"] != 3 || perMap["perf_events"] != 3 {
		t.Errorf("records per map: %v, want 3 each", perMap)
	}
	if n, _ := l.GlobalUint("tp_hits"); n != 3 {
		t.Errorf("tp_hits = %d, want 3", n)
	}
	if n, _ := l.GlobalUint("raw_hits"); n < 3 {
		t.Errorf("raw_hits = %d, want at least 3", n)
	}

	var text bytes.Buffer
	if err := l.DumpMaps(&text, false); err != nil {
		t.Fatal(err)
	}
	for _, re := range []string{
		`(?m)^stats \(HASH\):\n\s+key\s+calls\s+last\s+tag\s*\n\s+1\s+3\s+-1\s+"ok"\s*$`,
		`(?m)^lat_hist \(ARRAY, log2 histogram\):\n\[8, 16\)\s+3 \|@{40}\|$`,
		`(?m)^  tp_hits = 3$`,
		`(?m)^  watch_pid = ` + itoa(tid) + `$`,
	} {
		if !regexp.MustCompile(re).MatchString(text.String()) {
			t.Errorf("dump does not match %s:\n%s", re, text.String())
		}
	}
	if strings.Contains(text.String(), "events") {
		t.Errorf("ring buffer or perf array in the dump:\n%s", text.String())
	}
	var js bytes.Buffer
	if err := l.DumpMaps(&js, true); err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(strings.TrimSpace(js.String()), "\n") {
		if !json.Valid([]byte(line)) {
			t.Errorf("invalid JSON: %s", line)
		}
	}
	if !strings.Contains(js.String(), `{"type":"map","name":"stats","kind":"HASH","entries":[{"key":1,"value":{"calls":3,"last":-1,"tag":"ok"}}]}`) {
		t.Errorf("JSON dump of stats:\n%s", js.String())
	}
}

func itoa(n uint32) string { return strconv.FormatUint(uint64(n), 10) }

func TestAttachUnknownTracepoint(t *testing.T) {
	requireTracefs(t)
	l := loadC(t, "nope")
	_, err := l.AttachAll(AttachOptions{})
	want := "program 'on_nope' (section tracepoint/syscalls/sys_enter_nope): tracepoint syscalls/sys_enter_nope does not exist; see `pybpfc list`"
	if err == nil || err.Error() != want {
		t.Errorf("err = %v\nwant %s", err, want)
	}
}

// TestAttachInterface: xdp and tc need --iface; a missing interface is
// named; on lo both attach and detach.
func TestAttachInterface(t *testing.T) {
	kerneltest.Require(t)
	xdp := loadC(t, "xdp_pass")
	if _, err := xdp.AttachAll(AttachOptions{}); err == nil || !strings.Contains(err.Error(), "pass --iface IF") {
		t.Errorf("no interface: %v", err)
	}
	if _, err := xdp.AttachAll(AttachOptions{Iface: "nosuch0"}); err == nil || !strings.Contains(err.Error(), "interface nosuch0 not found") {
		t.Errorf("missing interface: %v", err)
	}
	for _, name := range []string{"xdp_pass", "skb"} {
		l := loadC(t, name)
		links, err := l.AttachAll(AttachOptions{Iface: "lo"})
		if err != nil {
			t.Errorf("%s on lo: %v", name, err)
			continue
		}
		for _, a := range links.Attachments() {
			t.Logf("%s: %+v", name, a)
		}
		if err := links.Close(); err != nil {
			t.Errorf("%s: detach: %v", name, err)
		}
	}
}

// TestDumpPerCPU: a per-CPU array shows one column per CPU and a total;
// its all-zero entries are counted, not listed.
func TestDumpPerCPU(t *testing.T) {
	l := loadC(t, "globals")
	for i := 0; i < 2; i++ {
		if _, _, err := l.Run("bump", nil); err != nil {
			t.Fatal(err)
		}
	}
	var b bytes.Buffer
	if err := l.DumpMaps(&b, false); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, re := range []string{
		`(?m)^counts \(HASH\):\n\s+key\s+value\s*\n\s+7\s+2\s*$`,
		`(?m)^percpu \(PERCPU_ARRAY, 1 zero entries not shown\):\n\s+key\s+cpu0\s.*\stotal\s*\n\s+1\s[\s\d]*\s10\s*$`,
		`(?m)^globals:\n  runs = 2\n  seed = 44$`,
	} {
		if !regexp.MustCompile(re).MatchString(out) {
			t.Errorf("dump does not match %s:\n%s", re, out)
		}
	}
}
