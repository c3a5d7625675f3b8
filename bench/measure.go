package bench

import (
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/pybpfc/pybpfc/backend"
	"github.com/pybpfc/pybpfc/loader"
)

// variant is one object of a benchmark (pybpfc -O0, pybpfc -O2 or C)
// while it is being measured.
type variant struct {
	label  string
	fig    *Figures
	elf    []byte
	loaded *loader.Loaded
	progs  []string
}

// elfInsns counts every function of the object, subprograms included: the
// code the object carries, without the kernel.
func elfInsns(elf []byte) (int, error) {
	info, err := backend.InspectELF(elf)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, f := range info.Programs {
		n += f.Insns
	}
	return n, nil
}

// programTypes names the kernel program types of an object ("XDP",
// "TRACEPOINT"), without the kernel.
func programTypes(elf []byte) (string, error) {
	obj, err := loader.Open(elf)
	if err != nil {
		return "", err
	}
	seen := map[string]bool{}
	var types []string
	for _, name := range obj.Programs() {
		p, _ := obj.Program(name)
		if !seen[p.Type] {
			seen[p.Type] = true
			types = append(types, p.Type)
		}
	}
	return strings.Join(types, "+"), nil
}

// load verifies every program on its own (for the verifier's figures),
// then loads the whole object for the timing rounds. Globals named by
// "# set:" lines get their value first.
func (v *variant) load(p *Program) error {
	obj, err := loader.Open(v.elf)
	if err != nil {
		return err
	}
	for name, val := range p.Sets {
		if err := setGlobal(obj, name, val); err != nil {
			return err
		}
	}
	reports, err := obj.Check(loader.CheckOptions{})
	if err != nil {
		var rejected loader.RejectErrors
		if errors.As(err, &rejected) && len(rejected) > 0 {
			return fmt.Errorf("the kernel rejected %s: %s", rejected[0].Program, firstLine(rejected[0].Error()))
		}
		return err
	}
	for _, r := range reports {
		v.fig.XlatedInsns += r.XlatedInsns
		v.fig.VerifiedInsns += r.VerifiedInsns
		v.fig.StackDepth = max(v.fig.StackDepth, r.StackDepth)
		v.progs = append(v.progs, r.Name)
	}
	v.loaded, err = obj.Load(loader.LoadOptions{})
	return err
}

// setGlobal gives a global its value before load; "self" is this
// process's id, for filters that should see only the benchmark's events.
func setGlobal(obj *loader.Object, name, val string) error {
	cur, err := obj.Global(name)
	if err != nil {
		return err
	}
	var n uint64
	if val == "self" {
		n = uint64(os.Getpid())
	} else if n, err = strconv.ParseUint(val, 0, 64); err != nil {
		return fmt.Errorf("global %s: bad value %q", name, val)
	}
	b := binary.LittleEndian.AppendUint64(nil, n)
	if len(cur) > len(b) {
		return fmt.Errorf("global %s has %d bytes, not an integer", name, len(cur))
	}
	return obj.SetGlobal(name, b[:len(cur)])
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	return s
}

// method says how a benchmark's programs can be timed: "test-run" when
// BPF_PROG_TEST_RUN can time every program, "attached" when the program
// names a trigger, "" when neither.
func method(p *Program, l *loader.Loaded, progs []string) (string, error) {
	all := true
	for _, name := range progs {
		ok, err := l.Testable(name)
		if err != nil {
			return "", err
		}
		all = all && ok
	}
	switch {
	case all:
		return "test-run", nil
	case p.Trigger != "":
		return "attached", nil
	}
	return "", nil
}

// timeRound measures one round of one variant: the sum over its programs
// of the mean ns per run.
func (v *variant) timeRound(p *Program, how string, repeat int) (float64, error) {
	switch how {
	case "test-run":
		var data []byte
		if p.Packet != "" {
			data = packets[p.Packet]()
		}
		total := 0.0
		for _, name := range v.progs {
			_, ns, err := v.loaded.Benchmark(name, data, repeat)
			if err != nil {
				return 0, err
			}
			total += float64(ns.Nanoseconds())
		}
		return total, nil
	case "attached":
		return v.timeAttached(p, repeat)
	}
	return 0, fmt.Errorf("no timing method")
}

// timeAttached attaches the programs, fires the trigger repeat times with
// run-time accounting on, and divides the accounted time by the runs.
// Accounting is switched on for this window only, because it also slows
// down the test runs of packet programs.
func (v *variant) timeAttached(p *Program, repeat int) (float64, error) {
	stats, err := loader.EnableRunStats()
	if err != nil {
		return 0, err
	}
	defer stats.Close()
	before := make([]loader.RunStats, len(v.progs))
	for i, name := range v.progs {
		lk, err := v.loaded.AttachEvent(name)
		if err != nil {
			return 0, err
		}
		defer lk.Close()
		if before[i], err = v.loaded.RunStats(name); err != nil {
			return 0, err
		}
	}
	fire := triggers[p.Trigger]
	for i := 0; i < repeat; i++ {
		fire()
	}
	total := 0.0
	for i, name := range v.progs {
		after, err := v.loaded.RunStats(name)
		if err != nil {
			return 0, err
		}
		d := after.Sub(before[i])
		if d.RunCount == 0 {
			return 0, fmt.Errorf("%s never ran on %d %s() calls", name, repeat, p.Trigger)
		}
		total += d.NsPerRun()
	}
	return total, nil
}
