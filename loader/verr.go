package loader

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"syscall"

	"github.com/cilium/ebpf"
	"github.com/cilium/ebpf/asm"
	"github.com/cilium/ebpf/btf"
)

// RejectError is the kernel's refusal of one program, with the failing
// instruction mapped back to the source position that produced it. It only
// carries data; the CLI renders it as a diagnostic (LANGUAGE.md 10.7).
type RejectError struct {
	Program string // program (function) name
	Section string // its ELF section
	// File, Line and Col are the source position of the failing
	// instruction, from the object's BTF line info (the .py file for our
	// compiler's output). Line is 0 when the log names no instruction or
	// the instruction has no line info; the CLI then uses the def line.
	File      string
	Line, Col int
	// InsnIndex is the failing instruction as the verifier numbers it (raw
	// 8-byte slots), or -1 when the log names none.
	InsnIndex int
	// Message is the verifier's own explanation, e.g. "invalid access to
	// packet, off=20 size=1"; without a log it is the errno's text
	// ("operation not permitted").
	Message string
	Log     string // the full verifier log, "" when the kernel gave none
	Errno   error  // the syscall.Errno of the failed load, nil if unknown
}

func (e *RejectError) Error() string {
	var b strings.Builder
	if e.Line > 0 {
		fmt.Fprintf(&b, "%s:%d:%d: ", e.File, e.Line, e.Col)
	}
	fmt.Fprintf(&b, "the kernel rejected program '%s': %s", e.Program, e.Message)
	return b.String()
}

// Unwrap gives the errno, so errors.Is(err, syscall.EPERM) works.
func (e *RejectError) Unwrap() error { return e.Errno }

// RejectErrors lists every rejected program of one load, sorted by name.
// errors.As(err, &rejectErr) finds the first.
type RejectErrors []*RejectError

func (es RejectErrors) Error() string {
	msgs := make([]string, len(es))
	for i, e := range es {
		msgs[i] = e.Error()
	}
	return strings.Join(msgs, "\n")
}

// Unwrap exposes each *RejectError to errors.Is and errors.As.
func (es RejectErrors) Unwrap() []error {
	errs := make([]error, len(es))
	for i, e := range es {
		errs[i] = e
	}
	return errs
}

// The verifier prints each instruction before checking it ("12: (61) r2 =
// *(u32 *)(r1 +4)"), so the last such line of a failed load is the culprit.
var insnLine = regexp.MustCompile(`^(\d+): \([0-9a-f]{2}\) `)

// A register dump the kernel appends to some messages ("invalid access to
// packet, off=20 size=1, R2(id=0,off=20,r=14)"): state, not explanation.
var regSuffix = regexp.MustCompile(`, R\d+\(.*\)$`)

// The reload that explains a rejection asks for the branch-level log: it
// prints every instruction the verifier walks, so the failing one is the
// last printed. A big first buffer saves cilium's grow-and-retry rounds.
const (
	explainLevel   = ebpf.LogLevelBranch | ebpf.LogLevelStats
	explainLogSize = 16 << 20
)

// reject turns a failed load of one program into a RejectError. The log
// must name the failing instruction; when it does not (a stats-only log
// from Check, or none) the program is reloaded alone with a branch-level
// log, and when the kernel answers EFAULT, for which cilium drops the log,
// the reload bypasses cilium (explainRaw).
func (o *Object) reject(name string, err error) *RejectError {
	log, errno := verifierLog(err), errnoOf(err)
	if failingInsn(log) < 0 && !errors.Is(errno, syscall.EFAULT) {
		coll, err2 := o.loadOne(name, ebpf.ProgramOptions{LogLevel: explainLevel, LogSizeStart: explainLogSize})
		if err2 == nil {
			coll.Close() // accepted this time: keep what we had
		} else if log2 := verifierLog(err2); failingInsn(log2) >= 0 {
			log, errno = log2, errnoOf(err2)
		} else if errors.Is(err2, syscall.EFAULT) {
			errno = errnoOf(err2)
		}
	}
	if failingInsn(log) < 0 && errors.Is(errno, syscall.EFAULT) {
		if log2, _ := o.explainRaw(name); len(log2) > 0 {
			log = log2
		}
	}
	ps := o.spec.Programs[name]
	r := &RejectError{Program: name, Section: ps.SectionName, InsnIndex: failingInsn(log)}
	r.Log = strings.Join(log, "\n")
	if errno != nil {
		r.Errno = errno
	}
	r.Message = verifierMessage(log, r.InsnIndex)
	if r.Message == "" {
		if errno != nil {
			r.Message = errno.Error()
		} else {
			r.Message = err.Error()
		}
	}
	if r.InsnIndex >= 0 {
		if line := lineAt(ps.Instructions, r.InsnIndex); line != nil {
			r.File, r.Line, r.Col = line.FileName(), int(line.LineNumber()), int(line.LineColumn())
		}
	}
	return r
}

// verifierLog returns the log lines of a failed load, nil when none.
func verifierLog(err error) []string {
	var verr *ebpf.VerifierError
	if errors.As(err, &verr) {
		return verr.Log
	}
	return nil
}

// errnoOf returns the errno in err's chain, or nil.
func errnoOf(err error) error {
	var errno syscall.Errno
	if errors.As(err, &errno) {
		return errno
	}
	return nil
}

// failingInsn returns the index of the last instruction line of log, -1 if
// there is none.
func failingInsn(log []string) int {
	for i := len(log) - 1; i >= 0; i-- {
		if m := insnLine.FindStringSubmatch(log[i]); m != nil {
			n, _ := strconv.Atoi(m[1])
			return n
		}
	}
	return -1
}

// verifierMessage picks the explanation out of a failed load's log: the
// first meaningful line after the failing instruction, or, when the log
// names no instruction (BTF or attach errors), its last meaningful line.
func verifierMessage(log []string, insn int) string {
	start := -1
	if insn >= 0 {
		for i := len(log) - 1; i >= 0; i-- {
			if insnLine.MatchString(log[i]) {
				start = i
				break
			}
		}
	}
	if start >= 0 {
		for _, l := range log[start+1:] {
			if meaningful(l) {
				return regSuffix.ReplaceAllString(strings.TrimSpace(l), "")
			}
		}
		return ""
	}
	for i := len(log) - 1; i >= 0; i-- {
		if meaningful(log[i]) {
			return regSuffix.ReplaceAllString(strings.TrimSpace(log[i]), "")
		}
	}
	return ""
}

// Lines that are bookkeeping rather than the verifier's complaint.
var noisePrefixes = []string{
	"processed ", "verification time", "stack depth", "-- END PROG LOAD LOG --",
	"; ", "from ", "mark_precise", "Func#", "func#", "last_idx", "parent ",
}

// Register-state lines of the instruction-level log ("12: R0=..." or
// "12: frame1: R1=...").
var stateLine = regexp.MustCompile(`^\d+: (R\d|frame\d)`)

func meaningful(l string) bool {
	t := strings.TrimSpace(l)
	if t == "" || stateLine.MatchString(t) {
		return false
	}
	for _, p := range noisePrefixes {
		if strings.HasPrefix(t, p) {
			return false
		}
	}
	return true
}

// lineAt returns the BTF line info in effect at raw instruction offset
// insn: line info is attached only to the first instruction of each source
// line, so it is the last one seen at or before insn. cilium sends the
// instructions in this order (subprograms appended), so the verifier's
// numbering and the iterator's raw offsets agree.
func lineAt(insns asm.Instructions, insn int) *btf.Line {
	var cur *btf.Line
	iter := insns.Iterate()
	for iter.Next() {
		if int(iter.Offset) > insn {
			break
		}
		if l, ok := iter.Ins.Source().(*btf.Line); ok {
			cur = l
		}
	}
	return cur
}
