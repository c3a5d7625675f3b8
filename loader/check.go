package loader

import (
	"errors"
	"regexp"
	"strconv"
	"strings"

	"github.com/cilium/ebpf"
)

// CheckOptions control Check.
type CheckOptions struct {
	// KeepLog stores each accepted program's stats-level verifier log in
	// its report (rejected programs always carry their log in Err).
	KeepLog bool
}

// ProgramReport is what the kernel says about one program: whether it
// loads and what it costs. Counts are in 8-byte instruction slots.
type ProgramReport struct {
	Name    string
	Section string
	Type    string // kernel program type name, e.g. "XDP"
	// ELFInsns is the program as the object holds it, subprograms included.
	ELFInsns int
	// XlatedInsns is the program after the verifier's rewrites (inlined
	// helpers, context access conversion), as bpftool's "xlated" shows it.
	XlatedInsns int
	// JITedBytes is the size of the native code, 0 when the JIT is off.
	JITedBytes int
	// VerifiedInsns is the kernel's count of instructions it processed
	// (bpf_prog_info.verified_insns); ProcessedInsns is the same number as
	// the log's "processed N insns" line prints it. Both are kept because
	// older kernels have only the log line.
	VerifiedInsns  int
	ProcessedInsns int
	// StackDepths are the per-frame stack sizes the log prints ("stack
	// depth 32+24": the program, then each subprogram). StackDepth is their
	// sum, an upper bound of the deepest call chain's use, which the kernel
	// limits to 512 bytes.
	StackDepths []int
	StackDepth  int
	Log         string       // with CheckOptions.KeepLog
	Err         *RejectError // non-nil when the kernel rejected the program
}

// Check loads every program of an ELF object into the kernel, one at a
// time and without attaching, and reports on each, sorted by name. When any
// program is rejected the reports are still complete (rejected programs
// have Err set and no kernel numbers) and the error is a RejectErrors.
func Check(elf []byte, opts CheckOptions) ([]ProgramReport, error) {
	obj, err := Open(elf)
	if err != nil {
		return nil, err
	}
	return obj.Check(opts)
}

// Check is the package-level Check for an opened Object, so that
// constants set with SetGlobal are taken into account.
func (o *Object) Check(opts CheckOptions) ([]ProgramReport, error) {
	var reports []ProgramReport
	var rejected RejectErrors
	for _, name := range o.progs {
		r, err := o.checkOne(name, opts)
		if err != nil {
			var rerr *RejectError
			if !errors.As(err, &rerr) {
				return nil, err
			}
			rejected = append(rejected, rerr)
		}
		reports = append(reports, r)
	}
	if len(rejected) > 0 {
		return reports, rejected
	}
	return reports, nil
}

func (o *Object) checkOne(name string, opts CheckOptions) (ProgramReport, error) {
	p, _ := o.Program(name)
	r := ProgramReport{Name: name, Section: p.Section, Type: p.Type, ELFInsns: p.Insns}

	if rerr := o.untyped(name); rerr != nil {
		r.Err = rerr
		return r, rerr
	}
	coll, err := o.loadOne(name, ebpf.ProgramOptions{LogLevel: ebpf.LogLevelStats})
	if err != nil {
		if merr := o.mapsError(); merr != nil {
			return r, merr // not the program's fault
		}
		r.Err = o.reject(name, err)
		return r, r.Err
	}
	defer coll.Close()
	prog := coll.Programs[name]

	log := prog.VerifierLog
	r.ProcessedInsns, r.StackDepths = parseStats(log)
	for _, d := range r.StackDepths {
		r.StackDepth += d
	}
	if opts.KeepLog {
		r.Log = log
	}

	info, err := prog.Info()
	if err != nil {
		return r, err
	}
	if n, ok := info.VerifiedInstructions(); ok {
		r.VerifiedInsns = int(n)
	}
	if n, err := info.TranslatedSize(); err == nil {
		r.XlatedInsns = n / 8 // bytes
	}
	if n, err := info.JitedSize(); err == nil {
		r.JITedBytes = int(n)
	}
	return r, nil
}

var (
	processedRe  = regexp.MustCompile(`(?m)^processed (\d+) insns`)
	stackDepthRe = regexp.MustCompile(`(?m)^stack depth ([0-9+]+)`)
)

// parseStats reads the "processed N insns" and "stack depth A+B+..." lines
// of a stats-level verifier log; absent lines give 0 and nil.
func parseStats(log string) (processed int, depths []int) {
	if m := processedRe.FindStringSubmatch(log); m != nil {
		processed, _ = strconv.Atoi(m[1])
	}
	if m := stackDepthRe.FindStringSubmatch(log); m != nil {
		for _, f := range strings.Split(m[1], "+") {
			if n, err := strconv.Atoi(f); err == nil {
				depths = append(depths, n)
			}
		}
	}
	return processed, depths
}
