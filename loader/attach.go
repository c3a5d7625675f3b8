package loader

import (
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"

	"github.com/cilium/ebpf"
	"github.com/cilium/ebpf/link"
)

// AttachOptions give the targets a section string does not name.
type AttachOptions struct {
	Iface  string // network interface for xdp, tc and tcx programs
	Cgroup string // cgroup v2 directory for cgroup_skb, cgroup/* and sockops programs
}

// Attachment says where one program went, or why it was not attached.
type Attachment struct {
	Program string
	Section string
	Target  string // "tracepoint syscalls/sys_enter_execve", "xdp on eth0", ...
	// Skipped is the reason a program was left unattached ("" when
	// attached): socket filters and other programs that need a target only
	// their own code can supply.
	Skipped string
}

// Links holds the links of one AttachAll; Close detaches them all.
type Links struct {
	links []link.Link
	list  []Attachment
}

// Attachments lists every program of the object, sorted by name.
func (ls *Links) Attachments() []Attachment { return append([]Attachment(nil), ls.list...) }

// Close detaches every program. It is safe to call more than once.
func (ls *Links) Close() error {
	var first error
	for i := len(ls.links) - 1; i >= 0; i-- {
		if err := ls.links[i].Close(); err != nil && first == nil {
			first = err
		}
	}
	ls.links = nil
	return first
}

// attachPlan is one program's attach call, decided before anything is
// attached so that a missing interface or kernel feature fails the whole
// run before the first link exists.
type attachPlan struct {
	prog    string
	section string
	target  string
	skipped string
	attach  func(p *ebpf.Program) (link.Link, error)
}

// AttachAll attaches every loaded program by its section string
// (LANGUAGE.md 2.2). Every error is one line naming the program and its
// section, with the fix.
func (l *Loaded) AttachAll(opts AttachOptions) (*Links, error) {
	var plans []attachPlan
	for _, name := range l.Programs() {
		ps := l.obj.spec.Programs[name]
		pl, err := planAttach(name, ps, opts)
		if err != nil {
			return nil, fmt.Errorf("program '%s' (section %s): %w", name, ps.SectionName, err)
		}
		plans = append(plans, pl)
	}
	ls := &Links{}
	for _, pl := range plans {
		ls.list = append(ls.list, Attachment{Program: pl.prog, Section: pl.section, Target: pl.target, Skipped: pl.skipped})
		if pl.attach == nil {
			continue
		}
		lk, err := pl.attach(l.coll.Programs[pl.prog])
		if err != nil {
			ls.Close()
			return nil, fmt.Errorf("program '%s' (section %s): %s", pl.prog, pl.section, explainAttach(pl.target, err))
		}
		ls.links = append(ls.links, lk)
	}
	return ls, nil
}

// planAttach maps a section string to its attach call.
func planAttach(name string, ps *ebpf.ProgramSpec, opts AttachOptions) (attachPlan, error) {
	sec := ps.SectionName
	kind, rest, _ := strings.Cut(sec, "/")
	pl := attachPlan{prog: name, section: sec}
	skip := func(why string) (attachPlan, error) { pl.skipped = why; return pl, nil }
	switch kind {
	case "tracepoint", "tp":
		group, event, ok := strings.Cut(rest, "/")
		if !ok || group == "" || event == "" {
			return pl, fmt.Errorf("a tracepoint section is tracepoint/<category>/<event>")
		}
		dir, err := TracefsDir()
		if err != nil {
			return pl, err
		}
		if _, err := os.Stat(filepath.Join(dir, "events", group, event)); err != nil {
			return pl, fmt.Errorf("tracepoint %s/%s does not exist; see `pybpfc list`", group, event)
		}
		pl.target = "tracepoint " + rest
		pl.attach = func(p *ebpf.Program) (link.Link, error) { return link.Tracepoint(group, event, p, nil) }
	case "raw_tracepoint", "raw_tp", "raw_tracepoint.w", "raw_tp.w":
		pl.target = "raw tracepoint " + rest
		pl.attach = func(p *ebpf.Program) (link.Link, error) {
			return link.AttachRawTracepoint(link.RawTracepointOptions{Name: rest, Program: p})
		}
	case "tp_btf", "fentry", "fexit", "fmod_ret", "fentry.s", "fexit.s", "fmod_ret.s":
		pl.target = kind + " " + rest
		at := ps.AttachType
		pl.attach = func(p *ebpf.Program) (link.Link, error) {
			return link.AttachTracing(link.TracingOptions{Program: p, AttachType: at})
		}
	case "lsm", "lsm.s":
		pl.target = "lsm " + rest
		pl.attach = func(p *ebpf.Program) (link.Link, error) { return link.AttachLSM(link.LSMOptions{Program: p}) }
	case "kprobe", "kretprobe", "ksyscall", "kretsyscall", "kprobe.multi", "kretprobe.multi":
		if !KprobesAvailable() {
			return pl, errors.New("kprobes are not available in this kernel (neither /sys/bus/event_source/devices/kprobe nor tracefs kprobe_events exists); use a tracepoint or raw_tp section instead")
		}
		return planKprobe(pl, kind, rest)
	case "uprobe", "uretprobe":
		bin, sym, ok := strings.Cut(rest, ":")
		if !ok || bin == "" || sym == "" {
			return pl, fmt.Errorf("an uprobe section is uprobe/<binary>:<symbol>")
		}
		ex, err := link.OpenExecutable(bin)
		if err != nil {
			return pl, fmt.Errorf("cannot open %s for an uprobe: %v; give the binary's full path", bin, err)
		}
		pl.target = kind + " " + rest
		pl.attach = func(p *ebpf.Program) (link.Link, error) {
			if kind == "uretprobe" {
				return ex.Uretprobe(sym, p, nil)
			}
			return ex.Uprobe(sym, p, nil)
		}
	case "xdp", "xdp.frags":
		if rest != "" {
			return skip("xdp/" + rest + " programs are attached to a devmap or cpumap entry by their own code")
		}
		idx, err := ifaceIndex(opts.Iface, "xdp")
		if err != nil {
			return pl, err
		}
		pl.target = "xdp on " + opts.Iface
		pl.attach = func(p *ebpf.Program) (link.Link, error) {
			return link.AttachXDP(link.XDPOptions{Program: p, Interface: idx})
		}
	case "tc", "classifier", "tcx":
		at := ebpf.AttachTCXIngress
		if rest == "egress" {
			at = ebpf.AttachTCXEgress
		}
		idx, err := ifaceIndex(opts.Iface, "tc")
		if err != nil {
			return pl, err
		}
		dir := map[ebpf.AttachType]string{ebpf.AttachTCXIngress: "ingress", ebpf.AttachTCXEgress: "egress"}[at]
		pl.target = "tcx " + dir + " on " + opts.Iface
		pl.attach = func(p *ebpf.Program) (link.Link, error) {
			return link.AttachTCX(link.TCXOptions{Program: p, Interface: idx, Attach: at})
		}
	case "cgroup_skb", "cgroup", "sockops":
		if opts.Cgroup == "" {
			return pl, errors.New("a cgroup program needs a cgroup: pass --cgroup /sys/fs/cgroup/<path>")
		}
		if st, err := os.Stat(opts.Cgroup); err != nil || !st.IsDir() {
			return pl, fmt.Errorf("cgroup %s not found; pass a cgroup v2 directory such as /sys/fs/cgroup/unified", opts.Cgroup)
		}
		at := ps.AttachType
		pl.target = "cgroup " + opts.Cgroup
		pl.attach = func(p *ebpf.Program) (link.Link, error) {
			return link.AttachCgroup(link.CgroupOptions{Path: opts.Cgroup, Attach: at, Program: p})
		}
	case "socket":
		return skip("socket filters are attached to a socket by the program that owns it (SO_ATTACH_BPF); pybpfc run does not attach them")
	case "syscall":
		return skip("syscall programs are only run, never attached")
	default:
		return skip(fmt.Sprintf("section %s is not attached automatically", sec))
	}
	return pl, nil
}

// planKprobe handles the kprobe family on kernels that have kprobes.
func planKprobe(pl attachPlan, kind, rest string) (attachPlan, error) {
	switch kind {
	case "kprobe.multi", "kretprobe.multi":
		return attachPlan{prog: pl.prog, section: pl.section, skipped: "kprobe.multi programs are not attached automatically yet"}, nil
	case "ksyscall", "kretsyscall":
		prefix := map[string]string{"amd64": "__x64_sys_", "arm64": "__arm64_sys_"}[runtime.GOARCH]
		rest = prefix + rest
	}
	sym := rest
	pl.target = kind + " " + sym
	ret := kind == "kretprobe" || kind == "kretsyscall"
	pl.attach = func(p *ebpf.Program) (link.Link, error) {
		if ret {
			return link.Kretprobe(sym, p, nil)
		}
		return link.Kprobe(sym, p, nil)
	}
	return pl, nil
}

// KprobesAvailable reports whether this kernel can attach kprobes
// (LANGUAGE.md 2.4.2): the kprobe PMU or tracefs kprobe_events exists.
func KprobesAvailable() bool {
	if _, err := os.Stat("/sys/bus/event_source/devices/kprobe"); err == nil {
		return true
	}
	for _, d := range tracefsDirs {
		if _, err := os.Stat(filepath.Join(d, "kprobe_events")); err == nil {
			return true
		}
	}
	return false
}

func ifaceIndex(name, what string) (int, error) {
	if name == "" {
		return 0, fmt.Errorf("%s programs need an interface: pass --iface IF (see `ip link`)", what)
	}
	ifc, err := net.InterfaceByName(name)
	if err != nil {
		return 0, fmt.Errorf("interface %s not found; see `ip link` for the interfaces of this machine", name)
	}
	return ifc.Index, nil
}

// explainAttach rewrites the kernel's answer to a failed attach as the
// fix the user needs.
func explainAttach(target string, err error) string {
	switch {
	case errors.Is(err, syscall.EPERM), errors.Is(err, syscall.EACCES):
		return fmt.Sprintf("attaching to %s needs root or CAP_BPF (and CAP_PERFMON for tracing): %v", target, err)
	case errors.Is(err, os.ErrNotExist):
		return fmt.Sprintf("%s does not exist in this kernel; see `pybpfc list`: %v", target, err)
	case errors.Is(err, link.ErrNotSupported):
		return fmt.Sprintf("this kernel cannot attach to %s: %v", target, err)
	case errors.Is(err, syscall.EEXIST), errors.Is(err, syscall.EBUSY):
		return fmt.Sprintf("%s already has a program attached; detach it first: %v", target, err)
	}
	return fmt.Sprintf("attach to %s: %v", target, err)
}
