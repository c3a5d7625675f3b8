package loader

import (
	"errors"
	"path/filepath"
	"reflect"
	"strings"
	"syscall"
	"testing"

	"github.com/pybpfc/pybpfc/internal/kerneltest"
)

func TestCheckXDPPass(t *testing.T) {
	kerneltest.Require(t)
	reports, err := Check(compileC(t, "xdp_pass"), CheckOptions{KeepLog: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(reports) != 1 {
		t.Fatalf("%d reports, want 1", len(reports))
	}
	r := reports[0]
	// "return XDP_PASS" is two instructions: w0 = 2; exit.
	if r.Name != "xdp_pass" || r.Section != "xdp" || r.Type != "XDP" || r.ELFInsns != 2 ||
		r.VerifiedInsns != 2 || r.ProcessedInsns != 2 || r.XlatedInsns != 2 {
		t.Errorf("report %+v", r)
	}
	if !reflect.DeepEqual(r.StackDepths, []int{0}) || r.StackDepth != 0 {
		t.Errorf("stack depths %v (sum %d), want [0]", r.StackDepths, r.StackDepth)
	}
	if r.JITedBytes <= 0 || !strings.Contains(r.Log, "processed 2 insns") || r.Err != nil {
		t.Errorf("JIT %d bytes, log %q, err %v", r.JITedBytes, r.Log, r.Err)
	}
}

func TestCheckStack(t *testing.T) {
	kerneltest.Require(t)
	reports, err := Check(compileC(t, "stack"), CheckOptions{})
	if err != nil {
		t.Fatal(err)
	}
	r := reports[0]
	// stacky keeps a volatile u64[4] (32 bytes); its non-inlined callee a
	// volatile u8[24] (24 bytes): the log says "stack depth 32+24".
	if !reflect.DeepEqual(r.StackDepths, []int{32, 24}) || r.StackDepth != 56 {
		t.Errorf("stack depths %v (sum %d), want [32 24] (56)", r.StackDepths, r.StackDepth)
	}
	if r.ELFInsns <= 0 || r.XlatedInsns <= 0 || r.JITedBytes <= 0 || r.VerifiedInsns <= 0 {
		t.Errorf("counts: %+v", r)
	}
	if r.ProcessedInsns != r.VerifiedInsns {
		t.Errorf("log says %d processed, prog info %d verified", r.ProcessedInsns, r.VerifiedInsns)
	}
	if r.Log != "" {
		t.Error("log kept without KeepLog")
	}
}

func TestCheckRejects(t *testing.T) {
	kerneltest.Require(t)
	reports, err := Check(compileC(t, "reject"), CheckOptions{})
	var rerrs RejectErrors
	if !errors.As(err, &rerrs) || len(rerrs) != 2 {
		t.Fatalf("Check error %v, want RejectErrors for both programs", err)
	}
	if len(reports) != 2 || reports[0].Name != "no_null_check" || reports[1].Name != "too_many_jumps" {
		t.Fatalf("reports %+v", reports)
	}
	for _, r := range reports {
		if r.Err == nil || r.VerifiedInsns != 0 || r.ELFInsns <= 0 {
			t.Errorf("report of a rejected program: %+v", r)
		}
	}

	null := rerrs[0]
	wantRejection(t, null, "reject", "REJECT_NULL", "R0 invalid mem access 'map_value_or_null'")
	if !errors.Is(null, syscall.EACCES) {
		t.Errorf("errno %v, want EACCES", null.Errno)
	}

	// The kernel answers EFAULT here and cilium drops the log: the
	// position and message come from the loader's own raw reload.
	loop := rerrs[1]
	wantRejection(t, loop, "reject", "REJECT_LOOP", "The sequence of 8193 jumps is too complex.")
}

func TestLoadRejectsPacketAccess(t *testing.T) {
	kerneltest.Require(t)
	_, err := openC(t, "reject_packet").Load(LoadOptions{})
	var rerrs RejectErrors
	if !errors.As(err, &rerrs) || len(rerrs) != 2 {
		t.Fatalf("Load error %v, want RejectErrors for both programs", err)
	}
	wantRejection(t, rerrs[0], "reject_packet", "REJECT */", "invalid access to packet, off=20 size=1")
	if rerrs[0].Col != 9 { // the column of data[20]
		t.Errorf("column %d, want 9", rerrs[0].Col)
	}
	// parse_sub fails inside its subprogram, which cilium places after
	// the caller: the instruction index must still find the right line.
	wantRejection(t, rerrs[1], "reject_packet", "REJECT_SUB", "invalid access to packet, off=23 size=1")

	var first *RejectError
	if !errors.As(err, &first) || first != rerrs[0] {
		t.Error("errors.As does not find the first *RejectError")
	}
	if msg := first.Error(); !strings.HasSuffix(msg, "reject_packet.c:14:9: the kernel rejected program 'parse': invalid access to packet, off=20 size=1") {
		t.Errorf("Error() = %q", msg)
	}
}

// wantRejection checks a rejection's position (the line of testdata/<file>.c
// holding marker), message, and that its log holds the message.
func wantRejection(t *testing.T, r *RejectError, file, marker, msg string) {
	t.Helper()
	if line := markedLine(t, file, marker); r.Line != line || filepath.Base(r.File) != file+".c" {
		t.Errorf("%s: rejected at %s:%d, want %s.c:%d", r.Program, r.File, r.Line, file, line)
	}
	if r.Message != msg {
		t.Errorf("%s: message %q, want %q", r.Program, r.Message, msg)
	}
	if r.InsnIndex < 0 || !strings.Contains(r.Log, msg) || r.Section != "xdp" {
		t.Errorf("%s: instruction %d, section %q, log %q", r.Program, r.InsnIndex, r.Section, r.Log)
	}
}
