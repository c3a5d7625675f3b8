package syntax

import (
	"math/big"

	"github.com/pybpfc/pybpfc/internal/diag"
)

// This file is the contract between the parser (lexer.go, grammar.go,
// convert.go) and everything after it. It mirrors Python's own `ast`
// module closely enough that a reader who knows one knows the other, but
// folds the constructs BPF code never compiles (try, with, match, lambda,
// comprehensions, ...) into OtherStmt/OtherExpr nodes that keep their
// children, so checks such as "@bpf must be at module level" can still
// walk into them.

// Node is any AST node.
type Node interface {
	Span() diag.Span
}

// Module is one parsed source file.
type Module struct {
	Body []Stmt
}

// ---------------------------------------------------------------- statements

type Stmt interface {
	Node
	stmt()
}

// FunctionDef is `def` or `async def`. Span covers the `def` line (from the
// `def`/`async` keyword, not the decorators); NameSpan is the name alone.
type FunctionDef struct {
	Sp         diag.Span
	NameSpan   diag.Span
	Name       string
	Decorators []Expr // each decorator expression, in source order (top first)
	TypeParams []Expr // `def f[T](...)`: names, kept only for completeness
	Params     []*Param
	Returns    Expr // nil when there is no annotation
	Body       []Stmt
	IsAsync    bool
}

// ParamKind says where a parameter sits in the signature.
type ParamKind int

const (
	ParamNormal    ParamKind = iota // plain, positional-or-keyword
	ParamPosOnly                    // before `/`
	ParamVarArgs                    // *args
	ParamKwOnly                     // after `*` or *args
	ParamVarKwargs                  // **kwargs
)

type Param struct {
	Sp         diag.Span
	Name       string
	Kind       ParamKind
	Annotation Expr // nil if none
	Default    Expr // nil if none
}

// ClassDef is a class. Span covers the `class` keyword line.
type ClassDef struct {
	Sp         diag.Span
	NameSpan   diag.Span
	Name       string
	Decorators []Expr
	TypeParams []Expr
	Bases      []Expr     // positional bases
	Keywords   []*Keyword // metaclass=..., etc.
	Body       []Stmt
}

type Return struct {
	Sp    diag.Span
	Value Expr // nil for bare `return`
}

// Assign is `t1 = t2 = value`; Targets holds t1, t2 in source order.
type Assign struct {
	Sp      diag.Span
	Targets []Expr
	Value   Expr
}

// AugAssign is `target op= value`; Op is the binary operator without `=`
// ("+", "<<", "//", ...).
type AugAssign struct {
	Sp     diag.Span
	Target Expr
	Op     string
	OpSpan diag.Span
	Value  Expr
}

// AnnAssign is `target: annotation [= value]`.
type AnnAssign struct {
	Sp         diag.Span
	Target     Expr
	Annotation Expr
	Value      Expr // nil if absent
}

type For struct {
	Sp      diag.Span
	Target  Expr
	Iter    Expr
	Body    []Stmt
	Else    []Stmt
	IsAsync bool
}

type While struct {
	Sp   diag.Span
	Test Expr
	Body []Stmt
	Else []Stmt
}

// If is `if`; an `elif` chain is represented as an If whose Else holds a
// single nested If (with IsElif set), exactly as Python's ast does.
type If struct {
	Sp     diag.Span
	Test   Expr
	Body   []Stmt
	Else   []Stmt
	IsElif bool
}

// Import is `import a.b as c, d`.
type Import struct {
	Sp    diag.Span
	Names []*Alias
}

// ImportFrom is `from ..mod import a as b, c` (Names is nil for `*`, with
// Star set).
type ImportFrom struct {
	Sp     diag.Span
	Module string // dotted name without the leading dots
	Level  int    // number of leading dots
	Names  []*Alias
	Star   bool
}

type Alias struct {
	Sp     diag.Span
	Name   string // dotted for `import`, simple for `from`
	AsName string // "" when there is no `as`
}

type Global struct {
	Sp    diag.Span
	Names []string
	Spans []diag.Span // one per name
}

type ExprStmt struct {
	Sp    diag.Span
	Value Expr
}

type Pass struct{ Sp diag.Span }
type Break struct{ Sp diag.Span }
type Continue struct{ Sp diag.Span }

// OtherStmt is a statement BPF code never compiles. Kind is its leading
// keyword(s): "try", "with", "async with", "match", "raise", "assert",
// "del", "nonlocal", "type". Bodies are its nested statement blocks (try
// body, handlers, else, finally; with body; each match case), and Exprs are
// its direct expressions (del targets, raise/assert operands, with items,
// match subject) so checks can still look inside.
type OtherStmt struct {
	Sp     diag.Span
	Kind   string
	Bodies [][]Stmt
	Exprs  []Expr
}

func (n *FunctionDef) Span() diag.Span { return n.Sp }
func (n *ClassDef) Span() diag.Span    { return n.Sp }
func (n *Return) Span() diag.Span      { return n.Sp }
func (n *Assign) Span() diag.Span      { return n.Sp }
func (n *AugAssign) Span() diag.Span   { return n.Sp }
func (n *AnnAssign) Span() diag.Span   { return n.Sp }
func (n *For) Span() diag.Span         { return n.Sp }
func (n *While) Span() diag.Span       { return n.Sp }
func (n *If) Span() diag.Span          { return n.Sp }
func (n *Import) Span() diag.Span      { return n.Sp }
func (n *ImportFrom) Span() diag.Span  { return n.Sp }
func (n *Global) Span() diag.Span      { return n.Sp }
func (n *ExprStmt) Span() diag.Span    { return n.Sp }
func (n *Pass) Span() diag.Span        { return n.Sp }
func (n *Break) Span() diag.Span       { return n.Sp }
func (n *Continue) Span() diag.Span    { return n.Sp }
func (n *OtherStmt) Span() diag.Span   { return n.Sp }
func (n *Alias) Span() diag.Span       { return n.Sp }
func (n *Param) Span() diag.Span       { return n.Sp }

func (*FunctionDef) stmt() {}
func (*ClassDef) stmt()    {}
func (*Return) stmt()      {}
func (*Assign) stmt()      {}
func (*AugAssign) stmt()   {}
func (*AnnAssign) stmt()   {}
func (*For) stmt()         {}
func (*While) stmt()       {}
func (*If) stmt()          {}
func (*Import) stmt()      {}
func (*ImportFrom) stmt()  {}
func (*Global) stmt()      {}
func (*ExprStmt) stmt()    {}
func (*Pass) stmt()        {}
func (*Break) stmt()       {}
func (*Continue) stmt()    {}
func (*OtherStmt) stmt()   {}

// --------------------------------------------------------------- expressions

type Expr interface {
	Node
	expr()
}

type Name struct {
	Sp diag.Span
	Id string
}

// Int is an integer literal of any base; Value is exact (never negative).
type Int struct {
	Sp    diag.Span
	Text  string // as written, e.g. "0xFFFF_FFFF"
	Value *big.Int
}

// Float covers float and imaginary literals (`1.5`, `2j`); BPF code rejects
// both, so only the text is kept.
type Float struct {
	Sp   diag.Span
	Text string
}

// Str is a (possibly implicitly concatenated) string or bytes literal, with
// escapes already decoded. It never contains f-string parts; an implicit
// concatenation that includes an f-string is an FString.
type Str struct {
	Sp      diag.Span
	Value   string
	IsBytes bool
}

// FString is an f-string (or a concatenation containing one). Parts are
// literal text (with `{{`/`}}` already collapsed and escapes decoded) and
// replacement fields in order.
type FString struct {
	Sp    diag.Span
	Parts []FStringPart
}

// FStringPart is either literal text (Expr == nil) or a replacement field
// `{Expr!Conv:Spec}`; Debug is set for `{x=}`, whose DebugText is the
// literal "x=" (with the spaces as written) that Python prints before it.
type FStringPart struct {
	Lit       string
	Expr      Expr
	Conv      string // "", "r", "s" or "a"
	Spec      string // format spec text after ':' ("" if none); nested fields are kept as text
	Debug     bool
	DebugText string
	Sp        diag.Span // the replacement field including braces, or the literal text
}

// Constant is True, False, None or `...`.
type Constant struct {
	Sp    diag.Span
	Value string // "True", "False", "None", "..."
}

// BinOp: Op is one of + - * / // % ** @ << >> & | ^
type BinOp struct {
	Sp     diag.Span
	Op     string
	OpSpan diag.Span
	X, Y   Expr
}

// UnaryOp: Op is one of "-", "+", "~", "not".
type UnaryOp struct {
	Sp diag.Span
	Op string
	X  Expr
}

// BoolOp: Op is "and" or "or"; Values has at least two operands
// (`a or b or c` is one BoolOp of three).
type BoolOp struct {
	Sp     diag.Span
	Op     string
	Values []Expr
}

// Compare is a comparison chain `Left Ops[0] Comparators[0] Ops[1] ...`.
// Ops are "==", "!=", "<", "<=", ">", ">=", "is", "is not", "in", "not in".
type Compare struct {
	Sp          diag.Span
	Left        Expr
	Ops         []string
	OpSpans     []diag.Span
	Comparators []Expr
}

// Call: positional Args may contain *Starred; Keywords with Name "" are
// `**kwargs`.
type Call struct {
	Sp       diag.Span
	Func     Expr
	Args     []Expr
	Keywords []*Keyword
}

type Keyword struct {
	Sp    diag.Span
	Name  string // "" for **expr
	Value Expr
}

// Attribute is `X.Name`; NameSpan covers the attribute name.
type Attribute struct {
	Sp       diag.Span
	X        Expr
	Name     string
	NameSpan diag.Span
}

// Subscript is `X[Index]`; a slice index is a *Slice, several indices a
// *Tuple.
type Subscript struct {
	Sp    diag.Span
	X     Expr
	Index Expr
}

type Slice struct {
	Sp                 diag.Span
	Lower, Upper, Step Expr // each may be nil
}

// IfExp is `Body if Test else Else`.
type IfExp struct {
	Sp               diag.Span
	Test, Body, Else Expr
}

// Tuple is a tuple display, with or without parentheses (`a, b = b, a`).
type Tuple struct {
	Sp    diag.Span
	Elts  []Expr
	Paren bool
}

type Starred struct {
	Sp diag.Span
	X  Expr
}

// OtherExpr is an expression BPF code never compiles. Kind names it for
// messages: "list", "set", "dict", "list comprehension", "set
// comprehension", "dict comprehension", "generator expression", "lambda",
// "await", "yield", ":=" (named expression). Children are its direct
// sub-expressions.
type OtherExpr struct {
	Sp       diag.Span
	Kind     string
	Children []Expr
}

func (n *Name) Span() diag.Span      { return n.Sp }
func (n *Int) Span() diag.Span       { return n.Sp }
func (n *Float) Span() diag.Span     { return n.Sp }
func (n *Str) Span() diag.Span       { return n.Sp }
func (n *FString) Span() diag.Span   { return n.Sp }
func (n *Constant) Span() diag.Span  { return n.Sp }
func (n *BinOp) Span() diag.Span     { return n.Sp }
func (n *UnaryOp) Span() diag.Span   { return n.Sp }
func (n *BoolOp) Span() diag.Span    { return n.Sp }
func (n *Compare) Span() diag.Span   { return n.Sp }
func (n *Call) Span() diag.Span      { return n.Sp }
func (n *Keyword) Span() diag.Span   { return n.Sp }
func (n *Attribute) Span() diag.Span { return n.Sp }
func (n *Subscript) Span() diag.Span { return n.Sp }
func (n *Slice) Span() diag.Span     { return n.Sp }
func (n *IfExp) Span() diag.Span     { return n.Sp }
func (n *Tuple) Span() diag.Span     { return n.Sp }
func (n *Starred) Span() diag.Span   { return n.Sp }
func (n *OtherExpr) Span() diag.Span { return n.Sp }

func (*Name) expr()      {}
func (*Int) expr()       {}
func (*Float) expr()     {}
func (*Str) expr()       {}
func (*FString) expr()   {}
func (*Constant) expr()  {}
func (*BinOp) expr()     {}
func (*UnaryOp) expr()   {}
func (*BoolOp) expr()    {}
func (*Compare) expr()   {}
func (*Call) expr()      {}
func (*Attribute) expr() {}
func (*Subscript) expr() {}
func (*Slice) expr()     {}
func (*IfExp) expr()     {}
func (*Tuple) expr()     {}
func (*Starred) expr()   {}
func (*OtherExpr) expr() {}

// ControlBodies returns the nested statement blocks of the compound
// statements BPF code compiles (if, for, while: body then else), nil for
// any other statement, so walkers over function bodies need not repeat
// the three cases.
func ControlBodies(s Stmt) [][]Stmt {
	switch s := s.(type) {
	case *If:
		return [][]Stmt{s.Body, s.Else}
	case *For:
		return [][]Stmt{s.Body, s.Else}
	case *While:
		return [][]Stmt{s.Body, s.Else}
	}
	return nil
}
