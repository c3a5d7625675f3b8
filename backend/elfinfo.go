package backend

import (
	"bytes"
	"debug/elf"
	"fmt"
	"sort"
)

// ELFInfo is what tests and the benchmark want to know about an object,
// read with debug/elf only (no kernel, no cilium/ebpf).
type ELFInfo struct {
	Sections  []string      // section names in file order, without the empty first one
	Programs  []ELFFunction // programs (executable sections other than .text), then .text subprograms
	HasBTF    bool
	HasBTFExt bool
	License   string   // the "license" section up to its NUL
	Maps      []string // symbols in .maps, sorted
}

// ELFFunction is one function symbol in an executable section.
type ELFFunction struct {
	Name    string
	Section string
	// Insns counts 8-byte instruction slots, so a 16-byte ld_imm64 counts
	// twice, as the kernel counts it.
	Insns      int
	Subprogram bool // in .text: called, not attached
}

// Program returns the named function, if present.
func (i *ELFInfo) Program(name string) (ELFFunction, bool) {
	for _, p := range i.Programs {
		if p.Name == name {
			return p, true
		}
	}
	return ELFFunction{}, false
}

// HasSection reports whether the object has a section of that name.
func (i *ELFInfo) HasSection(name string) bool {
	for _, s := range i.Sections {
		if s == name {
			return true
		}
	}
	return false
}

// InspectELF reads a BPF object.
func InspectELF(obj []byte) (*ELFInfo, error) {
	f, err := elf.NewFile(bytes.NewReader(obj))
	if err != nil {
		return nil, fmt.Errorf("inspect elf: %w", err)
	}
	defer f.Close()
	if f.Machine != elf.EM_BPF {
		return nil, fmt.Errorf("inspect elf: machine is %s, not BPF", f.Machine)
	}
	info := &ELFInfo{}
	for _, s := range f.Sections {
		if s.Name == "" {
			continue
		}
		info.Sections = append(info.Sections, s.Name)
		switch s.Name {
		case ".BTF":
			info.HasBTF = true
		case ".BTF.ext":
			info.HasBTFExt = true
		case "license":
			data, err := s.Data()
			if err != nil {
				return nil, fmt.Errorf("inspect elf: license: %w", err)
			}
			if i := bytes.IndexByte(data, 0); i >= 0 {
				data = data[:i]
			}
			info.License = string(data)
		}
	}
	syms, err := f.Symbols()
	if err != nil && len(f.Sections) > 0 {
		return nil, fmt.Errorf("inspect elf: symbols: %w", err)
	}
	var progs, subs []ELFFunction
	for _, sym := range syms {
		if sym.Section == elf.SHN_UNDEF || int(sym.Section) >= len(f.Sections) {
			continue
		}
		sec := f.Sections[sym.Section]
		switch {
		case sec.Name == ".maps" && elf.ST_TYPE(sym.Info) == elf.STT_OBJECT:
			info.Maps = append(info.Maps, sym.Name)
		case elf.ST_TYPE(sym.Info) == elf.STT_FUNC && sec.Flags&elf.SHF_EXECINSTR != 0:
			fn := ELFFunction{Name: sym.Name, Section: sec.Name, Insns: int(sym.Size / 8), Subprogram: sec.Name == ".text"}
			if fn.Subprogram {
				subs = append(subs, fn)
			} else {
				progs = append(progs, fn)
			}
		}
	}
	byName := func(fs []ELFFunction) {
		sort.Slice(fs, func(a, b int) bool { return fs[a].Name < fs[b].Name })
	}
	byName(progs)
	byName(subs)
	info.Programs = append(progs, subs...)
	sort.Strings(info.Maps)
	return info, nil
}
