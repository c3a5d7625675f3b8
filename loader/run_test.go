package loader

import (
	"testing"
)

func TestTCAndSocketFilter(t *testing.T) {
	l := loadC(t, "skb")

	ipv4 := make([]byte, 64)
	ipv4[12] = 0x08 // EtherType 0x0800
	for _, tc := range []struct {
		prog string
		data []byte
		want uint32
	}{
		{"classify", nil, 2},  // zero EtherType: TC_ACT_SHOT
		{"classify", ipv4, 0}, // IPv4: TC_ACT_OK
		// A socket filter's skb starts after the Ethernet header, which
		// BPF_PROG_TEST_RUN pulls (tc programs get it pushed back).
		{"sock_len", nil, 64 - 14},
		{"sock_len", make([]byte, 100), 100 - 14},
	} {
		ret, out, err := l.Run(tc.prog, tc.data)
		if err != nil {
			t.Errorf("%s: %v", tc.prog, err)
			continue
		}
		if ret != tc.want {
			t.Errorf("%s on %d bytes returned %d, want %d", tc.prog, len(tc.data), ret, tc.want)
		}
		if want := max(len(tc.data), DefaultPacketSize); len(out) != want {
			t.Errorf("%s: output has %d bytes, want %d", tc.prog, len(out), want)
		}
	}
}

func TestBenchmark(t *testing.T) {
	l := loadC(t, "xdp_pass")
	ret, perRun, err := l.Benchmark("xdp_pass", nil, 1000)
	if err != nil {
		t.Fatal(err)
	}
	if ret != 2 || perRun <= 0 {
		t.Errorf("Benchmark = %d, %v; want 2 and a positive time", ret, perRun)
	}
	if _, _, err := l.Benchmark("xdp_pass", nil, 0); err == nil {
		t.Error("Benchmark with repeat 0 succeeded")
	}
}
