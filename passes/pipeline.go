package passes

import (
	"fmt"
	"sort"
)

// Every pass the compiler knows, by name. A pipeline refers to passes by
// name so the tables below read like the --print-after vocabulary.
var registry = map[string]Pass{}

func register(p Pass) Pass {
	if _, dup := registry[p.Name]; dup {
		panic("BUG: pass " + p.Name + " registered twice")
	}
	registry[p.Name] = p
	return p
}

var (
	copyPropPass  = register(Pass{Name: "copyprop", Fn: copyProp})
	constFoldPass = register(Pass{Name: "constfold", Fn: constFold})
	csePass       = register(Pass{Name: "cse", Fn: cse})
	dcePass       = register(Pass{Name: "dce", Fn: dce})
	cfgPass       = register(Pass{Name: "simplifycfg", Fn: simplifyCFG})
	recordsPass   = register(Pass{Name: "records", Fn: checkRecords, Required: true})
	stackPass     = register(Pass{Name: "stacksize", Fn: checkStack, Required: true})
	storesPass    = register(Pass{Name: "redundantstores", Fn: redundantStores})
	pktBoundsPass = register(Pass{Name: "pktbounds", Fn: pktBounds, Required: true})
)

// The -O level tables. -O0 runs only the Required passes (legality and
// verifier-aware checks: records); the optimisation levels
// list theirs in order.
var levels = [][]string{
	0: {"records", "pktbounds", "stacksize"},
	1: {"records", "copyprop", "constfold", "dce", "simplifycfg", "pktbounds", "stacksize"},
	// -O2 runs the cleanups again after simplifycfg: removing an edge
	// leaves single-argument phis whose replacement makes new constants,
	// and those new constants make new dead code.
	2: {"records", "copyprop", "constfold", "cse", "copyprop", "dce", "simplifycfg", "constfold", "cse", "redundantstores", "dce", "simplifycfg", "pktbounds", "stacksize"},
}

// orderingConstraint says pass before must run before pass after in every
// pipeline that holds both (its first occurrence before after's first).
type orderingConstraint struct {
	before, after, reason string
}

var orderingConstraints = []orderingConstraint{
	{"copyprop", "cse", "cse compares arguments by identity; a Copy between two equal expressions hides that they are equal"},
	{"copyprop", "constfold", "constfold matches constant operands directly; a Copy of a constant is not a constant"},
	{"constfold", "simplifycfg", "simplifycfg folds branches on constant conditions, which constfold produces"},
	{"constfold", "dce", "folding leaves the operands of folded values unused; dce deletes them"},
	{"cse", "dce", "merging an expression into its twin leaves the twin's operands unused"},
	{"records", "dce", "a use of a released ring buffer record is an error even when dce would delete it"},
	{"records", "simplifycfg", "records reports leaks on paths as written, before branches are folded away"},
	{"dce", "stacksize", "stacksize counts the slots that remain; dce removes the ones never read"},
}

func init() {
	if err := checkPipelines(levels, orderingConstraints); err != nil {
		panic("BUG: " + err.Error())
	}
}

// checkPipelines verifies that every table names known passes, that every
// Required pass runs at every level, and that the ordering constraints
// hold.
func checkPipelines(tables [][]string, cons []orderingConstraint) error {
	for lvl, names := range tables {
		first := map[string]int{}
		for i, n := range names {
			if _, ok := registry[n]; !ok {
				return fmt.Errorf("-O%d pipeline names unknown pass %q", lvl, n)
			}
			if _, seen := first[n]; !seen {
				first[n] = i
			}
		}
		for _, n := range PassNames() {
			if _, ok := first[n]; registry[n].Required && !ok {
				return fmt.Errorf("-O%d pipeline lacks required pass %s", lvl, n)
			}
		}
		for _, c := range cons {
			b, okB := first[c.before]
			a, okA := first[c.after]
			if okB && okA && b > a {
				return fmt.Errorf("-O%d pipeline runs %s before %s, but %s must come first: %s", lvl, c.after, c.before, c.before, c.reason)
			}
		}
	}
	for _, c := range cons {
		for _, n := range []string{c.before, c.after} {
			if _, ok := registry[n]; !ok {
				return fmt.Errorf("ordering constraint names unknown pass %q", n)
			}
		}
	}
	return nil
}

// Pipeline returns the passes of an -O level (below 0 is 0, above 2 is 2).
func Pipeline(level int) []Pass {
	level = max(0, min(level, len(levels)-1))
	ps := make([]Pass, 0, len(levels[level]))
	for _, n := range levels[level] {
		ps = append(ps, registry[n])
	}
	return ps
}

// PassNames lists every known pass, sorted, for --disable-pass and
// --print-after validation.
func PassNames() []string {
	names := make([]string, 0, len(registry))
	for n := range registry {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}
