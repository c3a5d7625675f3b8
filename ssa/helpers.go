package ssa

// HelperOnlyReadsArgs reports whether kernel helper id only reads the
// memory its pointer arguments point to and keeps no pointer to it. The
// backend tells LLVM (readonly nocapture) and passes use it to keep stack
// values across such calls.
func HelperOnlyReadsArgs(id int64) bool {
	switch id {
	case 1, // map_lookup_elem
		2,   // map_update_elem
		3,   // map_delete_elem
		6,   // trace_printk
		25,  // perf_event_output
		130, // ringbuf_output
		177: // trace_vprintk
		return true
	}
	return false
}
