package e2e

import (
	"encoding/hex"
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// expectation is one `# ERROR "re"` or `# WARNING "re"` comment.
type expectation struct {
	severity string // "error" or "warning"
	line     int    // 0 for ERROR-FILE
	re       *regexp.Regexp
	matched  bool
}

// runSpec is one `# run: prog ret=N name=V ... [packet=HEX]` line.
type runSpec struct {
	line    int
	prog    string
	ret     *int64
	globals map[string]int64
	order   []string
	packet  []byte // packet=HEX: the input packet of a packet program's run
}

type spec struct {
	expects    []*expectation
	runs       []runSpec
	refused    bool // `# load: refused`
	hasWarning bool
}

var (
	expectRE = regexp.MustCompile(`#\s*(ERROR|WARNING|ERROR-FILE)\s+"((?:[^"\\]|\\.)*)"`)
	runRE    = regexp.MustCompile(`^\s*#\s*run:\s*(.*)$`)
	loadRE   = regexp.MustCompile(`^\s*#\s*load:\s*refused\b`)
)

func parseSpec(src string) (*spec, error) {
	s := &spec{}
	for i, line := range strings.Split(src, "\n") {
		n := i + 1
		for _, m := range expectRE.FindAllStringSubmatch(line, -1) {
			pat, err := strconv.Unquote(`"` + m[2] + `"`)
			if err != nil {
				return nil, fmt.Errorf("line %d: bad expectation string: %v", n, err)
			}
			re, err := regexp.Compile(pat)
			if err != nil {
				return nil, fmt.Errorf("line %d: bad regexp: %v", n, err)
			}
			e := &expectation{severity: "error", line: n, re: re}
			switch m[1] {
			case "WARNING":
				e.severity = "warning"
				s.hasWarning = true
			case "ERROR-FILE":
				e.line = 0
			}
			s.expects = append(s.expects, e)
		}
		if m := runRE.FindStringSubmatch(line); m != nil {
			r, err := parseRun(n, m[1])
			if err != nil {
				return nil, err
			}
			s.runs = append(s.runs, r)
		}
		if loadRE.MatchString(line) {
			s.refused = true
		}
	}
	return s, nil
}

func parseRun(line int, text string) (runSpec, error) {
	f := strings.Fields(text)
	if len(f) == 0 {
		return runSpec{}, fmt.Errorf("line %d: `# run:` needs a program name", line)
	}
	r := runSpec{line: line, prog: f[0], globals: map[string]int64{}}
	for _, kv := range f[1:] {
		k, v, ok := strings.Cut(kv, "=")
		if !ok {
			return r, fmt.Errorf("line %d: %q is not name=value", line, kv)
		}
		if k == "packet" {
			b, err := hex.DecodeString(v)
			if err != nil {
				return r, fmt.Errorf("line %d: packet=%s: %v", line, v, err)
			}
			r.packet = b
			continue
		}
		n, err := parseInt(v)
		if err != nil {
			return r, fmt.Errorf("line %d: %v", line, err)
		}
		if k == "ret" {
			r.ret = &n
			continue
		}
		r.globals[k] = n
		r.order = append(r.order, k)
	}
	return r, nil
}

// parseInt accepts decimal (possibly negative) and 0x values; values up to
// 2^64-1 wrap into int64 so u64 globals compare bit for bit.
func parseInt(v string) (int64, error) {
	if u, err := strconv.ParseUint(strings.ReplaceAll(v, "_", ""), 0, 64); err == nil {
		return int64(u), nil
	}
	return strconv.ParseInt(strings.ReplaceAll(v, "_", ""), 0, 64)
}

func (s *spec) wantsError() bool {
	for _, e := range s.expects {
		if e.severity == "error" {
			return true
		}
	}
	return false
}
