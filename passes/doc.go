// Package passes transforms SSA between the frontend and the backend.
//
// Each pass is one file holding one function of type func(*ssa.Func,
// *Context), registered by name in pipeline.go. The pipeline for each -O
// level is a plain table there, next to the ordering constraints between
// passes, each with its reason, which are checked when the package starts:
// a table that breaks one panics with BUG: before anything is compiled, so a
// reordering mistake cannot slip into a release.
//
// The driver (driver.go) owns everything a pass should not have to think
// about: running it over every function, running ssa.Check afterwards so a
// broken invariant is blamed on the pass that broke it, turning a panic into
// an internal error naming pass and function, printing the function after a
// pass only when its text changed, timing, and stopping after the first
// pass that reported a user error.
//
// Passes never list ops: what they may delete, merge or move they read from
// the op table's effect column (ssa.Op.Pure, ssa.Op.Removable), and constant
// folding evaluates with ssa.EvalOp, the interpreter's own arithmetic, so
// compile-time and run-time results cannot drift apart. Every pass is tested
// text in, text out (testdata/<pass>/*.txtar) and all of them together by a
// differential test against ssa.Interp on random functions.
//
// Replacing one value by another goes through a replacer (rewrite.go) that
// records the substitutions and rewrites all uses in one sweep, instead of
// calling Func.ReplaceUses per value, which would be quadratic.
package passes
