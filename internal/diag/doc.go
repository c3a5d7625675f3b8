// Package diag holds source positions, spans and diagnostics, and renders
// them in the one format every stage of pybpfc uses (LANGUAGE.md section 10):
// "file:line:col: severity: message", the source line, a caret line, hints
// and related notes. It is the bottom of the import graph: standard library
// only, so every package can report user errors the same way.
package diag
