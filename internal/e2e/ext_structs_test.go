package e2e

import "testing"

// TestEmbeddedStructAndArrayFields is C-43: an embedded @struct aligns to
// its largest member and a `c_T * N` field to its element; the BTF says
// the same, with the member typed by the inner struct and an array of
// unsigned int.
func TestEmbeddedStructAndArrayFields(t *testing.T) {
	src := prelude + `
@bpf
@struct
class inner_t:
    x: c_uint16
    y: c_uint64


@bpf
@struct
class outer_t:
    a: c_uint8
    i: inner_t
    v: c_uint32 * 4


@bpf
@map
def m() -> HashMap:
    return HashMap(key=c_uint32, value=outer_t, max_entries=1)


@bpf
@section("xdp")
def p(ctx: c_void_p) -> c_int64:
    o = outer_t()
    o.i.y = 7
    m.update(0, o)
    return sizeof(outer_t)
` + license
	obj := open(t, build(t, src))
	size, ms, err := obj.StructBTF("outer_t")
	if err != nil {
		t.Fatal(err)
	}
	if size != 40 || len(ms) != 3 {
		t.Fatalf("outer_t: size %d members %+v", size, ms)
	}
	want := []struct {
		name, typ string
		bits      uint32
	}{{"a", "unsigned char", 0}, {"i", "inner_t", 64}, {"v", "unsigned int[4]", 192}}
	for i, w := range want {
		if ms[i].Name != w.name || ms[i].Type != w.typ || ms[i].BitOffset != w.bits {
			t.Errorf("member %d = %+v, want %s %s at bit %d", i, ms[i], w.typ, w.name, w.bits)
		}
	}
	if info, _ := obj.MapSpecInfo("m"); info.ValueSize != 40 {
		t.Errorf("value size %d, want 40", info.ValueSize)
	}
}
