package passes

import (
	"bytes"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/pybpfc/pybpfc/internal/diag"
	"github.com/pybpfc/pybpfc/ssa"
)

const twoFuncs = `func on_xdp(x u32) u32 "xdp" @1:1
b0:
  v0 = Arg <u32> [0] @1:10
  v1 = Const <u32> [2] @2:5
  v2 = Const <u32> [3] @2:5
  v3 = Add <u32> v1 v2 @2:5
  v4 = Add <u32> v0 v3 @3:5
  Ret v4 @3:5

func helper(y u32) u32 @4:1
b0:
  v0 = Arg <u32> [0] @4:10
  Ret v0 @5:5
`

func parse(t *testing.T, text string) *ssa.Module {
	t.Helper()
	m, err := ssa.Parse(text)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestDriverReportsPanicAsInternalError(t *testing.T) {
	boom := Pass{Name: "boom", Fn: func(f *ssa.Func, _ *Context) {
		if f.Name == "helper" {
			panic("BUG: no idea what to do")
		}
	}}
	err := runPipeline(parse(t, twoFuncs), []Pass{copyPropPass, boom}, &Context{})
	var ie *InternalError
	if !errors.As(err, &ie) {
		t.Fatalf("want an InternalError, got %v", err)
	}
	if want := "internal error in pass boom on function helper: BUG: no idea what to do"; err.Error() != want {
		t.Errorf("got %q, want %q", err, want)
	}
	if !strings.Contains(ie.Detail, "driver_test.go") {
		t.Errorf("the detail should hold the panicking stack:\n%s", ie.Detail)
	}
}

// breakIR leaves a value whose use count is wrong: the kind of slip a
// pass makes when it edits Args by hand.
var breakIR = Pass{Name: "breakir", Fn: func(f *ssa.Func, _ *Context) {
	if v := f.Entry().Values[len(f.Entry().Values)-1]; len(v.Args) == 2 {
		v.Args[0] = v.Args[1]
	}
}}

func TestDriverCatchesBrokenIRWithCheck(t *testing.T) {
	err := runPipeline(parse(t, twoFuncs), []Pass{breakIR}, &Context{})
	var ie *InternalError
	if !errors.As(err, &ie) || ie.Pass != "breakir" || ie.Func != "on_xdp" {
		t.Fatalf("want an InternalError from breakir on on_xdp, got %v", err)
	}
	if !strings.Contains(err.Error(), "internal error in pass breakir on function on_xdp: ssa.Check(on_xdp)") ||
		!strings.Contains(err.Error(), "records") {
		t.Errorf("error should carry the Check failure: %v", err)
	}
	// -d=ssa/check/off: the same pass goes unnoticed.
	if err := runPipeline(parse(t, twoFuncs), []Pass{breakIR}, &Context{NoCheck: true}); err != nil {
		t.Errorf("with NoCheck: %v", err)
	}
}

func TestDriverPrintsOnlyWhenChanged(t *testing.T) {
	var out bytes.Buffer
	c := &Context{PrintAfter: "constfold", Out: &out}
	if err := runPipeline(parse(t, twoFuncs), []Pass{copyPropPass, constFoldPass}, c); err != nil {
		t.Fatal(err)
	}
	got := out.String()
	if !strings.HasPrefix(got, "--- after constfold: on_xdp\nfunc on_xdp") || !strings.Contains(got, "Const <u32> [5]") {
		t.Errorf("want on_xdp printed after constfold:\n%s", got)
	}
	if strings.Contains(got, "helper") || strings.Contains(got, "after copyprop") {
		t.Errorf("printed a function or pass that did not change:\n%s", got)
	}

	out.Reset()
	c = &Context{PrintAfter: "all", Out: &out}
	if err := Run(parse(t, twoFuncs), 2, c); err != nil {
		t.Fatal(err)
	}
	headers := []string{}
	for _, l := range strings.Split(out.String(), "\n") {
		if strings.HasPrefix(l, "--- after ") {
			headers = append(headers, l)
		}
	}
	// constfold folds 2+3; dce deletes the dead constants. Nothing else
	// changes either function.
	want := []string{"--- after constfold: on_xdp", "--- after dce: on_xdp"}
	if !slices.Equal(headers, want) {
		t.Errorf("headers %q, want %q", headers, want)
	}
}

func TestDriverStopsAfterUserErrors(t *testing.T) {
	complain := Pass{Name: "stackcheck", Required: true, Fn: func(f *ssa.Func, c *Context) {
		if f.Name == "on_xdp" {
			c.Diags.Errorf(diag.At(f.Pos), "stack too big")
		}
		c.Diags.Warningf(diag.At(f.Pos), "only a warning")
	}}
	ran := map[string]bool{}
	later := Pass{Name: "later", Fn: func(f *ssa.Func, _ *Context) { ran[f.Name] = true }}
	c := &Context{}
	err := runPipeline(parse(t, twoFuncs), []Pass{complain, later}, c)
	if !errors.Is(err, ErrDiagnostics) || !strings.Contains(err.Error(), "stackcheck") {
		t.Fatalf("want ErrDiagnostics after stackcheck, got %v", err)
	}
	if len(ran) != 0 {
		t.Errorf("a pass after the failing one ran on %v", ran)
	}
	if len(c.Diags.Diags) != 3 { // the error, and both functions' warnings: the pass finished the module
		t.Errorf("diagnostics %v", c.Diags.Diags)
	}
	// Warnings alone do not stop the pipeline.
	warn := Pass{Name: "warn", Fn: func(f *ssa.Func, c *Context) { c.Diags.Warningf(diag.At(f.Pos), "hm") }}
	if err := runPipeline(parse(t, twoFuncs), []Pass{warn, later}, &Context{}); err != nil || !ran["helper"] {
		t.Errorf("warnings stopped the pipeline: %v %v", err, ran)
	}
}

func TestDriverValidatesDisabledNames(t *testing.T) {
	err := Run(parse(t, twoFuncs), 2, &Context{Disabled: map[string]bool{"csee": true}})
	if err == nil || !strings.Contains(err.Error(), `unknown pass "csee"`) || !strings.Contains(err.Error(), "copyprop, cse, dce") {
		t.Errorf("want an error naming the bad pass and listing the good ones, got %v", err)
	}
	if err := Run(parse(t, twoFuncs), 2, &Context{PrintAfter: "nope"}); err == nil {
		t.Error("unknown --print-after name accepted")
	}
	// Disabling works, and a disabled pass does not run.
	var out bytes.Buffer
	m := parse(t, twoFuncs)
	if err := Run(m, 2, &Context{Disabled: map[string]bool{"constfold": true}, PrintAfter: "all", Out: &out}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(out.String(), "constfold") || strings.Contains(m.String(), "[5]") {
		t.Errorf("constfold ran though disabled:\n%s", out.String())
	}
	// Disabling a required pass is allowed, with a warning.
	req := Pass{Name: "nullcheck", Required: true, Fn: func(*ssa.Func, *Context) { t.Error("disabled pass ran") }}
	c := &Context{Disabled: map[string]bool{"nullcheck": true}}
	if err := runPipeline(parse(t, twoFuncs), []Pass{req}, c); err != nil {
		t.Fatal(err)
	}
	if len(c.Diags.Diags) != 1 || c.Diags.Diags[0].Severity != diag.Warning || !strings.Contains(c.Diags.Diags[0].Msg, "required pass nullcheck is disabled") {
		t.Errorf("want one warning about the required pass, got %v", c.Diags.Diags)
	}
}

func TestDriverTimesPasses(t *testing.T) {
	var out bytes.Buffer
	if err := Run(parse(t, twoFuncs), 1, &Context{TimePasses: true, Out: &out}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"pass", "copyprop", "constfold", "dce", "simplifycfg", "ssa.Check", "total"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("timing table lacks %q:\n%s", want, out.String())
		}
	}
}

func TestPipelineTables(t *testing.T) {
	names := func(ps []Pass) []string {
		var s []string
		for _, p := range ps {
			s = append(s, p.Name)
		}
		return s
	}
	var required []string
	for _, n := range PassNames() {
		if registry[n].Required {
			required = append(required, n)
		}
	}
	got0 := names(Pipeline(0))
	for _, n := range got0 {
		if !registry[n].Required {
			t.Errorf("-O0 runs %s, which is not Required", n)
		}
	}
	for _, n := range required {
		if !slices.Contains(got0, n) {
			t.Errorf("-O0 lacks the Required pass %s", n)
		}
	}
	if got := names(Pipeline(1)); !isSubsequence([]string{"copyprop", "constfold", "dce", "simplifycfg"}, got) || slices.Contains(got, "cse") {
		t.Errorf("-O1: %v", got)
	}
	if got, o3 := names(Pipeline(2)), names(Pipeline(3)); got[1] != "copyprop" || !slices.Equal(got, o3) {
		t.Errorf("-O2 %v, -O3 %v", got, o3)
	}
	if got := PassNames(); !isSubsequence([]string{"constfold", "copyprop", "cse", "dce", "simplifycfg"}, got) || !slices.IsSorted(got) {
		t.Errorf("PassNames: %v", got)
	}
	for _, p := range Pipeline(2) {
		if p.Fn == nil {
			t.Errorf("pass %s has no function", p.Name)
		}
	}
}

func TestOrderingConstraintsAreChecked(t *testing.T) {
	if err := checkPipelines(levels, orderingConstraints); err != nil {
		t.Fatalf("the real tables break a constraint: %v", err)
	}
	var bad [][]string
	{
		var table []string
		for _, n := range PassNames() {
			if registry[n].Required {
				table = append(table, n)
			}
		}
		bad = [][]string{append(table, "cse", "copyprop")}
	}
	err := checkPipelines(bad, orderingConstraints)
	if err == nil || !strings.Contains(err.Error(), "copyprop must come first") || !strings.Contains(err.Error(), "hides") {
		t.Errorf("a table running cse before copyprop passed: %v", err)
	}
	if err := checkPipelines([][]string{{"gvn"}}, nil); err == nil {
		t.Error("a table naming an unknown pass passed")
	}
	if err := checkPipelines(nil, []orderingConstraint{{"cse", "licm", "?"}}); err == nil {
		t.Error("a constraint naming an unknown pass passed")
	}
	registry["mustrun"] = Pass{Name: "mustrun", Required: true, Fn: func(*ssa.Func, *Context) {}}
	defer delete(registry, "mustrun")
	if err := checkPipelines([][]string{{"records", "cse"}}, nil); err == nil || !strings.Contains(err.Error(), "lacks required pass mustrun") {
		t.Errorf("a table without a required pass passed: %v", err)
	}
}

// isSubsequence reports whether want appears in got in order.
func isSubsequence(want, got []string) bool {
	i := 0
	for _, g := range got {
		if i < len(want) && g == want[i] {
			i++
		}
	}
	return i == len(want)
}
