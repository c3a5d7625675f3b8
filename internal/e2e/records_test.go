package e2e

import (
	"encoding/binary"
	"encoding/hex"
	"os"
	"testing"

	"github.com/pybpfc/pybpfc/loader"
)

// Records written by programs, read from userspace with the loader's
// record stream, with raw bytes (no layout) so the test checks the exact
// bytes the kernel delivered.

// records runs prog once and returns the raw records its ring buffer or
// perf event array maps received.
func records(t *testing.T, l *loader.Loaded, prog string) [][]byte {
	t.Helper()
	var got [][]byte
	s, err := l.OpenRecords(nil, func(r loader.Record) {
		for _, f := range r.Fields {
			b, err := hex.DecodeString(f.Text)
			if err != nil {
				t.Errorf("record of %s: %v", r.Map, err)
			}
			got = append(got, b)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	runHere(t, l, prog)
	if err := s.Stop(); err != nil {
		t.Fatal(err)
	}
	return got
}

// C-60: reserve(24), cast, seq = 7, submit: one 24-byte record.
func TestRingbufReserveSubmitRecord(t *testing.T) {
	l := loadProgram(t, "ringbuf_reserve_submit")
	recs := records(t, l, "emit")
	if len(recs) != 1 || len(recs[0]) != 24 {
		t.Fatalf("got records %x, want one of 24 bytes", recs)
	}
	if seq := binary.LittleEndian.Uint64(recs[0]); seq != 7 {
		t.Errorf("seq = %d, want 7", seq)
	}
	if pid := binary.LittleEndian.Uint32(recs[0][8:]); pid == 0 {
		t.Errorf("pid field is 0")
	}
}

// C-59 for both map kinds: output(evt) delivers sizeof(evt) bytes holding
// the written fields.
func TestOutputRecords(t *testing.T) {
	for _, tc := range []struct {
		prog string
		tag  uint32
		val  uint64
	}{{"ringbuf_output", 0xABCD, 1234567890123}, {"perf_output", 0x5EED, 77}} {
		t.Run(tc.prog, func(t *testing.T) {
			l := loadProgram(t, tc.prog)
			recs := records(t, l, "send")
			if len(recs) != 1 {
				t.Fatalf("got %d records, want 1", len(recs))
			}
			r := recs[0]
			// perf pads a raw sample so that it and its 4-byte size end
			// on an 8-byte boundary: evt_t's 16 bytes come back as 20.
			if len(r) != 16 && !(tc.prog == "perf_output" && len(r) == 20) {
				t.Fatalf("record %x has %d bytes, want 16", r, len(r))
			}
			if tag := binary.LittleEndian.Uint32(r); tag != tc.tag {
				t.Errorf("tag = %#x, want %#x", tag, tc.tag)
			}
			if pid := binary.LittleEndian.Uint32(r[4:]); pid != uint32(os.Getpid()) {
				t.Errorf("pid = %d, want %d", pid, os.Getpid())
			}
			if v := binary.LittleEndian.Uint64(r[8:]); v != tc.val {
				t.Errorf("value = %d, want %d", v, tc.val)
			}
		})
	}
}
