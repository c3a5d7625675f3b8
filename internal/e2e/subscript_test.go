package e2e

import (
	"regexp"
	"testing"

	"github.com/pybpfc/pybpfc/internal/driver"
)

// C-93: ctx.args[1] on struct_trace_event_raw_sys_enter is one direct
// 8-byte context load at offset 24, and ctx.args[-1] one at offset 56:
// the kernel allows context loads only at constant offsets from the
// unmodified context pointer.
func TestContextArrayElementIsOneLoad(t *testing.T) {
	text := objdump(t, buildProgram(t, "kernel_subscripts.py", driver.Options{}).Object)
	for _, w := range []string{`r\d = \*\(u64 \*\)\(r1 \+ 0x18\)`, `r\d = \*\(u64 \*\)\(r1 \+ 0x38\)`} {
		if !regexp.MustCompile(w).MatchString(text) {
			t.Errorf("no match for %s in\n%s", w, text)
		}
	}
}
