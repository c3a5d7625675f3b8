package frontend

import "strings"

// progType is the family of a program, from its section string
// (LANGUAGE.md 2.2). It drives helper legality, return-value ranges and
// which context fields exist; the loader has its own table for attaching.
type progType string

const (
	ptUnknown       progType = ""
	ptTracepoint    progType = "tracepoint"
	ptRawTP         progType = "raw_tracepoint"
	ptTPBTF         progType = "tp_btf"
	ptKprobe        progType = "kprobe"
	ptUprobe        progType = "uprobe"
	ptUSDT          progType = "usdt"
	ptPerfEvent     progType = "perf_event"
	ptXDP           progType = "xdp"
	ptTC            progType = "tc"
	ptAction        progType = "action"
	ptSocket        progType = "socket"
	ptCgroupSKB     progType = "cgroup_skb"
	ptCgroupAddr    progType = "cgroup_sock_addr"
	ptCgroupSockopt progType = "cgroup_sockopt"
	ptCgroupSock    progType = "cgroup_sock"
	ptCgroupSysctl  progType = "cgroup_sysctl"
	ptCgroupDev     progType = "cgroup_dev"
	ptSockops       progType = "sockops"
	ptFlowDissect   progType = "flow_dissector"
	ptSkLookup      progType = "sk_lookup"
	ptNetfilter     progType = "netfilter"
	ptTracing       progType = "tracing" // fentry/fexit/fmod_ret
	ptLSM           progType = "lsm"
	ptSyscall       progType = "syscall"
)

// sectionRule matches a section string exactly (Exact) or by prefix.
type sectionRule struct {
	pattern string
	exact   bool
	typ     progType
}

var sectionRules = []sectionRule{
	{"tracepoint/", false, ptTracepoint}, {"tp/", false, ptTracepoint},
	{"raw_tracepoint/", false, ptRawTP}, {"raw_tp/", false, ptRawTP},
	{"tp_btf/", false, ptTPBTF},
	{"kprobe.multi/", false, ptKprobe}, {"kretprobe.multi/", false, ptKprobe},
	{"kprobe/", false, ptKprobe}, {"kretprobe/", false, ptKprobe},
	{"ksyscall/", false, ptKprobe}, {"kretsyscall/", false, ptKprobe},
	{"uprobe.multi/", false, ptUprobe}, {"uretprobe.multi/", false, ptUprobe},
	{"uprobe/", false, ptUprobe}, {"uretprobe/", false, ptUprobe},
	{"usdt", true, ptUSDT}, {"usdt/", false, ptUSDT},
	{"perf_event", true, ptPerfEvent},
	{"xdp", true, ptXDP}, {"xdp.frags", true, ptXDP},
	{"xdp/devmap", true, ptXDP}, {"xdp/cpumap", true, ptXDP},
	{"tc", true, ptTC}, {"classifier", true, ptTC},
	{"tcx/ingress", true, ptTC}, {"tcx/egress", true, ptTC},
	{"tc/ingress", true, ptTC}, {"tc/egress", true, ptTC},
	{"action", true, ptAction},
	{"socket", true, ptSocket},
	{"cgroup_skb/ingress", true, ptCgroupSKB}, {"cgroup_skb/egress", true, ptCgroupSKB},
	{"cgroup/getsockopt", true, ptCgroupSockopt}, {"cgroup/setsockopt", true, ptCgroupSockopt},
	{"cgroup/sock", true, ptCgroupSock}, {"cgroup/sock_create", true, ptCgroupSock},
	{"cgroup/sock_release", true, ptCgroupSock},
	{"cgroup/post_bind4", true, ptCgroupSock}, {"cgroup/post_bind6", true, ptCgroupSock},
	{"cgroup/sysctl", true, ptCgroupSysctl}, {"cgroup/dev", true, ptCgroupDev},
	{"sockops", true, ptSockops},
	{"flow_dissector", true, ptFlowDissect},
	{"sk_lookup", true, ptSkLookup},
	{"netfilter", true, ptNetfilter},
	{"fentry/", false, ptTracing}, {"fexit/", false, ptTracing}, {"fmod_ret/", false, ptTracing},
	{"lsm/", false, ptLSM},
	{"syscall", true, ptSyscall},
}

var sockAddrHooks = []string{"connect4", "connect6", "bind4", "bind6", "sendmsg4", "sendmsg6",
	"recvmsg4", "recvmsg6", "getpeername4", "getpeername6", "getsockname4", "getsockname6"}

func sectionType(sec string) progType {
	if hook, ok := strings.CutPrefix(sec, "cgroup/"); ok {
		for _, h := range sockAddrHooks {
			if hook == h {
				return ptCgroupAddr
			}
		}
	}
	for _, r := range sectionRules {
		if r.exact && sec == r.pattern || !r.exact && strings.HasPrefix(sec, r.pattern) {
			return r.typ
		}
	}
	return ptUnknown
}

// returnRange is the range of constant return values the kernel accepts
// for a section (LANGUAGE.md 2.3.3); ok is false when it is unrestricted.
func returnRange(sec string) (lo, hi int64, desc string, ok bool) {
	switch sectionType(sec) {
	case ptCgroupSKB:
		if sec == "cgroup_skb/egress" {
			return 0, 3, "cgroup_skb egress programs must return 0 to 3", true
		}
		return 0, 1, "cgroup_skb programs must return 0 or 1", true
	case ptCgroupAddr:
		hook := strings.TrimPrefix(sec, "cgroup/")
		switch {
		case strings.HasPrefix(hook, "bind"):
			return 0, 3, "cgroup bind programs must return 0 to 3", true
		case strings.HasPrefix(hook, "recvmsg"), strings.HasPrefix(hook, "getpeername"), strings.HasPrefix(hook, "getsockname"):
			return 1, 1, "cgroup " + hook + " programs must return 1", true
		}
		return 0, 1, "cgroup sock_addr programs must return 0 or 1", true
	case ptCgroupSock, ptSockops, ptCgroupDev, ptCgroupSysctl, ptCgroupSockopt, ptSkLookup, ptNetfilter:
		return 0, 1, string(sectionType(sec)) + " programs must return 0 or 1", true
	case ptTracing:
		if strings.HasPrefix(sec, "fentry/") || strings.HasPrefix(sec, "fexit/") {
			return 0, 0, "fentry and fexit programs must return 0", true
		}
	}
	return 0, 0, "", false
}

// networkNoTask lists the program types that have no current task: the
// uid/gid/comm helpers are unavailable there (LANGUAGE.md 6.6.2).
func networkNoTask(t progType) bool {
	switch t {
	case ptXDP, ptTC, ptAction, ptSocket:
		return true
	}
	return false
}

// displayName is how messages name a program type ("xdp programs").
func (t progType) displayName() string {
	if t == ptUnknown {
		return "these"
	}
	return string(t)
}

// contextTypes lists the kernel struct annotations that fit each program
// type (LANGUAGE.md 2.2); c_void_p fits everything.
var contextTypes = map[progType][]string{
	ptRawTP:         {"struct_bpf_raw_tracepoint_args", "struct_pt_regs"},
	ptKprobe:        {"struct_pt_regs"},
	ptUprobe:        {"struct_pt_regs"},
	ptUSDT:          {"struct_pt_regs"},
	ptPerfEvent:     {"struct_bpf_perf_event_data"},
	ptXDP:           {"struct_xdp_md"},
	ptTC:            {"struct___sk_buff"},
	ptAction:        {"struct___sk_buff"},
	ptSocket:        {"struct___sk_buff"},
	ptCgroupSKB:     {"struct___sk_buff"},
	ptFlowDissect:   {"struct___sk_buff"},
	ptCgroupAddr:    {"struct_bpf_sock_addr"},
	ptCgroupSockopt: {"struct_bpf_sockopt"},
	ptCgroupSock:    {"struct_bpf_sock"},
	ptCgroupSysctl:  {"struct_bpf_sysctl"},
	ptCgroupDev:     {"struct_bpf_cgroup_dev_ctx"},
	ptSockops:       {"struct_bpf_sock_ops"},
	ptSkLookup:      {"struct_bpf_sk_lookup"},
	ptNetfilter:     {"struct_bpf_nf_ctx"},
}

// contextFits reports whether a context annotation fits the program type;
// unknown sections and the opaque spellings are never flagged.
func contextFits(t progType, ann string) bool {
	if ann == "" || ann == "c_void_p" || !strings.HasPrefix(ann, "struct_") {
		return true
	}
	switch t {
	case ptUnknown, ptTPBTF, ptTracing, ptLSM, ptSyscall:
		return true
	case ptTracepoint:
		return strings.HasPrefix(ann, "struct_trace_event_raw_")
	}
	for _, ok := range contextTypes[t] {
		if ann == ok {
			return true
		}
	}
	return false
}

func expectedContexts(t progType) string {
	if t == ptTracepoint {
		return "a struct_trace_event_raw_* type or c_void_p"
	}
	return strings.Join(append(append([]string{}, contextTypes[t]...), "c_void_p"), " or ")
}
