package ssa

import (
	"fmt"
	"strconv"
	"strings"
)

// Kernel types (LANGUAGE.md 8) reach the backend as KTypes: just enough of
// the kernel's BTF for the debug info that makes clang emit CO-RE
// relocations (the composite on each access path with its members, the
// kinds and names of member types). Package ssa cannot see BTF itself; the
// frontend converts what a program touches.

// KernelKind is the shape of a kernel type.
type KernelKind uint8

const (
	KernVoid KernelKind = iota
	KernInt             // integer, bool or enum
	KernPtr
	KernArray
	KernStruct
	KernUnion
)

// KType is a kernel type. A composite whose Members is nil is a shell: its
// name and size only, enough for a member that no access goes through.
type KType struct {
	Kind    KernelKind
	Name    string
	Size    int // bytes
	Signed  bool
	Bool    bool
	Enum    bool    // an enum: Enumerators are its values
	Enums   []KEnum // for Enum
	Elem    *KType  // KernArray
	Len     int     // KernArray
	Members []KMember
}

// KEnum is one enumerator of an enum KType.
type KEnum struct {
	Name  string
	Value int64
}

// KMember is one member of a struct or union KType.
type KMember struct {
	Name    string
	Type    *KType
	BitOff  int
	BitSize int // bitfields only
}

// Key is how a root composite is found from a CoreAddr's Aux: its name,
// "union." in front for a union.
func (t *KType) Key() string {
	if t.Kind == KernUnion {
		return "union." + t.Name
	}
	return t.Name
}

// CoreAccess is a parsed CoreAddr Aux: the root composite's key and the
// access indices (the first is always 0: the root itself).
type CoreAccess struct {
	Root    string
	Indices []int
}

// ParseCoreAccess reads "root:0:i:j".
func ParseCoreAccess(aux string) (CoreAccess, error) {
	parts := strings.Split(aux, ":")
	if len(parts) < 2 {
		return CoreAccess{}, fmt.Errorf("CO-RE access %q has no indices", aux)
	}
	a := CoreAccess{Root: parts[0]}
	for _, p := range parts[1:] {
		n, err := strconv.Atoi(p)
		if err != nil || n < 0 {
			return CoreAccess{}, fmt.Errorf("CO-RE access %q: bad index %q", aux, p)
		}
		a.Indices = append(a.Indices, n)
	}
	return a, nil
}

// FormatCoreAccess is the inverse of ParseCoreAccess.
func FormatCoreAccess(root *KType, indices []int) string {
	var b strings.Builder
	b.WriteString(root.Key())
	for _, i := range indices {
		fmt.Fprintf(&b, ":%d", i)
	}
	return b.String()
}
