package loader

import (
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/cilium/ebpf"
)

// decodedEntry is a map entry with its key and value(s) decoded.
type decodedEntry struct {
	key    []FieldValue
	value  []FieldValue   // ordinary maps
	perCPU [][]FieldValue // per-CPU maps, in CPU order
}

// total is the value of an ordinary map, or the per-CPU values summed
// field by field (integers only; other fields keep CPU 0's value).
func (e decodedEntry) total() []FieldValue {
	if e.perCPU == nil {
		return e.value
	}
	sum := append([]FieldValue(nil), e.perCPU[0]...)
	for _, vs := range e.perCPU[1:] {
		for i, v := range vs {
			if v.Kind == FieldInt {
				sum[i].U += v.U
				sum[i].S += v.S
			}
		}
	}
	return sum
}

// DumpMaps prints every map of the object that holds entries (not the data
// sections, ring buffers or perf arrays), sorted by name, then the .data
// and .bss globals. Keys and values are decoded with the object's BTF
// (integers by size and sign, structs by field, char arrays as text).
// Hash maps list their entries sorted by key; array maps leave out entries
// whose value is all zero, and say how many; per-CPU maps show one column
// per CPU and a total; maps named *_hist are drawn as log2 histograms
// (hist.go). With asJSON each map and each global is one JSON object on
// its own line.
func (l *Loaded) DumpMaps(w io.Writer, asJSON bool) error {
	if l.coll == nil {
		return fmt.Errorf("dump maps: object is closed")
	}
	var names []string
	for name, m := range l.coll.Maps {
		if !strings.HasPrefix(name, ".") && dumpable(m.Type()) {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	for _, name := range names {
		if err := l.dumpMap(w, name, asJSON); err != nil {
			return err
		}
	}
	return l.dumpGlobals(w, asJSON)
}

func (l *Loaded) dumpMap(w io.Writer, name string, asJSON bool) error {
	m := l.coll.Maps[name]
	ms := l.obj.spec.Maps[name]
	key, ok := layoutFromBTF(ms.Key, "key")
	if !ok {
		key = rawLayout("key", int(m.KeySize()))
	}
	value, ok := layoutFromBTF(ms.Value, "value")
	if !ok {
		value = rawLayout("value", int(m.ValueSize()))
	}
	raw, err := l.MapEntries(name)
	if err != nil {
		return err
	}
	var entries []decodedEntry
	zeros := 0
	for _, r := range raw {
		e := decodedEntry{key: key.Decode(r.Key)}
		if r.PerCPU != nil {
			for _, v := range r.PerCPU {
				e.perCPU = append(e.perCPU, value.Decode(v))
			}
		} else {
			e.value = value.Decode(r.Value)
		}
		if m.Type() == ebpf.Array || m.Type() == ebpf.PerCPUArray {
			if allZero(r) {
				zeros++
				continue
			}
		}
		entries = append(entries, e)
	}
	sort.SliceStable(entries, func(i, j int) bool { return lessFields(entries[i].key, entries[j].key) })
	kind := mapTypeName(m.Type())
	if IsHistogramName(name) {
		if counts, ok := histCounts(key, value, entries); ok {
			buckets := Log2Buckets(counts)
			if asJSON {
				b := appendJSONString([]byte(`{"type":"hist","name":`), name)
				b = append(b, `,"buckets":[`...)
				for i, bk := range buckets {
					if i > 0 {
						b = append(b, ',')
					}
					b = fmt.Appendf(b, `{"low":%d,"high":%d,"count":%d}`, bk.Low, bk.High, bk.Count)
				}
				_, err := fmt.Fprintf(w, "%s]}\n", b)
				return err
			}
			fmt.Fprintf(w, "%s (%s, log2 histogram):\n", name, kind)
			if len(buckets) == 0 {
				fmt.Fprintln(w, "  (empty)")
			}
			RenderHist(w, buckets)
			fmt.Fprintln(w)
			return nil
		}
	}
	if asJSON {
		return dumpMapJSON(w, name, kind, entries)
	}
	return dumpMapText(w, name, kind, key, value, entries, zeros)
}

func allZero(r MapEntry) bool {
	vals := r.PerCPU
	if vals == nil {
		vals = [][]byte{r.Value}
	}
	for _, v := range vals {
		for _, c := range v {
			if c != 0 {
				return false
			}
		}
	}
	return true
}

func dumpMapText(w io.Writer, name, kind string, key, value *Layout, entries []decodedEntry, zeros int) error {
	fmt.Fprintf(w, "%s (%s", name, kind)
	if zeros > 0 {
		fmt.Fprintf(w, ", %d zero entries not shown", zeros)
	}
	fmt.Fprintln(w, "):")
	if len(entries) == 0 {
		fmt.Fprintln(w, "  (empty)")
		fmt.Fprintln(w)
		return nil
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', tabwriter.AlignRight)
	var head []string
	for _, f := range key.Fields {
		head = append(head, f.Name)
	}
	perCPU := entries[0].perCPU != nil
	switch {
	case perCPU && value.Scalar():
		for i := range entries[0].perCPU {
			head = append(head, "cpu"+strconv.Itoa(i))
		}
		head = append(head, "total")
	case perCPU:
		head = append(head, "cpu")
		fallthrough
	default:
		for _, f := range value.Fields {
			head = append(head, f.Name)
		}
	}
	row := func(cells []string) { fmt.Fprintln(tw, "  "+strings.Join(cells, "\t")+"\t") }
	row(head)
	for _, e := range entries {
		keys := fieldStrings(e.key)
		switch {
		case perCPU && value.Scalar():
			cells := keys
			for _, v := range e.perCPU {
				cells = append(cells, v[0].String())
			}
			row(append(cells, e.total()[0].String()))
		case perCPU:
			for cpu, v := range e.perCPU {
				row(append(append(append([]string(nil), keys...), strconv.Itoa(cpu)), fieldStrings(v)...))
			}
			row(append(append(append([]string(nil), keys...), "total"), fieldStrings(e.total())...))
		default:
			row(append(keys, fieldStrings(e.value)...))
		}
	}
	tw.Flush()
	fmt.Fprintln(w)
	return nil
}

func fieldStrings(vals []FieldValue) []string {
	out := make([]string, len(vals))
	for i, v := range vals {
		out[i] = v.String()
		if v.Kind == FieldText {
			out[i] = strconv.Quote(out[i])
		}
	}
	return out
}

// jsonValue is a single integer as a number, a struct as an object.
func jsonValue(b []byte, vals []FieldValue) []byte {
	if len(vals) == 1 && (vals[0].Name == "key" || vals[0].Name == "value") {
		return vals[0].appendJSON(b)
	}
	return appendJSONObject(b, vals)
}

func dumpMapJSON(w io.Writer, name, kind string, entries []decodedEntry) error {
	b := appendJSONString([]byte(`{"type":"map","name":`), name)
	b = appendJSONString(append(b, `,"kind":`...), kind)
	b = append(b, `,"entries":[`...)
	for i, e := range entries {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"key":`...)
		b = jsonValue(b, e.key)
		if e.perCPU != nil {
			b = append(b, `,"percpu":[`...)
			for c, v := range e.perCPU {
				if c > 0 {
					b = append(b, ',')
				}
				b = jsonValue(b, v)
			}
			b = append(b, `],"value":`...)
			b = jsonValue(b, e.total())
		} else {
			b = append(b, `,"value":`...)
			b = jsonValue(b, e.value)
		}
		b = append(b, '}')
	}
	_, err := fmt.Fprintf(w, "%s]}\n", b)
	return err
}

// lessFields orders decoded keys field by field: integers by value, text
// and bytes as strings.
func lessFields(a, b []FieldValue) bool {
	for i := range a {
		x, y := a[i], b[i]
		switch {
		case x.Kind == FieldInt && x.Signed:
			if x.S != y.S {
				return x.S < y.S
			}
		case x.Kind == FieldInt:
			if x.U != y.U {
				return x.U < y.U
			}
		default:
			if s, t := x.String(), y.String(); s != t {
				return s < t
			}
		}
	}
	return false
}

// dumpGlobals prints the .data and .bss globals by name; .rodata holds
// constants the programs cannot change, so it is left out.
func (l *Loaded) dumpGlobals(w io.Writer, asJSON bool) error {
	var names []string
	for name, v := range l.obj.spec.Variables {
		if strings.HasPrefix(v.SectionName, ".data") || strings.HasPrefix(v.SectionName, ".bss") {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	if len(names) == 0 {
		return nil
	}
	if !asJSON {
		fmt.Fprintln(w, "globals:")
	}
	for _, name := range names {
		raw, err := l.Global(name)
		if err != nil {
			return err
		}
		var lay *Layout
		if v := l.obj.spec.Variables[name]; v.Type != nil {
			lay, _ = layoutFromBTF(v.Type.Type, "value")
		}
		if lay == nil {
			lay = rawLayout("value", len(raw))
		}
		vals := lay.Decode(raw)
		if asJSON {
			b := appendJSONString([]byte(`{"type":"global","name":`), name)
			b = append(b, `,"value":`...)
			b = jsonValue(b, vals)
			fmt.Fprintf(w, "%s}\n", b)
			continue
		}
		text := FormatText(vals)
		if len(vals) == 1 && vals[0].Name == "value" {
			text = vals[0].String()
		}
		fmt.Fprintf(w, "  %s = %s\n", name, text)
	}
	return nil
}
