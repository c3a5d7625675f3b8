// Package frontend turns a parsed PythonBPF file into an SSA module.
//
// It works in two steps. collect (decl.go, maps.go) walks the module once:
// imports, decorators, structs, maps, globals and the license, so names can
// be resolved in any order. lowerFunc (lower.go and the files beside it)
// then lowers each program in source order, which is also the order
// LANGUAGE.md uses to fix a local's type (its first binding) and to report
// reads before assignment. Subprograms (subprog*.go) come after the
// programs; a call needs only the callee's signature, computed on demand,
// so callers may come first, and recursion and call depth are checked on
// the call edges once everything is lowered.
//
// Expressions lower to operands (operand.go) rather than straight to SSA
// values: constants stay symbolic and fold with exactly the run-time
// semantics (fold.go), so constant expressions are diagnosed (division by
// zero, shift counts, values that change on conversion) and never cost an
// instruction; a map lookup stays a nullable reference until its use says
// whether the pointer (truthiness) or the stored value (everything else) is
// meant. SSA is built directly with the Braun et al. builder of package ssa.
//
// Every rejection is a diag.Diagnostic at the offending node; constructs
// the compiler does not lower yet get "... is not supported yet", never a
// silently wrong object.
package frontend
