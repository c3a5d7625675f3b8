package loader

import (
	"encoding/binary"
	"encoding/json"
	"strings"
	"testing"
)

// recordLayout is a struct {u8 flags; u32 pid; u64 big; s32 delta;
// char comm[16];} laid out as clang does (LANGUAGE.md 4.2).
var recordLayout = &Layout{Name: "event_t", Size: 40, Fields: []Field{
	{Name: "flags", Offset: 0, Size: 1, Kind: FieldInt},
	{Name: "pid", Offset: 4, Size: 4, Kind: FieldInt},
	{Name: "big", Offset: 8, Size: 8, Kind: FieldInt},
	{Name: "delta", Offset: 16, Size: 4, Kind: FieldInt, Signed: true},
	{Name: "comm", Offset: 20, Size: 16, Kind: FieldText},
}}

func record(flags uint8, pid uint32, big uint64, delta int32, comm string) []byte {
	b := make([]byte, 40)
	b[0] = flags
	binary.LittleEndian.PutUint32(b[4:], pid)
	binary.LittleEndian.PutUint64(b[8:], big)
	binary.LittleEndian.PutUint32(b[16:], uint32(delta))
	copy(b[20:36], comm)
	return b
}

func TestDecodeRecordText(t *testing.T) {
	if err := recordLayout.Validate(); err != nil {
		t.Fatal(err)
	}
	vals := recordLayout.Decode(record(255, 123, 4000, -7, "bash"))
	if got, want := FormatText(vals), "flags=255 pid=123 big=4000 delta=-7 comm=bash"; got != want {
		t.Errorf("text:\n got %s\nwant %s", got, want)
	}
	// A full 16-byte name has no NUL: it ends at the field's end, and text
	// with a space is quoted so the line stays parseable.
	vals = recordLayout.Decode(record(0, 1, 0, 0, "a name with 16 b"))
	if got, want := FormatText(vals), `flags=0 pid=1 big=0 delta=0 comm="a name with 16 b"`; got != want {
		t.Errorf("text:\n got %s\nwant %s", got, want)
	}
	// A short record (a perf sample cut short) reads missing bytes as 0.
	if got := FormatText(recordLayout.Decode(record(1, 2, 3, 4, "x")[:8])); got != `flags=1 pid=2 big=0 delta=0 comm=""` {
		t.Errorf("short record: %s", got)
	}
}

func TestDecodeRecordJSON(t *testing.T) {
	const maxU64 = "18446744073709551615"
	for _, tc := range []struct {
		rec  []byte
		want string
	}{
		{record(1, 42, 1<<64-1, -2147483648, "sh"),
			`{"flags":1,"pid":42,"big":` + maxU64 + `,"delta":-2147483648,"comm":"sh"}`},
		{record(0, 0, 1<<53+1, 0, "q\"\\\n\t<x>"),
			`{"flags":0,"pid":0,"big":9007199254740993,"delta":0,"comm":"q\"\\\n\t<x>"}`},
		{record(0, 0, 0, 0, "\xff\xfe\x01"),
			`{"flags":0,"pid":0,"big":0,"delta":0,"comm":"\ufffd\ufffd\u0001"}`},
	} {
		got := FormatJSON(recordLayout.Decode(tc.rec))
		if !json.Valid([]byte(got)) {
			t.Errorf("invalid JSON: %s", got)
		}
		if got != tc.want {
			t.Errorf("JSON:\n got %s\nwant %s", got, tc.want)
		}
	}
	// u64 max survives a JSON decoder that keeps numbers as text.
	dec := json.NewDecoder(strings.NewReader(FormatJSON(recordLayout.Decode(record(0, 0, 1<<64-1, 0, "")))))
	dec.UseNumber()
	var m map[string]any
	if err := dec.Decode(&m); err != nil {
		t.Fatal(err)
	}
	if n, ok := m["big"].(json.Number); !ok || n.String() != maxU64 {
		t.Errorf("big = %s, want %s", m["big"], maxU64)
	}
}

func TestDecodeSignedSizes(t *testing.T) {
	lay := &Layout{Size: 15, Fields: []Field{
		{Name: "a", Offset: 0, Size: 1, Kind: FieldInt, Signed: true},
		{Name: "b", Offset: 1, Size: 2, Kind: FieldInt, Signed: true},
		{Name: "c", Offset: 3, Size: 8, Kind: FieldInt, Signed: true},
		{Name: "d", Offset: 11, Size: 4, Kind: FieldInts, Count: 2},
	}}
	b := []byte{0x80, 0xfe, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f, 1, 0, 2, 0}
	if got, want := FormatText(lay.Decode(b)), "a=-128 b=-2 c=9223372036854775807 d=[1,2]"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
	if got := FormatJSON(lay.Decode(b)); got != `{"a":-128,"b":-2,"c":9223372036854775807,"d":[1,2]}` {
		t.Errorf("JSON %s", got)
	}
}

func TestValidateRejectsOverflow(t *testing.T) {
	bad := &Layout{Size: 4, Fields: []Field{{Name: "x", Offset: 2, Size: 4, Kind: FieldInt}}}
	if bad.Validate() == nil {
		t.Error("a field past the end was accepted")
	}
}
