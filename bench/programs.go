package bench

import (
	"embed"
	"fmt"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// The programs are embedded so that `pybpfc bench` measures the same
// files from any working directory, and a build of the binary pins them.
//
//go:embed programs/*.py programs/*.bpf.c
var programFS embed.FS

// Program is one benchmark: a Python program and its C twin, with the
// settings its header comments give.
type Program struct {
	Name        string // the file name without .py
	Description string // "# bench: ..." line
	Py, C       []byte
	// Trigger names the syscall the runner calls to fire a tracing
	// program ("# trigger: getppid"); empty for packet programs.
	Trigger string
	// Packet names the test packet for packet programs ("# packet:
	// ipv4-udp"); empty means the zeroed DefaultPacketSize bytes.
	Packet string
	// Repeat overrides Options.Repeat ("# repeat: 10000"), for programs
	// whose runs are slow or noisy (trace_printk).
	Repeat int
	// Nondeterministic marks programs whose return value depends on
	// random() or the clock ("# nondeterministic: why"), so tests do not
	// compare the twins' verdicts.
	Nondeterministic bool
	// Sets gives globals a value before load ("# set: filter_pid=self");
	// "self" is this process's id.
	Sets map[string]string
}

var headerRE = regexp.MustCompile(`^#\s*(bench|trigger|packet|repeat|set|nondeterministic):\s*(.*?)\s*$`)

// Programs returns every benchmark program, sorted by name. A Python file
// without a C twin, or a header setting that makes no sense, is an error:
// a benchmark without its twin would measure nothing.
func Programs() ([]*Program, error) {
	pys, err := programFS.ReadDir("programs")
	if err != nil {
		return nil, err
	}
	var progs []*Program
	for _, e := range pys {
		name, ok := strings.CutSuffix(e.Name(), ".py")
		if !ok {
			continue
		}
		p := &Program{Name: name, Sets: map[string]string{}}
		if p.Py, err = programFS.ReadFile(path.Join("programs", e.Name())); err != nil {
			return nil, err
		}
		if p.C, err = programFS.ReadFile(path.Join("programs", name+".bpf.c")); err != nil {
			return nil, fmt.Errorf("bench program %s has no C twin %s.bpf.c", name, name)
		}
		if err := p.parseHeader(); err != nil {
			return nil, fmt.Errorf("bench program %s: %w", name, err)
		}
		progs = append(progs, p)
	}
	sort.Slice(progs, func(i, j int) bool { return progs[i].Name < progs[j].Name })
	return progs, nil
}

// parseHeader reads the "# key: value" comment lines at the top of the
// Python file, up to the first line that is not a comment.
func (p *Program) parseHeader() error {
	for _, line := range strings.Split(string(p.Py), "\n") {
		if !strings.HasPrefix(line, "#") {
			break
		}
		m := headerRE.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		switch key, val := m[1], m[2]; key {
		case "bench":
			p.Description = val
		case "trigger":
			if _, ok := triggers[val]; !ok {
				return fmt.Errorf("unknown trigger %q", val)
			}
			p.Trigger = val
		case "packet":
			if _, ok := packets[val]; !ok {
				return fmt.Errorf("unknown packet %q", val)
			}
			p.Packet = val
		case "repeat":
			n, err := strconv.Atoi(val)
			if err != nil || n < 1 {
				return fmt.Errorf("bad repeat %q", val)
			}
			p.Repeat = n
		case "nondeterministic":
			p.Nondeterministic = true
		case "set":
			k, v, ok := strings.Cut(val, "=")
			if !ok {
				return fmt.Errorf("bad set %q, want NAME=VALUE", val)
			}
			p.Sets[strings.TrimSpace(k)] = strings.TrimSpace(v)
		}
	}
	if p.Description == "" {
		return fmt.Errorf("no '# bench: <description>' line")
	}
	return nil
}

// Select returns the programs whose name matches pattern, a regular
// expression (unanchored, as with go test -run); "" selects all.
func Select(progs []*Program, pattern string) ([]*Program, error) {
	if pattern == "" {
		return progs, nil
	}
	re, err := regexp.Compile(pattern)
	if err != nil {
		return nil, fmt.Errorf("bad pattern: %w", err)
	}
	var out []*Program
	for _, p := range progs {
		if re.MatchString(p.Name) {
			out = append(out, p)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no benchmark program matches %q", pattern)
	}
	return out, nil
}
