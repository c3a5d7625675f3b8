package frontend

import (
	"github.com/pybpfc/pybpfc/frontend/syntax"
	"github.com/pybpfc/pybpfc/internal/diag"
	"github.com/pybpfc/pybpfc/ssa"
)

// helperRule is what the kernel demands of a call before it runs
// (LANGUAGE.md 6.6): which program types offer the helper, whether it is
// GPL-only and whether it takes the context. The kernel would refuse the
// load for each of these; checking them here puts the error on the Python
// line and names the helper instead of a verifier log line.
type helperRule struct {
	kname string     // the kernel helper, as messages name it ("bpf_get_stack")
	gpl   bool       // GPL-only (6.6.3)
	ctx   bool       // passes the program context (6.6.1)
	only  []progType // offered only to these program types (nil: see not)
	not   []progType // never offered to these program types
}

// Program type families of 6.6.2. The table is fixed and deliberately
// narrow: it lists only refusals every kernel version makes, so a newer
// kernel never makes a correct program fail to compile.
var (
	noTaskTypes  = []progType{ptXDP, ptTC, ptAction, ptSocket}
	tcTypes      = []progType{ptTC, ptAction}
	tracingTypes = []progType{ptTracepoint, ptRawTP, ptTPBTF, ptKprobe, ptUprobe, ptUSDT, ptPerfEvent, ptTracing, ptLSM}
)

// helperRules is the single table of helper legality; call.go's
// simpleHelpers, helpers.go and ringbuf.go all consult it by the name the
// program uses (map methods as "Kind.method"). Helpers absent from it are
// offered to every program type and license.
var helperRules = map[string]helperRule{
	"uid":                   {kname: "bpf_get_current_uid_gid", not: noTaskTypes},
	"gid":                   {kname: "bpf_get_current_uid_gid", not: noTaskTypes},
	"uid_gid":               {kname: "bpf_get_current_uid_gid", not: noTaskTypes},
	"comm":                  {kname: "bpf_get_current_comm", not: noTaskTypes},
	"probe_read":            {kname: "bpf_probe_read", gpl: true},
	"probe_read_str":        {kname: "bpf_probe_read_kernel_str", gpl: true},
	"probe_read_kernel":     {kname: "bpf_probe_read_kernel", gpl: true},
	"probe_read_kernel_str": {kname: "bpf_probe_read_kernel_str", gpl: true},
	"probe_read_user":       {kname: "bpf_probe_read_user", gpl: true},
	"probe_read_user_str":   {kname: "bpf_probe_read_user_str", gpl: true},
	"get_current_task":      {kname: "bpf_get_current_task", gpl: true},
	"get_stack":             {kname: "bpf_get_stack", gpl: true, ctx: true, only: tracingTypes},
	"get_stackid":           {kname: "bpf_get_stackid", gpl: true, ctx: true, only: tracingTypes},
	"skb_store_bytes":       {kname: "bpf_skb_store_bytes", ctx: true, only: tcTypes},
	"xdp_adjust_head":       {kname: "bpf_xdp_adjust_head", ctx: true, only: []progType{ptXDP}},
	"xdp_adjust_tail":       {kname: "bpf_xdp_adjust_tail", ctx: true, only: []progType{ptXDP}},
	"xdp_adjust_meta":       {kname: "bpf_xdp_adjust_meta", ctx: true, only: []progType{ptXDP}},
	"PerfEventArray.output": {kname: "bpf_perf_event_output", gpl: true, ctx: true},
	// 6.5: offered to every program type, but it needs the context.
	"tail_call":      {kname: "bpf_tail_call", ctx: true},
	"redirect":       {kname: "bpf_redirect", only: []progType{ptXDP, ptTC, ptAction}},
	"send_signal":    {kname: "bpf_send_signal", only: tracingTypes},
	"skb_load_bytes": {kname: "bpf_skb_load_bytes", ctx: true, only: []progType{ptSocket, ptTC, ptAction, ptCgroupSKB, ptFlowDissect}},
	// A string copy between char arrays (4.4.2) is a probe_read_kernel_str.
	"string copy": {kname: "bpf_probe_read_kernel_str", gpl: true},
}

// checkHelper applies helperRules to a call of name (shown as what, e.g.
// "get_stack()") at sp. It reports every broken rule and returns the
// context value for ctx helpers; ok is false when the call must not be
// lowered.
func (f *fn) checkHelper(name, what string, sp diag.Span) (ctx *ssa.Value, ok bool) {
	r, known := helperRules[name]
	if !known {
		return nil, true
	}
	ok = true
	if f.decl != nil && !r.offeredTo(f.decl.prog) {
		f.errorf(sp, "%s is not available to %s programs", what, f.decl.prog.displayName())
		ok = false
	}
	if r.gpl && !f.licenseAllows(what, r.kname, sp) {
		ok = false
	}
	if r.ctx {
		if f.ctxVal == nil {
			f.errorf(sp, "%s needs the program context", what).Hint("give the program its context parameter, as in def prog(ctx: c_void_p)")
			ok = false
		}
		ctx = f.ctxVal
	}
	return ctx, ok
}

// offeredTo reports whether a program of type t may call the helper.
// Sections that match no row of the section table are not checked.
func (r helperRule) offeredTo(t progType) bool {
	if t == ptUnknown {
		return true
	}
	if r.only != nil {
		return hasProgType(r.only, t)
	}
	return !hasProgType(r.not, t)
}

func hasProgType(ts []progType, t progType) bool {
	for _, x := range ts {
		if x == t {
			return true
		}
	}
	return false
}

// licenseAllows reports (and diagnoses) a GPL-only helper under a license
// the kernel does not consider GPL-compatible (LANGUAGE.md 6.6.3).
func (f *fn) licenseAllows(what, kname string, sp diag.Span) bool {
	lic := f.c.mod.License
	if lic == "" || gplCompatible[lic] {
		return true
	}
	f.errorf(sp, "%s uses %s, which is GPL-only, but LICENSE is '%s'", what, kname, lic).
		Hint(`use LICENSE "GPL" (or a GPL-compatible license) to call it`)
	return false
}

// noValue diagnoses a call without a result used as a value (5.4.1).
func (f *fn) noValue(what string, e *syntax.Call, stmt bool) bool {
	if stmt {
		return false
	}
	f.errorf(e.Sp, "%s has no value", what)
	return true
}
