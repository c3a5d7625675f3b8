package passes

import (
	"sort"
	"strings"

	"github.com/pybpfc/pybpfc/internal/diag"
	"github.com/pybpfc/pybpfc/ssa"
)

// stackLimit is the kernel's BPF stack size.
const stackLimit = 512

// checkStack turns "combined stack size exceeds 512 bytes" from a verifier
// (or clang) rejection into a compile error at the program, with notes
// naming the largest locals (LANGUAGE.md 7.4). It counts the stack slots
// the IR still has after dead-slot removal; register spills LLVM adds are
// left to clang, which reports them itself.
func checkStack(f *ssa.Func, c *Context) {
	type slot struct {
		name string
		size int64
		pos  diag.Pos
	}
	var slots []slot
	var total int64
	for _, b := range f.Blocks {
		for _, v := range b.Values {
			if v.Op == ssa.OpAlloca {
				slots = append(slots, slot{v.Aux, v.AuxInt, v.Pos})
				total += v.AuxInt
			}
		}
	}
	if total <= stackLimit {
		checkChainStack(f, c)
		return
	}
	what := "program"
	if f.Section == "" {
		what = "function"
	}
	d := c.Diags.Errorf(diag.At(f.Pos), "%s '%s' needs %d bytes of stack; the limit is %d", what, f.Name, total, stackLimit)
	sort.SliceStable(slots, func(i, j int) bool { return slots[i].size > slots[j].size })
	for i, s := range slots {
		if i == 3 {
			break
		}
		name := "'" + s.name + "'"
		if strings.HasPrefix(s.name, "tmp") {
			name = "a temporary for a helper argument"
		}
		d.Note(diag.At(s.pos), "%s takes %d bytes", name, s.size)
	}
	d.Hint("keep large structs in a per-CPU array map used as scratch space")
}
