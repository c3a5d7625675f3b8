package main

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/pybpfc/pybpfc/loader"
	"github.com/pybpfc/pybpfc/ssa"
)

// parseRunFlags takes run's own flags out of args, wherever they are, and
// returns the rest for parseCompileFlags, so that build, check and run
// share one definition of the compile flags.
func parseRunFlags(args []string, stderr io.Writer) (*runFlags, []string, bool) {
	rf := &runFlags{}
	var rest []string
	usageErr := func(format string, a ...any) (*runFlags, []string, bool) {
		fmt.Fprintf(stderr, "pybpfc: error: "+format+"\n", a...)
		fmt.Fprint(stderr, runUsage)
		return nil, nil, false
	}
	for i := 0; i < len(args); i++ {
		a := args[i]
		name, val, hasVal := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if !strings.HasPrefix(a, "-") || a == "-" || a == "--" {
			rest = append(rest, a)
			continue
		}
		switch name {
		case "duration", "c", "iface", "cgroup", "f", "format":
		default:
			rest = append(rest, a)
			continue
		}
		if !hasVal {
			if i+1 >= len(args) {
				return usageErr("flag %s needs a value", a)
			}
			i++
			val = args[i]
		}
		switch name {
		case "duration":
			d, err := parseDuration(val)
			if err != nil {
				return usageErr("--duration %q: want a duration such as 10s, 2m or 5 (seconds)", val)
			}
			rf.duration = d
		case "c":
			words, err := splitCommand(val)
			if err != nil {
				return usageErr("%v", err)
			}
			if len(words) == 0 {
				return usageErr("-c needs a command")
			}
			rf.command = words
		case "iface":
			rf.iface = val
		case "cgroup":
			rf.cgroup = val
		case "f", "format":
			switch val {
			case "text":
				rf.json = false
			case "json":
				rf.json = true
			default:
				return usageErr("unknown output format %q; use text or json", val)
			}
		}
	}
	return rf, rest, true
}

func parseDuration(s string) (time.Duration, error) {
	if secs, err := strconv.ParseFloat(s, 64); err == nil && secs > 0 {
		return time.Duration(secs * float64(time.Second)), nil
	}
	d, err := time.ParseDuration(s)
	if err == nil && d <= 0 {
		err = fmt.Errorf("not positive")
	}
	return d, err
}

// Helper ids of the two print() helpers (LANGUAGE.md 6.3.6).
const (
	helperTracePrintk  = 6
	helperTraceVprintk = 177
)

// printFormats collects the format strings of the module's print() calls,
// sorted and without repeats. known is false when some call's format is
// not a constant string, so that the trace filter cannot be complete.
func printFormats(m *ssa.Module) (formats []string, known bool) {
	known = true
	seen := map[string]bool{}
	for _, f := range m.Funcs {
		for _, b := range f.Blocks {
			for _, v := range b.Values {
				if v.Op != ssa.OpCall || v.AuxInt != helperTracePrintk && v.AuxInt != helperTraceVprintk {
					continue
				}
				if len(v.Args) == 0 || v.Args[0].Op != ssa.OpString {
					known = false
					continue
				}
				if s := v.Args[0].Aux; !seen[s] {
					seen[s] = true
					formats = append(formats, s)
				}
			}
		}
	}
	return formats, known
}

// recordLayouts describes, per ring buffer or perf event array, the struct
// its records carry, for the loader's decoder (which does not import ssa).
func recordLayouts(m *ssa.Module) map[string]*loader.Layout {
	out := map[string]*loader.Layout{}
	for _, mp := range m.Maps {
		if mp.Record == nil || mp.Kind != ssa.MapRingbuf && mp.Kind != ssa.MapPerfEventArray {
			continue
		}
		out[mp.Name] = layoutOf(mp.Record)
	}
	return out
}

// layoutOf flattens a type into a loader.Layout: nested structs become
// dotted field names, str(N) becomes text, integer arrays lists.
func layoutOf(t *ssa.Type) *loader.Layout {
	lay := &loader.Layout{Name: t.Name, Size: t.Size()}
	if t.Kind != ssa.KStruct {
		lay.Fields = []loader.Field{fieldOf("value", t, 0)}
		return lay
	}
	var add func(t *ssa.Type, prefix string, base int)
	add = func(t *ssa.Type, prefix string, base int) {
		for _, f := range t.Fields {
			if f.Type.Kind == ssa.KStruct {
				add(f.Type, prefix+f.Name+".", base+f.Offset)
				continue
			}
			lay.Fields = append(lay.Fields, fieldOf(prefix+f.Name, f.Type, base+f.Offset))
		}
	}
	add(t, "", 0)
	return lay
}

func fieldOf(name string, t *ssa.Type, off int) loader.Field {
	f := loader.Field{Name: name, Offset: off, Size: t.Size(), Kind: loader.FieldBytes}
	switch t.Kind {
	case ssa.KInt:
		f.Kind, f.Signed = loader.FieldInt, t.Signed
	case ssa.KBool, ssa.KPtr:
		f.Kind = loader.FieldInt
	case ssa.KArray:
		if t.Elem.Kind == ssa.KInt && t.Len > 0 {
			if t.Elem.CName == "char" {
				f.Kind = loader.FieldText
			} else {
				f.Kind, f.Signed, f.Count = loader.FieldInts, t.Elem.Signed, t.Len
			}
		}
	}
	return f
}
