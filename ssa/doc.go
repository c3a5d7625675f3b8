// Package ssa is pybpfc's intermediate representation and only that: types
// that carry what the kernel verifier cares about (integer width and sign,
// pointer kind), one op table that passes read instead of listing ops,
// functions of basic blocks whose values are kept in execution order (so
// there is no scheduling pass), the Braun et al. builder the frontend
// constructs SSA with, a text printer and parser (pass tests are text in,
// text out), Check (every invariant, in one file), and dominators.
//
// The shape follows Go's cmd/compile/internal/ssa (Func/Block/Value, edges
// that know their reverse index, dense IDs so analyses index slices by ID).
package ssa
