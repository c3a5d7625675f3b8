// Package loader puts pybpfc's ELF objects into the kernel and reports what
// the kernel says: it loads programs and maps, checks programs against the
// verifier with their cost (Check), test-runs them (Run, Benchmark), reads
// and writes global variables and dumps maps.
//
// It is the only package of pybpfc that imports cilium/ebpf (besides
// internal/kbtf, which reads kernel BTF). Everything else sees plain Go
// values: program and map types as the kernel names them ("XDP",
// "PERCPU_HASH"), bytes, counts and *RejectError. Keeping the dependency in
// one place keeps the compiler buildable and testable without the kernel,
// and confines cilium's API churn to this directory.
//
// # Errors
//
// A program the kernel refuses is a *RejectError: the program, its section,
// the source position of the failing instruction (from the object's BTF line
// info, so for pybpfc's output a Python line), the verifier's own message
// and the full log, and the errno. Several refusals from one load are a
// RejectErrors, which errors.As unwraps to each *RejectError. The loader
// does not render diagnostics: the CLI turns a RejectError into one with
// internal/diag (LANGUAGE.md 10.7), using the program's def line when Line
// is 0. Every other failure (an unreadable ELF, a map the kernel cannot
// create, an unknown name) is an ordinary wrapped error.
//
// Loading a program is all-or-nothing in cilium/ebpf and stops at the first
// failure; the loader reloads the programs one by one to name each refused
// program with its own log, and LoadOptions.Partial keeps the accepted
// ones. When the log names no instruction, the program is reloaded with a
// branch-level log; when the kernel answers EFAULT, for which cilium drops
// the log, it is reloaded with the bpf() system call directly (rawload.go).
//
// # API at a glance
//
//	obj, err := loader.Open(elfBytes)           // ELF only, no kernel
//	obj.Programs(); obj.Program(name); obj.MapSpecInfo(name); obj.Globals()
//	obj.SetGlobal("max_port", le16)             // .rodata: before Load only
//	reports, err := obj.Check(loader.CheckOptions{}) // verdict and cost per program
//	l, err := obj.Load(loader.LoadOptions{})    // maps + programs, not attached
//	defer l.Close()
//	ret, pkt, err := l.Run("prog", nil)         // BPF_PROG_TEST_RUN
//	n, err := l.GlobalUint("drops"); entries, err := l.MapEntries("counts")
//
//	links, err := l.AttachAll(loader.AttachOptions{Iface: "eth0"}) // by section string
//	defer links.Close()                           // detaches everything
//	pipe, err := loader.OpenTracePipe()           // discards older lines
//	pipe.Stream(stop, loader.NewTraceFilter(formats), emit) // print() lines
//	rs, err := l.OpenRecords(layouts, emit)       // ring buffer and perf records
//	rs.Stop(); l.DumpMaps(w, asJSON)              // maps and globals at exit
//	probes, err := loader.ListProbes("syscalls:sys_enter_open*")
//
// # Running
//
// attach.go maps each section string of LANGUAGE.md 2.2 to its cilium link
// call and decides every attachment before making the first, so a missing
// interface or kernel feature (kprobes) fails the run with nothing
// attached. tracepipe.go reads trace_pipe non-blocking with epoll, since a
// blocked reader is not woken by close; bpf_trace_printk lines carry no
// program id, so they are kept when they match one of the object's print
// formats. ringbuf.go decodes records with a Layout the caller builds from
// the compiler's struct (this package does not import ssa); mapdump.go
// builds layouts for map keys, values and globals from the object's BTF,
// and hist.go draws maps named *_hist as log2 histograms.
//
// # Kernel tests
//
// Tests that need the kernel call internal/kerneltest.Require, and
// kerneltest.RequireTool for clang: they skip without root or clang, and
// fail instead under PYBPFC_REQUIRE_KERNEL=1.
package loader
