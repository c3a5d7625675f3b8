package loader

import (
	"strings"
	"testing"
)

func TestLog2Buckets(t *testing.T) {
	got := Log2Buckets(map[int64]uint64{0: 1, 2: 12, 4: 3, 70: 9, -1: 4})
	want := []HistBucket{
		{Key: 0, Low: 0, High: 2, Count: 1},
		{Key: 1, Low: 2, High: 4, Count: 0},
		{Key: 2, Low: 4, High: 8, Count: 12},
		{Key: 3, Low: 8, High: 16, Count: 0},
		{Key: 4, Low: 16, High: 32, Count: 3},
	}
	if len(got) != len(want) {
		t.Fatalf("got %+v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("bucket %d: got %+v, want %+v", i, got[i], want[i])
		}
	}
	if b := Log2Buckets(nil); b != nil {
		t.Errorf("empty histogram: %+v", b)
	}
}

func TestRenderHist(t *testing.T) {
	var sb strings.Builder
	RenderHist(&sb, Log2Buckets(map[int64]uint64{2: 40, 3: 10, 4: 0, 5: 1, 10: 20, 63: 2}))
	lines := strings.Split(strings.TrimSuffix(sb.String(), "\n"), "\n")
	bar := func(n int) string { return "|" + strings.Repeat("@", n) + strings.Repeat(" ", 40-n) + "|" }
	want := map[int]string{
		0:  "[4, 8)                 40 " + bar(40),
		1:  "[8, 16)                10 " + bar(10),
		2:  "[16, 32)                0 " + bar(0),
		3:  "[32, 64)                1 " + bar(1),
		8:  "[1K, 2K)               20 " + bar(20),
		61: "[8E, inf)               2 " + bar(2),
	}
	if len(lines) != 62 {
		t.Fatalf("%d lines:\n%s", len(lines), sb.String())
	}
	for i, w := range want {
		if lines[i] != w {
			t.Errorf("line %d:\n got %q\nwant %q", i, lines[i], w)
		}
	}
}

func TestSizeLabel(t *testing.T) {
	for v, want := range map[uint64]string{0: "0", 1: "1", 512: "512", 1024: "1K", 3 << 20: "3M", 1 << 40: "1T", 1536: "1536"} {
		if got := sizeLabel(v); got != want {
			t.Errorf("sizeLabel(%d) = %s, want %s", v, got, want)
		}
	}
}

func TestIsHistogramName(t *testing.T) {
	for name, want := range map[string]bool{"hist": true, "lat_hist": true, "history": false, "histogram": false, "counts": false} {
		if IsHistogramName(name) != want {
			t.Errorf("IsHistogramName(%q) != %v", name, want)
		}
	}
}
