package loader

import (
	"bytes"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/cilium/ebpf/btf"
)

// FieldKind says how a field's bytes are shown.
type FieldKind uint8

const (
	// FieldInt is a little-endian integer of Size 1, 2, 4 or 8 bytes.
	FieldInt FieldKind = iota
	// FieldText is a char array (str(N)): text up to the first NUL.
	FieldText
	// FieldInts is an array of Count integers of Size/Count bytes each.
	FieldInts
	// FieldBytes is anything else, shown as hex.
	FieldBytes
)

// Field is one member of a Layout. Nested structs are flattened by the
// caller into dotted names ("addr.port"), so a Layout is always one level.
type Field struct {
	Name   string
	Offset int // bytes from the start of the record
	Size   int // bytes
	Kind   FieldKind
	Signed bool // FieldInt, FieldInts
	Count  int  // FieldInts: number of elements
}

// Layout describes the bytes of a record, map key or map value. The loader
// does not import the compiler's IR: the CLI builds a Layout from ssa types
// for ring buffer and perf records, and the loader builds one from the
// object's BTF for map keys, values and globals.
type Layout struct {
	Name   string // the struct's name, "" for a scalar
	Size   int
	Fields []Field
}

// IntLayout is the layout of a single integer of size bytes.
func IntLayout(name string, size int, signed bool) *Layout {
	return &Layout{Size: size, Fields: []Field{{Name: name, Size: size, Kind: FieldInt, Signed: signed}}}
}

// Scalar reports whether the layout is a single integer field.
func (lay *Layout) Scalar() bool {
	return len(lay.Fields) == 1 && lay.Fields[0].Kind == FieldInt && lay.Fields[0].Offset == 0
}

// FieldValue is one decoded field. Integers keep their exact value: U for
// unsigned fields, S for signed ones, so a u64 above 2^53 survives to JSON.
type FieldValue struct {
	Name   string
	Kind   FieldKind
	Signed bool
	U      uint64
	S      int64
	Text   string       // FieldText; FieldBytes as hex
	Elems  []FieldValue // FieldInts
}

// Decode splits b into the layout's fields. Bytes missing at the end of a
// short record read as zero, so a truncated record still decodes.
func (lay *Layout) Decode(b []byte) []FieldValue {
	if len(b) < lay.Size {
		b = append(append([]byte(nil), b...), make([]byte, lay.Size-len(b))...)
	}
	vals := make([]FieldValue, 0, len(lay.Fields))
	for _, f := range lay.Fields {
		raw := b[f.Offset : f.Offset+f.Size]
		v := FieldValue{Name: f.Name, Kind: f.Kind, Signed: f.Signed}
		switch f.Kind {
		case FieldInt:
			v.U, v.S = decodeInt(raw, f.Signed)
		case FieldText:
			if i := bytes.IndexByte(raw, 0); i >= 0 {
				raw = raw[:i]
			}
			v.Text = string(raw)
		case FieldInts:
			n := f.Size / f.Count
			for i := 0; i < f.Count; i++ {
				e := FieldValue{Kind: FieldInt, Signed: f.Signed}
				e.U, e.S = decodeInt(raw[i*n:(i+1)*n], f.Signed)
				v.Elems = append(v.Elems, e)
			}
		default:
			v.Text = hex.EncodeToString(raw)
		}
		vals = append(vals, v)
	}
	return vals
}

// decodeInt reads a little-endian integer (BPF objects here target the
// little-endian bpfel) and sign-extends it when signed.
func decodeInt(raw []byte, signed bool) (uint64, int64) {
	var u uint64
	switch len(raw) {
	case 1:
		u = uint64(raw[0])
	case 2:
		u = uint64(binary.LittleEndian.Uint16(raw))
	case 4:
		u = uint64(binary.LittleEndian.Uint32(raw))
	case 8:
		u = binary.LittleEndian.Uint64(raw)
	default:
		for i := len(raw) - 1; i >= 0; i-- {
			u = u<<8 | uint64(raw[i])
		}
	}
	if !signed {
		return u, int64(u)
	}
	shift := 64 - 8*uint(len(raw))
	s := int64(u<<shift) >> shift
	return uint64(s), s
}

// String is the field's value as text: integers in decimal, text as is.
func (v FieldValue) String() string {
	switch v.Kind {
	case FieldInt:
		if v.Signed {
			return strconv.FormatInt(v.S, 10)
		}
		return strconv.FormatUint(v.U, 10)
	case FieldInts:
		parts := make([]string, len(v.Elems))
		for i, e := range v.Elems {
			parts[i] = e.String()
		}
		return "[" + strings.Join(parts, ",") + "]"
	}
	return v.Text
}

// appendJSON writes the value as JSON. Integers are written from the
// integer itself, never through float64, so every u64 stays exact.
func (v FieldValue) appendJSON(b []byte) []byte {
	switch v.Kind {
	case FieldInt:
		return append(b, v.String()...)
	case FieldInts:
		b = append(b, '[')
		for i, e := range v.Elems {
			if i > 0 {
				b = append(b, ',')
			}
			b = e.appendJSON(b)
		}
		return append(b, ']')
	}
	return appendJSONString(b, v.Text)
}

// appendJSONString quotes s as a JSON string. Kernel text may hold bytes
// that are not UTF-8; encoding/json turns them into U+FFFD, which keeps
// the output valid JSON. HTML escaping is off: "<...>" stays readable.
func appendJSONString(b []byte, s string) []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.Encode(s) // a string always encodes
	return append(b, bytes.TrimSuffix(buf.Bytes(), []byte("\n"))...)
}

// JSONString quotes s as a JSON string, as the decoders do.
func JSONString(s string) string { return string(appendJSONString(nil, s)) }

// FormatText renders fields as "name=value name=value"; text values that
// contain spaces or are empty are quoted so the line stays parseable.
func FormatText(vals []FieldValue) string {
	var sb strings.Builder
	for i, v := range vals {
		if i > 0 {
			sb.WriteByte(' ')
		}
		sb.WriteString(v.Name)
		sb.WriteByte('=')
		s := v.String()
		if v.Kind == FieldText && (s == "" || strings.ContainsAny(s, " \t\n\"=")) {
			s = strconv.Quote(s)
		}
		sb.WriteString(s)
	}
	return sb.String()
}

// FormatJSON renders fields as one JSON object with keys in field order.
func FormatJSON(vals []FieldValue) string {
	return string(appendJSONObject(nil, vals))
}

func appendJSONObject(b []byte, vals []FieldValue) []byte {
	b = append(b, '{')
	for i, v := range vals {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendJSONString(b, v.Name)
		b = append(b, ':')
		b = v.appendJSON(b)
	}
	return append(b, '}')
}

// layoutFromBTF describes a BTF type as a Layout: integers, enums and
// pointers become integer fields, char arrays text, integer arrays lists,
// nested structs dotted names. ok is false when t is nil (no BTF).
func layoutFromBTF(t btf.Type, scalarName string) (*Layout, bool) {
	if t == nil {
		return nil, false
	}
	size, err := btf.Sizeof(t)
	if err != nil {
		return nil, false
	}
	lay := &Layout{Size: size}
	if s, ok := btf.UnderlyingType(t).(*btf.Struct); ok {
		lay.Name = s.Name
		addMembers(lay, s, "", 0)
	} else {
		lay.Fields = append(lay.Fields, fieldFromBTF(scalarName, t, 0))
	}
	return lay, true
}

func addMembers(lay *Layout, s *btf.Struct, prefix string, base int) {
	for _, m := range s.Members {
		off := base + int(m.Offset.Bytes())
		name := prefix + m.Name
		if inner, ok := btf.UnderlyingType(m.Type).(*btf.Struct); ok {
			addMembers(lay, inner, name+".", off)
			continue
		}
		lay.Fields = append(lay.Fields, fieldFromBTF(name, m.Type, off))
	}
}

func fieldFromBTF(name string, t btf.Type, off int) Field {
	size, _ := btf.Sizeof(t)
	f := Field{Name: name, Offset: off, Size: size, Kind: FieldBytes}
	switch u := btf.UnderlyingType(t).(type) {
	case *btf.Int:
		f.Kind, f.Signed = FieldInt, u.Encoding == btf.Signed
	case *btf.Enum:
		f.Kind, f.Signed = FieldInt, u.Signed
	case *btf.Pointer:
		f.Kind = FieldInt
	case *btf.Array:
		if el, ok := btf.UnderlyingType(u.Type).(*btf.Int); ok && u.Nelems > 0 {
			switch {
			case el.Size == 1 && (el.Encoding == btf.Char || el.Name == "char"):
				f.Kind = FieldText
			case el.Size <= 8:
				f.Kind, f.Signed, f.Count = FieldInts, el.Encoding == btf.Signed, int(u.Nelems)
			}
		}
	}
	if f.Kind == FieldInt && size != 1 && size != 2 && size != 4 && size != 8 {
		f.Kind = FieldBytes
	}
	return f
}

// rawLayout is the fallback without BTF: one integer when the size is an
// integer size, else hex bytes.
func rawLayout(name string, size int) *Layout {
	switch size {
	case 1, 2, 4, 8:
		return IntLayout(name, size, false)
	}
	return &Layout{Size: size, Fields: []Field{{Name: name, Size: size, Kind: FieldBytes}}}
}

// Validate reports a layout whose fields do not fit its size; the CLI
// builds layouts from the compiler's types, so this catches a mismatch
// between them and the record the kernel sends.
func (lay *Layout) Validate() error {
	for _, f := range lay.Fields {
		if f.Offset < 0 || f.Size <= 0 || f.Offset+f.Size > lay.Size {
			return fmt.Errorf("field %s at %d+%d does not fit in %d bytes", f.Name, f.Offset, f.Size, lay.Size)
		}
		if f.Kind == FieldInts && (f.Count <= 0 || f.Size%f.Count != 0) {
			return fmt.Errorf("field %s: %d bytes do not split into %d elements", f.Name, f.Size, f.Count)
		}
	}
	return nil
}
