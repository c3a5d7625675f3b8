package loader

import (
	"fmt"
	"io"
	"strconv"
	"strings"
)

// A map is printed as a log2 histogram when its name ends in "_hist" (or
// is "hist") and both its key and its value are single integers. The
// program computes the bucket itself: key k counts values v with
// 2^k <= v < 2^(k+1), and key 0 also counts v = 0 (floor(log2(v)), with
// log2(0) taken as 0). A name is the one rule that is visible in the
// source, survives every optimization and needs no extra syntax.

// IsHistogramName reports whether a map of this name is shown as a
// histogram (when its key and value are integers).
func IsHistogramName(name string) bool {
	return name == "hist" || strings.HasSuffix(name, "_hist")
}

// HistBucket is one row of a log2 histogram: Count values in [Low, High).
type HistBucket struct {
	Key       int64
	Low, High uint64
	Count     uint64
}

// Log2Buckets turns bucket-index → count into rows from the smallest to
// the largest index with a non-zero count, empty buckets in between
// included, as bpftrace prints them. Indexes outside 0..63 cannot be a
// log2 of a u64 and are dropped.
func Log2Buckets(counts map[int64]uint64) []HistBucket {
	lo, hi := int64(64), int64(-1)
	for k, n := range counts {
		if k < 0 || k > 63 || n == 0 {
			continue
		}
		lo, hi = min(lo, k), max(hi, k)
	}
	var out []HistBucket
	for k := lo; k <= hi; k++ {
		b := HistBucket{Key: k, Low: 1 << uint(k), Count: counts[k]}
		if k == 0 {
			b.Low = 0
		}
		if k == 63 {
			b.High = 0 // 2^64: printed as "inf"
		} else {
			b.High = 1 << uint(k+1)
		}
		out = append(out, b)
	}
	return out
}

// histWidth is the bar width of the largest bucket.
const histWidth = 40

// RenderHist draws buckets as bpftrace does:
//
//	[4, 8)                12 |@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@|
func RenderHist(w io.Writer, buckets []HistBucket) {
	var peak uint64
	labels := make([]string, len(buckets))
	width := 0
	for i, b := range buckets {
		peak = max(peak, b.Count)
		high := "inf"
		if b.High != 0 || b.Key != 63 {
			high = sizeLabel(b.High)
		}
		labels[i] = fmt.Sprintf("[%s, %s)", sizeLabel(b.Low), high)
		width = max(width, len(labels[i]))
	}
	for i, b := range buckets {
		n := 0
		if peak > 0 {
			n = int(b.Count * histWidth / peak)
		}
		if b.Count > 0 && n == 0 {
			n = 1 // a non-empty bucket is never drawn empty
		}
		fmt.Fprintf(w, "%-*s %12d |%s%s|\n", width, labels[i], b.Count,
			strings.Repeat("@", n), strings.Repeat(" ", histWidth-n))
	}
}

// sizeLabel writes powers of two of 1024 and above with a unit suffix, as
// bpftrace does: 1024 → 1K, 3145728 → 3M.
func sizeLabel(v uint64) string {
	units := []string{"", "K", "M", "G", "T", "P", "E"}
	u := 0
	for v >= 1024 && v%1024 == 0 && u < len(units)-1 {
		v /= 1024
		u++
	}
	return strconv.FormatUint(v, 10) + units[u]
}

// histCounts collects the buckets of a histogram map's entries; ok is
// false when the map is not shaped like one (non-integer key or value).
func histCounts(key, value *Layout, entries []decodedEntry) (map[int64]uint64, bool) {
	if !key.Scalar() || !value.Scalar() {
		return nil, false
	}
	counts := map[int64]uint64{}
	for _, e := range entries {
		k := e.key[0]
		idx := k.S
		if !k.Signed && k.U > 63 {
			idx = 64
		}
		counts[idx] += e.total()[0].U
	}
	return counts, true
}
