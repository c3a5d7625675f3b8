package kbtf

import (
	"errors"
	"os"
	"testing"
)

func kernel(t *testing.T) *BTF {
	t.Helper()
	if _, err := os.Stat(KernelPath); err != nil {
		t.Skip("no kernel BTF on this machine")
	}
	b, err := Load("")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestLookup(t *testing.T) {
	b := kernel(t)
	xdp := b.Lookup("struct_xdp_md")
	if xdp.Kind != StructName || xdp.Type.Size != 24 {
		t.Fatalf("struct_xdp_md: %+v", xdp)
	}
	p, ok := xdp.Type.Field("ingress_ifindex")
	if !ok || p.BitOff != 96 || p.Steps[0].Type.Size != 4 || p.Steps[0].Type.Signed {
		t.Errorf("ingress_ifindex: %+v %v", p, ok)
	}
	if e := b.Lookup("XDP_PASS"); e.Kind != Enumerator || e.Value != 2 {
		t.Errorf("XDP_PASS: %+v", e)
	}
	if e := b.Lookup("TASK_COMM_LEN"); e.Kind != Enumerator || e.Value != 16 {
		t.Errorf("TASK_COMM_LEN: %+v", e)
	}
	if e := b.Lookup("pid_t"); e.Kind != IntTypedef || e.Type.Size != 4 || !e.Type.Signed {
		t.Errorf("pid_t: %+v", e)
	}
	if e := b.Lookup("struct___sk_buff"); e.Kind != StructName || e.Type.Name != "__sk_buff" {
		t.Errorf("struct___sk_buff: %+v", e)
	}
	if e := b.Lookup("struct_xdp_mdd"); e.Kind != NotFound {
		t.Errorf("struct_xdp_mdd found: %+v", e)
	}
	// pt_regs.cs lives in an anonymous union on recent kernels (8.5).
	regs := b.Lookup("struct_pt_regs").Type
	if p, ok := regs.Field("cs"); !ok || p.BitOff != 17*64 {
		t.Errorf("pt_regs.cs: %+v %v", p, ok)
	}
	task := b.Lookup("struct_task_struct").Type
	p, ok = task.Field("real_parent")
	if !ok || p.Steps[len(p.Steps)-1].Type.Kind != Ptr || p.Steps[len(p.Steps)-1].Type.Target().Name != "task_struct" {
		t.Errorf("task_struct.real_parent: %+v", p)
	}
}

func TestNotFound(t *testing.T) {
	_, err := Load("/nonexistent/vmlinux")
	if !errors.Is(err, ErrNotFound) {
		t.Fatalf("got %v", err)
	}
}
