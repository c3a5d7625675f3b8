// Package bench measures pybpfc against hand-written C on the programs in
// bench/programs: each NAME.py has a NAME.bpf.c twin that does exactly the
// same work (same maps, same helpers, same arithmetic, same return values),
// so any difference in the numbers is the compiler's.
//
// For every program the runner compiles the Python file at -O0 and -O2
// through internal/driver (the one definition of "compile this file") and
// the C twin with clang-19 -target bpf -O2 -mcpu=v3 -g, loads all three
// into the kernel, and records:
//
//   - instructions in the ELF (backend.InspectELF counts, as the kernel
//     counts them: a 64-bit immediate load is two),
//   - instructions after the verifier's rewrites (xlated),
//   - instructions the verifier processed, and the stack depth,
//   - nanoseconds per run, and
//   - compile times: pybpfc's front end and passes, its whole build
//     (including clang on the generated IR), and clang on the C twin.
//
// Timing method. Packet programs (XDP, tc, socket filters) are run inside
// the kernel with BPF_PROG_TEST_RUN (loader.Benchmark): Repeat runs per
// call, whose mean the kernel measures; Count rounds, interleaved across
// the three variants so that drift hits all of them alike; the median
// round is reported. The kernel refuses to time tracing programs that way
// (raw_tp rejects repeat; tracepoints cannot be test-run at all), so those
// are attached for real and triggered from this process: with the kernel's
// run-time accounting switched on (BPF_STATS_RUN_TIME, loader.RunStats),
// the runner makes Repeat calls of the syscall named by the program's
// "# trigger:" line and divides the run time the kernel accounted to the
// program by its run count. Other processes may fire the same event; that
// only adds samples of the same program. A benchmark with several programs
// (latency_pair's enter and exit) reports the sum of their per-run times,
// the cost of one event of each kind.
//
// Programs that pybpfc cannot compile yet are kept with their C twin and
// reported as "pending: <first diagnostic>"; they start counting on the
// day the feature lands. Timings are reported, never asserted: the only
// test on numbers (baseline_test.go) compares ELF instruction counts, which
// are deterministic for a given clang, against bench/baseline.json.
//
// Adding a program: write programs/NAME.py and programs/NAME.bpf.c with
// the same function names, sections and maps (TestTwinsDeclareTheSame
// checks that without a kernel; TestTwinsAgree runs packet programs and
// compares return values and counter totals). The Python file starts with
// comment lines the runner reads:
//
//	# bench: one line saying what the program does (required)
//	# trigger: getppid          tracing programs: the syscall that fires them
//	# packet: ipv4-udp          packet programs: the test frame (inputs.go)
//	# repeat: 10000             fewer runs per round, for slow programs
//	# set: filter_pid=self      a global's value before load
//	# nondeterministic: why     the verdict depends on random() or the clock
//
// The C twins are self-contained (no libbpf headers): helpers are declared
// as numbered function pointers, maps with inline __uint/__type macros, so
// clang-19 alone builds them. Then accept the new instruction counts with
// go test ./bench -run Baseline -update.
package bench
