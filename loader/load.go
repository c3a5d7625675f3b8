package loader

import (
	"bytes"
	"fmt"
	"sort"

	"github.com/cilium/ebpf"
)

// Object is a parsed BPF ELF object, not yet in the kernel. Everything it
// reports comes from the ELF alone, so it works without root.
type Object struct {
	spec  *ebpf.CollectionSpec
	progs []string // sorted program names
}

// Program describes one program of an Object as the ELF declares it.
type Program struct {
	Name    string // the function's name
	Section string // the ELF section, e.g. "xdp", "raw_tracepoint/sys_enter"
	Type    string // the kernel's program type name, e.g. "XDP", "SCHED_CLS"
	// Insns counts raw 8-byte instruction slots, including the linked
	// subprograms; a 64-bit immediate load counts twice, as in the kernel's
	// and llvm-objdump's numbering.
	Insns int
}

// MapInfo describes one map of an Object as the ELF declares it. The data
// sections (.bss, .data, .rodata) are maps too, named after their section.
type MapInfo struct {
	Name       string
	Type       string // the kernel's map type name, e.g. "HASH", "PERCPU_ARRAY"
	KeySize    uint32
	ValueSize  uint32
	MaxEntries uint32
	Flags      uint32
}

// Open parses an ELF object. It fails on objects cilium/ebpf cannot read
// (no programs is not an error: the caller decides whether that matters).
func Open(elf []byte) (*Object, error) {
	spec, err := ebpf.LoadCollectionSpecFromReader(bytes.NewReader(elf))
	if err != nil {
		return nil, fmt.Errorf("parse object: %w", err)
	}
	o := &Object{spec: spec}
	for name := range spec.Programs {
		o.progs = append(o.progs, name)
	}
	sort.Strings(o.progs)
	return o, nil
}

// Programs returns the program names, sorted.
func (o *Object) Programs() []string { return append([]string(nil), o.progs...) }

// Program describes the named program; ok is false when there is none.
func (o *Object) Program(name string) (p Program, ok bool) {
	ps := o.spec.Programs[name]
	if ps == nil {
		return Program{}, false
	}
	return Program{
		Name:    name,
		Section: ps.SectionName,
		Type:    progTypeName(ps.Type),
		Insns:   int(ps.Instructions.Size() / 8),
	}, true
}

// Maps returns the map names, sorted, data sections included.
func (o *Object) Maps() []string {
	names := make([]string, 0, len(o.spec.Maps))
	for name := range o.spec.Maps {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}

// MapSpecInfo describes the named map as the ELF declares it.
func (o *Object) MapSpecInfo(name string) (MapInfo, error) {
	ms := o.spec.Maps[name]
	if ms == nil {
		return MapInfo{}, fmt.Errorf("no map named %q", name)
	}
	return MapInfo{
		Name:       name,
		Type:       mapTypeName(ms.Type),
		KeySize:    ms.KeySize,
		ValueSize:  ms.ValueSize,
		MaxEntries: ms.MaxEntries,
		Flags:      ms.Flags,
	}, nil
}

// Globals returns the names of the global variables (.bss, .data, .rodata
// and their suffixed variants), sorted.
func (o *Object) Globals() []string {
	names := make([]string, 0, len(o.spec.Variables))
	for name := range o.spec.Variables {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}

// Global returns the initial value of a global variable as the ELF holds it,
// or as SetGlobal last replaced it.
func (o *Object) Global(name string) ([]byte, error) {
	v := o.spec.Variables[name]
	if v == nil {
		return nil, fmt.Errorf("no global named %q", name)
	}
	if v.Value == nil {
		// cilium leaves .bss values unset: they are zero by definition.
		return make([]byte, v.Size()), nil
	}
	return append([]byte(nil), v.Value...), nil
}

// SetGlobal replaces the initial value of a global before Load; value must
// have the variable's exact size (little-endian for integers on the hosts we
// run on). This is the only way to give a .rodata constant (@bpfconst) a
// value: the kernel freezes .rodata at load, and the verifier then treats it
// as a known constant. For .data and .bss it sets the starting value;
// Loaded.SetGlobal changes them later.
func (o *Object) SetGlobal(name string, value []byte) error {
	v := o.spec.Variables[name]
	if v == nil {
		return fmt.Errorf("no global named %q", name)
	}
	if size := v.Size(); uint32(len(value)) != size {
		return fmt.Errorf("global %q has %d bytes, got %d", name, size, len(value))
	}
	if err := v.Set(value); err != nil {
		return fmt.Errorf("set global %q: %w", name, err)
	}
	return nil
}

// LoadOptions control Object.Load.
type LoadOptions struct {
	// Partial loads the programs the kernel accepts and lists the others in
	// Loaded.Rejected. Without it one rejected program fails the whole load
	// with a RejectErrors listing every rejected program.
	Partial bool
}

// Loaded is an Object in the kernel: its maps, its global variables and the
// programs the kernel accepted. Close releases all of them.
type Loaded struct {
	obj  *Object
	coll *ebpf.Collection
	// Rejected lists the programs the kernel refused (only with
	// LoadOptions.Partial), sorted by program name.
	Rejected []*RejectError
}

// Load creates the object's maps and loads its programs, without attaching
// anything. Program rejections are *RejectError values (see RejectErrors);
// any other failure (a map the kernel cannot create) is a plain error.
func (o *Object) Load(opts LoadOptions) (*Loaded, error) {
	var rejected RejectErrors
	for _, name := range o.progs {
		if rerr := o.untyped(name); rerr != nil {
			rejected = append(rejected, rerr)
		}
	}
	if len(rejected) == 0 {
		coll, err := ebpf.NewCollectionWithOptions(o.spec.Copy(), ebpf.CollectionOptions{})
		if err == nil {
			return &Loaded{obj: o, coll: coll}, nil
		}
		if merr := o.mapsError(); merr != nil {
			return nil, merr // not a program's fault
		}
		// cilium stops at the first failure, in map order, and names the
		// program only inside its message. Loading each program on its
		// own tells exactly which ones the kernel refuses, each with its
		// own log.
		for _, name := range o.progs {
			if rerr := o.loadAlone(name); rerr != nil {
				rejected = append(rejected, rerr)
			}
		}
		if len(rejected) == 0 {
			return nil, fmt.Errorf("load object: %w", err)
		}
	}
	if !opts.Partial {
		return nil, rejected
	}

	spec := o.spec.Copy()
	for _, r := range rejected {
		delete(spec.Programs, r.Program)
	}
	coll, err := ebpf.NewCollectionWithOptions(withoutMissingPrograms(spec), ebpf.CollectionOptions{})
	if err != nil {
		return nil, fmt.Errorf("load object without rejected programs: %w", err)
	}
	return &Loaded{obj: o, coll: coll, Rejected: rejected}, nil
}

// loadAlone loads one program with the maps it needs and closes it again;
// it returns the rejection, or nil when the kernel accepts the program.
func (o *Object) loadAlone(name string) *RejectError {
	coll, err := o.loadOne(name, ebpf.ProgramOptions{})
	if err == nil {
		coll.Close()
		return nil
	}
	return o.reject(name, err)
}

// untyped rejects a program whose section names no program type: cilium
// silently skips such programs when it loads a collection, and the kernel
// would refuse them anyway (LANGUAGE.md 2.1.2).
func (o *Object) untyped(name string) *RejectError {
	ps := o.spec.Programs[name]
	if ps.Type != ebpf.UnspecifiedProgram {
		return nil
	}
	return &RejectError{
		Program:   name,
		Section:   ps.SectionName,
		InsnIndex: -1,
		Message:   fmt.Sprintf("section '%s' does not match any known program type", ps.SectionName),
	}
}

// mapsError creates the object's maps without any program, to tell a map
// failure (the environment's fault) from a program rejection.
func (o *Object) mapsError() error {
	spec := o.spec.Copy()
	spec.Programs = map[string]*ebpf.ProgramSpec{}
	coll, err := ebpf.NewCollection(withoutMissingPrograms(spec))
	if err != nil {
		return fmt.Errorf("create maps: %w", err)
	}
	coll.Close()
	return nil
}

// loadOne loads a copy of the object reduced to the named program.
func (o *Object) loadOne(name string, popts ebpf.ProgramOptions) (*ebpf.Collection, error) {
	spec := o.spec.Copy()
	for n := range spec.Programs {
		if n != name {
			delete(spec.Programs, n)
		}
	}
	return ebpf.NewCollectionWithOptions(withoutMissingPrograms(spec), ebpf.CollectionOptions{Programs: popts})
}

// withoutMissingPrograms drops the entries of statically filled program
// arrays (LANGUAGE.md 5.7: ProgArray(programs=[...])) that name programs
// no longer in spec. Loading a reduced copy of an object (one program for
// its own verifier log, maps alone, the accepted programs only) would
// otherwise fail on the missing program instead of reporting what it was
// asked about; an empty slot just makes a tail call fall through.
func withoutMissingPrograms(spec *ebpf.CollectionSpec) *ebpf.CollectionSpec {
	for _, ms := range spec.Maps {
		if ms.Type != ebpf.ProgramArray || len(ms.Contents) == 0 {
			continue
		}
		kept := ms.Contents[:0:0]
		for _, kv := range ms.Contents {
			if name, ok := kv.Value.(string); ok && spec.Programs[name] == nil {
				continue
			}
			kept = append(kept, kv)
		}
		ms.Contents = kept
	}
	return spec
}

// Object returns the Object this was loaded from.
func (l *Loaded) Object() *Object { return l.obj }

// Programs returns the names of the programs in the kernel, sorted.
func (l *Loaded) Programs() []string {
	names := make([]string, 0, len(l.coll.Programs))
	for name := range l.coll.Programs {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}

// Close releases the programs, maps and variable mappings. It is safe to
// call more than once.
func (l *Loaded) Close() {
	if l.coll != nil {
		l.coll.Close()
		l.coll = nil
	}
}

func (l *Loaded) program(name string) (*ebpf.Program, error) {
	if l.coll == nil {
		return nil, fmt.Errorf("program %q: object is closed", name)
	}
	p := l.coll.Programs[name]
	if p == nil {
		for _, r := range l.Rejected {
			if r.Program == name {
				return nil, fmt.Errorf("program %q was rejected by the kernel: %w", name, r)
			}
		}
		return nil, fmt.Errorf("no program named %q", name)
	}
	return p, nil
}
