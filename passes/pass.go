package passes

import (
	"errors"
	"fmt"
	"io"

	"github.com/pybpfc/pybpfc/internal/diag"
	"github.com/pybpfc/pybpfc/ssa"
)

// Pass is one transformation or check of a function.
type Pass struct {
	Name     string                        // used by --print-after, --disable-pass, dumps
	Fn       func(f *ssa.Func, c *Context) // mutates f; reports user errors to c.Diags
	Required bool                          // runs at -O0 too (legality, verifier-aware checks)
}

// Context is what a pass may see besides its function: where user errors go,
// and the driver's options.
type Context struct {
	Diags *diag.List // user errors (verifier-aware passes add them); Run allocates one if nil

	// PrintAfter is a pass name or "all": print the function after that
	// pass, only when it changed.
	PrintAfter string
	Disabled   map[string]bool // passes not to run, by name
	TimePasses bool            // print a table of time per pass to Out
	NoCheck    bool            // -d=ssa/check/off: skip ssa.Check between passes
	Out        io.Writer       // where prints and timings go; os.Stderr if nil
}

// ErrDiagnostics is returned (wrapped) by Run when it stopped because a pass
// reported user errors; they are in Context.Diags.
var ErrDiagnostics = errors.New("the program has errors")

// InternalError is a compiler bug caught by the driver: a pass panicked or
// left IR that ssa.Check rejects.
type InternalError struct {
	Pass, Func string
	Msg        string
	Detail     string // the panic's stack, or the function as the pass left it
	Err        error  // the ssa.Check error, if that is what caught it
}

func (e *InternalError) Error() string {
	return fmt.Sprintf("internal error in pass %s on function %s: %s", e.Pass, e.Func, e.Msg)
}

func (e *InternalError) Unwrap() error { return e.Err }
