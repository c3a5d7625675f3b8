// Package kbtf reads kernel types from BTF for `from vmlinux import ...`
// (LANGUAGE.md 8): the running kernel's /sys/kernel/btf/vmlinux or a file
// (raw BTF, or an ELF object with a .BTF section).
//
// It hands the frontend a small description of what it needs (member names,
// bit offsets, sizes, signedness, member kinds) rather than cilium's type
// graph, so the rest of the compiler never depends on cilium/ebpf and the
// layering rule stays simple. Parsing vmlinux BTF takes a noticeable
// fraction of a second, so a parsed file is cached for the whole process
// and parsed only when a program imports from vmlinux.
package kbtf

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"sync"

	"github.com/cilium/ebpf/btf"
)

// KernelPath is where the running kernel publishes its BTF.
const KernelPath = "/sys/kernel/btf/vmlinux"

// BTF is one parsed BTF file.
type BTF struct {
	Path string
	spec *btf.Spec

	enumOnce sync.Once
	enums    map[string]enumerator // enumerator name -> value

	mu    sync.Mutex
	types map[btf.Type]*Type
}

type enumerator struct {
	value  uint64
	signed bool
}

var (
	cacheMu sync.Mutex
	cache   = map[string]*BTF{}
)

// ErrNotFound is returned (wrapped) when the BTF file does not exist.
var ErrNotFound = errors.New("kernel BTF not found")

// Load parses the BTF at path ("" means the running kernel's), once per
// process.
func Load(path string) (*BTF, error) {
	if path == "" {
		path = KernelPath
	}
	cacheMu.Lock()
	defer cacheMu.Unlock()
	if b, ok := cache[path]; ok {
		return b, nil
	}
	if _, err := os.Stat(path); err != nil {
		return nil, fmt.Errorf("%w: %s", ErrNotFound, path)
	}
	spec, err := btf.LoadSpec(path)
	if err != nil {
		return nil, fmt.Errorf("read BTF from %s: %w", path, err)
	}
	b := &BTF{Path: path, spec: spec, types: map[btf.Type]*Type{}}
	cache[path] = b
	return b, nil
}

// EntityKind says what a Python name from vmlinux denotes (LANGUAGE.md 8.2).
type EntityKind int

const (
	NotFound   EntityKind = iota
	StructName            // struct_<name>
	UnionName             // union_<name>
	Enumerator            // a constant
	IntTypedef            // a typedef of an integer type: u32, pid_t
)

// Entity is the meaning of one imported name.
type Entity struct {
	Kind  EntityKind
	Type  *Type  // StructName, UnionName: the composite; IntTypedef: the integer
	Value uint64 // Enumerator: the value's bits
	// Signed is set for an enumerator of a signed enum: its value is read
	// as int64.
	Signed bool
}

// Lookup resolves a Python name: struct_X, union_X, an enumerator or an
// integer typedef.
func (b *BTF) Lookup(name string) Entity {
	switch {
	case strings.HasPrefix(name, "struct_"):
		var s *btf.Struct
		if err := b.spec.TypeByName(strings.TrimPrefix(name, "struct_"), &s); err == nil {
			return Entity{Kind: StructName, Type: b.convert(s)}
		}
		return Entity{}
	case strings.HasPrefix(name, "union_"):
		var u *btf.Union
		if err := b.spec.TypeByName(strings.TrimPrefix(name, "union_"), &u); err == nil {
			return Entity{Kind: UnionName, Type: b.convert(u)}
		}
		return Entity{}
	}
	b.enumOnce.Do(b.indexEnums)
	if e, ok := b.enums[name]; ok {
		return Entity{Kind: Enumerator, Value: e.value, Signed: e.signed}
	}
	var td *btf.Typedef
	if err := b.spec.TypeByName(name, &td); err == nil {
		if t := b.convert(td); t.Kind == Int {
			return Entity{Kind: IntTypedef, Type: t}
		}
	}
	return Entity{}
}

// indexEnums builds the enumerator index: BTF names enums, not their
// values, so finding XDP_PASS means looking at every enum once.
func (b *BTF) indexEnums() {
	b.enums = map[string]enumerator{}
	for t, err := range b.spec.All() {
		if err != nil {
			break
		}
		e, ok := t.(*btf.Enum)
		if !ok {
			continue
		}
		for _, v := range e.Values {
			if _, dup := b.enums[v.Name]; !dup {
				b.enums[v.Name] = enumerator{v.Value, e.Signed}
			}
		}
	}
}
