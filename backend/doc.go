// Package backend turns an SSA module into a BPF ELF object: SSA → LLVM IR
// text (built with llir/llvm) → clang or llc → object, plus a debug/elf
// reader of the result for tests and the benchmark.
//
// Why it is shaped so:
//
//   - Typed pointers. llir/llvm prints `i8*`-style IR only. LLVM 14 reads
//     nothing else without -opaque-pointers, and LLVM 15–19 still accept
//     typed pointers in text and upgrade them, so one form serves every
//     toolchain here. Every SSA pointer kind is an `i8*`; a load or store
//     bitcasts it to `iN*` at the point of use, which also keeps address
//     arithmetic a plain byte-wise GEP (never inbounds: packet and kernel
//     pointers may legitimately point anywhere).
//
//   - Debug info is part of the output's meaning. clang derives .BTF (map
//     definitions, globals, function signatures) and .BTF.ext (line info,
//     the only way the verifier log can name a Python line) from it. The
//     traps, all silent: without the "Debug Info Version" module flag llc
//     drops every debug record and exits 0; without llvm.dbg.cu no BTF is
//     written; a defined function without a DISubprogram crashes llc 14; a
//     parameter without a named DILocalVariable(arg: N) in retainedNodes
//     makes the kernel refuse the BTF ("Invalid arg#1"); an instruction
//     without a DILocation gets no line info. So every function gets a
//     DISubprogram, every parameter a named variable and every instruction
//     a location. The DIFile is the base name in directory "." so that the
//     object does not depend on where it was built, and the source text can
//     be embedded (EmitLLVMWithSource) so the log shows the Python line
//     itself.
//
//   - Maps are libbpf "BTF-defined maps": a zeroed global in .maps whose
//     debug type is an anonymous struct of pointer members; numbers live in
//     array lengths (`int (*max_entries)[N]`), key and value types behind
//     pointers. Only the BTF matters; the LLVM type is a struct of i8*.
//
//   - Semantic guards. LANGUAGE.md gives division by zero, MIN/-1 and
//     over-wide shift counts defined results; LLVM makes them UB or poison
//     and clang -O2 acts on that. Division divides by select(b==0, 1, b)
//     and selects the defined result; signed division is emulated with
//     unsigned division of absolute values because the BPF backend refuses
//     sdiv before -mcpu=v4; shift counts are masked. No instruction carries
//     nsw/nuw/exact, since overflow wraps. Constant operands skip the guards.
//
//   - Stack slots are entry-block allocas of [N x i8], 8-aligned, with
//     lifetime markers: clang -O2 without them keeps slots alive across the
//     whole function (more stack, more spills), and an under-aligned key
//     loses its constant value for the verifier.
//
//   - Every function returns i64 (the SSA result extended by its own sign):
//     that is what r0 holds, whatever the C-level return type.
//
//   - The toolchain runs as a subprocess fed on stdin, in an empty working
//     directory, so the same IR and flags give byte-identical objects.
//
// The package must not import cilium/ebpf: loading belongs to package
// loader, and tests here stop at the ELF bytes.
package backend
