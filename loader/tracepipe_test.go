package loader

import (
	"regexp"
	"testing"
)

func TestFormatRegexp(t *testing.T) {
	for _, tc := range []struct {
		format string
		match  []string
		reject []string
	}{
		{"exec by %llu", []string{"exec by 123"}, []string{"exec by -1", "exec by 12 x", "someone else saw 12 exec"}},
		{"n=%d u=%u", []string{"n=-5 u=7"}, []string{"n=5 u=-7"}},
		{"%08x|%x|%llx", []string{"0000beef|ff|deadbeefcafe"}, []string{"zz|1|2"}},
		{"%5d|%-4u|", []string{"   42|7   |"}, []string{"42|7|x"}},
		{"100%% of %s", []string{"100% of bash", "100% of "}, []string{"100%% of bash"}},
		{"a.b*c(%d)", []string{"a.b*c(1)"}, []string{"aXb*c(1)"}},
		{"ip %pI4 %c", []string{"ip 10.0.0.1 z"}, []string{"ip 10.0.0.1"}},
	} {
		re := regexp.MustCompile(FormatRegexp(tc.format))
		for _, s := range tc.match {
			if !re.MatchString(s) {
				t.Errorf("%q (%s) does not match %q", tc.format, re, s)
			}
		}
		for _, s := range tc.reject {
			if re.MatchString(s) {
				t.Errorf("%q (%s) matches %q", tc.format, re, s)
			}
		}
	}
}

func TestParseTraceLine(t *testing.T) {
	for line, want := range map[string]TraceLine{
		"           <...>-8383    [000] d..31  1889.635448: bpf_trace_printk: exec by 8383": {
			Comm: "<...>", PID: 8383, CPU: 0, Time: "1889.635448", Message: "exec by 8383"},
		"  kworker/u8:2-123 [003] ....  5.000001: bpf_trace_printk: x": {
			Comm: "kworker/u8:2", PID: 123, CPU: 3, Time: "5.000001", Message: "x"},
		"   my-prog name-77 (     77) [001] .N.1. 12.5: bpf_trace_vprintk: a b c": {
			Comm: "my-prog name", PID: 77, CPU: 1, Time: "12.5", Message: "a b c"},
		"  bash-1 [000] 3.000000: bpf_trace_printk: ": {
			Comm: "bash", PID: 1, CPU: 0, Time: "3.000000", Message: ""},
	} {
		got, ok := ParseTraceLine(line)
		if !ok || got != want {
			t.Errorf("ParseTraceLine(%q) = %+v, %v\nwant %+v", line, got, ok, want)
		}
	}
	for _, line := range []string{"", "CPU:3 [LOST 12 EVENTS]", "  bash-1 [000] 3.0: sched_switch: prev=a"} {
		if _, ok := ParseTraceLine(line); ok {
			t.Errorf("ParseTraceLine(%q) accepted a line that is not from bpf_trace_printk", line)
		}
	}
}

func TestTraceFilter(t *testing.T) {
	f := NewTraceFilter([]string{"exec by %llu\n", "two\nlines %d\n", "exec by %llu\n"})
	if len(f.res) != 2 {
		t.Errorf("repeated formats are not merged: %d regexps", len(f.res))
	}
	for msg, want := range map[string]bool{
		"exec by 12": true, "two": true, "two\nlines 3": false, "exec by": false, "other 12": false,
	} {
		if f.Match(msg) != want {
			t.Errorf("Match(%q) = %v, want %v", msg, !want, want)
		}
	}
}
