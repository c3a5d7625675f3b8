package loader

import (
	"reflect"
	"strings"
	"testing"
)

// These tests need neither the kernel nor clang: they pin the log parsing
// on verifier output copied from this kernel.

const branchLog = `0: R1=ctx() R10=fp0
; int parse(struct xdp_md *ctx) @ reject_packet.c:7
0: (b4) w0 = 1                        ; R0=1
; if (data + 14 > end) @ reject_packet.c:12
5: (2d) if r3 > r2 goto pc+1          ; R2=pkt_end() R3=pkt(off=14,r=14)
; return data[20]; /* REJECT */ @ reject_packet.c:14
6: (71) r0 = *(u8 *)(r1 +20)
invalid access to packet, off=20 size=1, R1(id=0,off=20,r=14)
R1 offset is outside of the packet
verification time 119 usec
stack depth 0
processed 7 insns (limit 1000000) max_states_per_insn 0 total_states 0 peak_states 0 mark_read 0`

// The instruction-level log interleaves register-state lines and
// precision back-tracking with the instructions.
const instructionLog = `10: (05) goto pc-7
mark_precise: frame0: regs=r1 stack= before 9: (15) if r1 == 0x2328 goto pc+5
9: R1=8193
4: (79) r4 = *(u64 *)(r2 +0)          ; R2=map_value(map=.bss,ks=4,vs=8) R4=scalar()
12: frame1: R1=ctx() R10=fp0
6: (15) if r4 == 0x0 goto pc+4
12: frame1: R1=ctx() R10=fp0
The sequence of 8193 jumps is too complex.
processed 57360 insns (limit 1000000) max_states_per_insn 4 total_states 1173 peak_states 1173 mark_read 0`

func TestVerifierMessage(t *testing.T) {
	for _, tc := range []struct {
		name, log string
		insn      int
		msg       string
	}{
		{"branch", branchLog, 6, "invalid access to packet, off=20 size=1"},
		{"instruction", instructionLog, 6, "The sequence of 8193 jumps is too complex."},
		{"no instruction", "func#0 @0\nInvalid arg#1\nprocessed 0 insns", -1, "Invalid arg#1"},
		{"empty", "", -1, ""},
	} {
		log := splitLog([]byte(tc.log + "\x00garbage"))
		insn := failingInsn(log)
		if insn != tc.insn {
			t.Errorf("%s: failing instruction %d, want %d", tc.name, insn, tc.insn)
		}
		if msg := verifierMessage(log, insn); msg != tc.msg {
			t.Errorf("%s: message %q, want %q", tc.name, msg, tc.msg)
		}
	}
}

func TestParseStats(t *testing.T) {
	for _, tc := range []struct {
		log       string
		processed int
		depths    []int
	}{
		{"verification time 56 usec\nstack depth 0\nprocessed 2 insns (limit 1000000) max_states_per_insn 0", 2, []int{0}},
		{"stack depth 32+24\nprocessed 114 insns (limit 1000000)", 114, []int{32, 24}},
		{"stack depth 16+0+8\n", 0, []int{16, 0, 8}},
		{"", 0, nil},
	} {
		processed, depths := parseStats(tc.log)
		if processed != tc.processed || !reflect.DeepEqual(depths, tc.depths) {
			t.Errorf("parseStats(%q) = %d, %v; want %d, %v", tc.log, processed, depths, tc.processed, tc.depths)
		}
	}
}

func TestRejectErrorText(t *testing.T) {
	withLine := &RejectError{Program: "parse", File: "prog.py", Line: 22, Col: 12, Message: "invalid access to packet, off=20 size=1"}
	noLine := &RejectError{Program: "f", Message: "operation not permitted", InsnIndex: -1}
	if got, want := withLine.Error(), "prog.py:22:12: the kernel rejected program 'parse': invalid access to packet, off=20 size=1"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	if got, want := noLine.Error(), "the kernel rejected program 'f': operation not permitted"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	both := RejectErrors{withLine, noLine}
	if got := both.Error(); strings.Count(got, "\n") != 1 {
		t.Errorf("RejectErrors.Error() = %q, want one line per program", got)
	}
}
