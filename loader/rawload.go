package loader

import (
	"bytes"
	"fmt"
	"runtime"
	"strings"
	"syscall"
	"unsafe"

	"github.com/cilium/ebpf"
	"github.com/cilium/ebpf/btf"
)

// cilium/ebpf v0.22 throws the verifier log away when BPF_PROG_LOAD fails
// with EFAULT (it answers "hit verifier bug, increase LogSizeStart"), however
// big the buffer. This kernel answers EFAULT for real rejections, e.g. "The
// sequence of 8193 jumps is too complex." of a long bounded loop, and the
// log is there. explainRaw repeats the load with the bpf() system call
// itself to read that log. It is used only to explain a rejection, never to
// load a program that is kept.
//
// Differences from cilium's load, acceptable for an explanation: no CO-RE
// relocations are applied (our objects are compiled against this kernel's
// BTF, so the compiled offsets are the kernel's), no kfunc or .ksyms
// fix-ups, and no attach target (tracing programs are refused earlier with
// EPERM anyway).

// progLoadAttr is the prefix of union bpf_attr used by BPF_PROG_LOAD, up
// to log_true_size. Pointer fields are unsafe.Pointer so that the garbage
// collector keeps the buffers alive and in place during the call; the
// layout assumes a 64-bit platform, which sysBPFNumber guarantees.
type progLoadAttr struct {
	progType           uint32
	insnCnt            uint32
	insns              unsafe.Pointer
	license            unsafe.Pointer
	logLevel           uint32
	logSize            uint32
	logBuf             unsafe.Pointer
	kernVersion        uint32
	progFlags          uint32
	progName           [16]byte
	progIfindex        uint32
	expectedAttachType uint32
	progBTFFd          uint32
	funcInfoRecSize    uint32
	funcInfo           unsafe.Pointer
	funcInfoCnt        uint32
	lineInfoRecSize    uint32
	lineInfo           unsafe.Pointer
	lineInfoCnt        uint32
	attachBTFID        uint32
	attachBTFObjFd     uint32
	coreReloCnt        uint32
	fdArray            unsafe.Pointer
	coreRelos          unsafe.Pointer
	coreReloRecSize    uint32
	logTrueSize        uint32
}

const bpfProgLoad = 5 // enum bpf_cmd

// rawLogSize bounds the explanation's log. Since Linux 6.4 the log is a
// ring: when it overflows the kernel keeps the end, which is the part that
// names the failing instruction and the reason.
const rawLogSize = 8 << 20

// explainRaw loads the named program with a branch-level log through the
// bpf() system call and returns the log's lines and the errno. The maps
// are created (and the .rodata frozen) by cilium from a program-less copy
// of the object, so map references resolve exactly as in a real load.
func (o *Object) explainRaw(name string) ([]string, error) {
	sysBPF := sysBPFNumber()
	if sysBPF == 0 {
		return nil, fmt.Errorf("raw bpf() is not wired up on this architecture")
	}
	spec := o.spec.Copy()
	ps := spec.Programs[name]
	spec.Programs = map[string]*ebpf.ProgramSpec{}
	maps, err := ebpf.NewCollection(withoutMissingPrograms(spec))
	if err != nil {
		return nil, fmt.Errorf("create maps: %w", err)
	}
	defer maps.Close()

	insns := ps.Instructions // a copy: spec is o.spec.Copy()
	for i := range insns {
		ref := insns[i].Reference()
		if !insns[i].IsLoadFromMap() || ref == "" {
			continue
		}
		m := maps.Maps[ref]
		if m == nil {
			return nil, fmt.Errorf("instruction %d: no map %q", i, ref)
		}
		if err := insns[i].AssociateMap(m); err != nil {
			return nil, err
		}
	}
	var code bytes.Buffer
	if err := insns.Marshal(&code, spec.ByteOrder); err != nil {
		return nil, err
	}

	attr := progLoadAttr{
		progType:           uint32(ps.Type),
		insnCnt:            uint32(code.Len() / 8),
		insns:              unsafe.Pointer(&code.Bytes()[0]),
		expectedAttachType: uint32(ps.AttachType),
		progFlags:          ps.Flags,
		logLevel:           uint32(ebpf.LogLevelBranch),
		logSize:            rawLogSize,
	}
	license := append([]byte(ps.License), 0)
	attr.license = unsafe.Pointer(&license[0])
	copy(attr.progName[:15], sanitizeName(name))
	logBuf := make([]byte, rawLogSize)
	attr.logBuf = unsafe.Pointer(&logBuf[0])

	// Func and line info make the log quote source lines, and func info is
	// required for global (non-static) subprograms.
	var b btf.Builder
	if fi, li, err := btf.MarshalExtInfos(insns, &b); err == nil && !b.Empty() {
		if h, err := btf.NewHandle(&b); err == nil {
			defer h.Close()
			attr.progBTFFd = uint32(h.FD())
			if len(fi) > 0 {
				attr.funcInfoRecSize, attr.funcInfoCnt = btf.FuncInfoSize, uint32(len(fi))/btf.FuncInfoSize
				attr.funcInfo = unsafe.Pointer(&fi[0])
			}
			if len(li) > 0 {
				attr.lineInfoRecSize, attr.lineInfoCnt = btf.LineInfoSize, uint32(len(li))/btf.LineInfoSize
				attr.lineInfo = unsafe.Pointer(&li[0])
			}
		}
	}

	fd, _, errno := syscall.Syscall(sysBPF, bpfProgLoad, uintptr(unsafe.Pointer(&attr)), unsafe.Sizeof(attr))
	if errno == 0 {
		syscall.Close(int(fd))
		return nil, nil
	}
	lines := splitLog(logBuf)
	if errno == syscall.ENOSPC && len(lines) > 0 {
		// The ring wrapped: the first line is a fragment, and ENOSPC
		// replaced the verifier's own errno, which the caller already has.
		lines = lines[1:]
	}
	return lines, errno
}

// sysBPFNumber is the bpf() system call number, 0 where the raw
// explanation is not wired up (the standard syscall package lacks SYS_BPF
// on amd64, and progLoadAttr assumes 64-bit pointers).
func sysBPFNumber() uintptr {
	switch runtime.GOARCH {
	case "amd64":
		return 321
	case "arm64", "riscv64", "loong64":
		return 280
	}
	return 0
}

// sanitizeName keeps the characters the kernel accepts in a program name.
func sanitizeName(name string) string {
	return strings.Map(func(r rune) rune {
		if r == '_' || r == '.' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
			return r
		}
		return -1
	}, name)
}

// splitLog turns a NUL-terminated log buffer into lines.
func splitLog(buf []byte) []string {
	if i := bytes.IndexByte(buf, 0); i >= 0 {
		buf = buf[:i]
	}
	s := strings.TrimRight(string(buf), "\n \t")
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}
