package frontend

import (
	"github.com/pybpfc/pybpfc/frontend/syntax"
)

// Helpers that take buffers or pointers (LANGUAGE.md 6.2: comm, the
// probe_read family, get_stack, skb_store_bytes, deref) and the ring
// buffer / perf event methods (5.4). The core helpers without arguments
// are in call.go.

// bufferHelper lowers a call to one of the helpers listed in
// knownButNotYet (call.go).
func (f *fn) bufferHelper(name string, e *syntax.Call, stmt bool) operand {
	return f.notYet(e.Func.Span(), "the helper "+name+"()")
}

// streamMethod lowers output/reserve/submit/discard on PerfEventArray and
// RingBuffer maps (LANGUAGE.md 5.4).
func (f *fn) streamMethod(m *mapDecl, at *syntax.Attribute, e *syntax.Call, stmt bool) operand {
	return f.notYet(e.Sp, "the map method "+at.Name+"()")
}
