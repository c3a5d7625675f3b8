// Package layers has no code: its test enforces the import column of
// ARCHITECTURE.md's package table with `go list`, so the layering cannot
// rot one convenient import at a time.
package layers
