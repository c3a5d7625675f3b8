// Package e2e holds the end-to-end tests over testdata/programs: every
// program is compiled through internal/driver; its expectations, written as
// comments in the program itself, are checked:
//
//	x = 1 << 40          # ERROR "shift count 40"
//	x: c_uint8 = 300     # WARNING "does not fit"
//	# ERROR-FILE "no BPF program found"      (a diagnostic without a line)
//	# run: prog ret=2 total=45               (BPF_PROG_TEST_RUN: return value, globals)
//	# load: refused                          (the kernel must refuse to load it)
//
// A program without ERROR expectations must compile without errors, match
// its frontend SSA golden file (NAME.ssa, rewritten with -update) and load
// into the kernel verifier; its `# run:` lines are then executed.
package e2e
