package loader

import "github.com/cilium/ebpf"

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
