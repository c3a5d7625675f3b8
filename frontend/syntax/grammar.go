package syntax

import plexer "github.com/alecthomas/participle/v2/lexer"

// This file is the participle grammar: a concrete syntax tree of ordinary
// Python 3.12. The shape is chosen so participle never needs more than two
// tokens of lookahead (see parse.go):
//
//   - Keywords are KEYWORD tokens, so `@NAME` never matches one; the soft
//     keyword `match` is turned into a KEYWORD by the lexer only on a line
//     that is a match statement, while `case`, `type` and `_` stay NAMEs
//     that the grammar matches by text where only they can appear.
//   - All binary, comparison, boolean and prefix operators are one flat
//     chain (cstChain); convert.go applies Python's precedence and
//     associativity. That keeps the CST shallow (one level, not fifteen),
//     which is most of the parser's speed.
//   - Where Python itself needs unbounded lookahead (a parenthesized `parser:"with"`
//     item list) a positive lookahead group does the probing.
//
// Every node that becomes an AST node carries its Tokens so convert.go can
// compute exact spans; token Pos.Offset is the token's index in the lexer's
// token slice (see parse.go), not a byte offset.

type cstModule struct {
	Stmts []*cstStatement `parser:"@@*"`
}

type cstStatement struct {
	Compound *cstCompound   `parser:"  @@"`
	Simple   *cstSimpleLine `parser:"| @@"`
}

// cstSimpleLine is `small; small; ...` ending a logical line.
type cstSimpleLine struct {
	Stmts []*cstSmall `parser:"@@ ( ';' @@ )* ';'? NEWLINE"`
}

// cstBlock is a suite: an indented block or the rest of the header line.
type cstBlock struct {
	Stmts  []*cstStatement `parser:"  NEWLINE INDENT @@+ DEDENT"`
	Inline *cstSimpleLine  `parser:"| @@"`
}

type cstCompound struct {
	If    *cstIf         `parser:"  @@"`
	While *cstWhile      `parser:"| @@"`
	For   *cstFor        `parser:"| @@"`
	Try   *cstTry        `parser:"| @@"`
	With  *cstWith       `parser:"| @@"`
	Def   *cstDefinition `parser:"| @@"`
	Match *cstMatch      `parser:"| @@"`
}

type cstIf struct {
	Tokens []plexer.Token
	Test   *cstNamedExpr `parser:"'if' @@"`
	Colon  plexer.Token  `parser:"@':'"`
	Body   *cstBlock     `parser:"@@"`
	Elifs  []*cstElif    `parser:"@@*"`
	Else   *cstBlock     `parser:"( 'else' ':' @@ )?"`
}

type cstElif struct {
	Tokens []plexer.Token
	Test   *cstNamedExpr `parser:"'elif' @@"`
	Colon  plexer.Token  `parser:"@':'"`
	Body   *cstBlock     `parser:"@@"`
}

type cstWhile struct {
	Tokens []plexer.Token
	Test   *cstNamedExpr `parser:"'while' @@"`
	Colon  plexer.Token  `parser:"@':'"`
	Body   *cstBlock     `parser:"@@"`
	Else   *cstBlock     `parser:"( 'else' ':' @@ )?"`
}

type cstFor struct {
	Tokens []plexer.Token
	Async  bool           `parser:"@'async'? 'for'"`
	Target *cstTargetList `parser:"@@ 'in'"`
	Iter   *cstExprList   `parser:"@@"`
	Colon  plexer.Token   `parser:"@':'"`
	Body   *cstBlock      `parser:"@@"`
	Else   *cstBlock      `parser:"( 'else' ':' @@ )?"`
}

type cstTry struct {
	Tokens   []plexer.Token
	Colon    plexer.Token `parser:"'try' @':'"`
	Body     *cstBlock    `parser:"@@"`
	Handlers []*cstExcept `parser:"@@*"`
	Else     *cstBlock    `parser:"( 'else' ':' @@ )?"`
	Finally  *cstBlock    `parser:"( 'finally' ':' @@ )?"`
}

type cstExcept struct {
	Tokens []plexer.Token
	Star   bool         `parser:"'except' @'*'?"`
	Type   *cstTest     `parser:"( @@"`
	Name   plexer.Token `parser:"  ( 'as' @NAME )? )?"`
	Colon  plexer.Token `parser:"@':'"`
	Body   *cstBlock    `parser:"@@"`
}

type cstWith struct {
	Tokens []plexer.Token
	Async  bool           `parser:"@'async'? 'with'"`
	Paren  []*cstWithItem `parser:"( (?= '(' @@ ( ',' @@ )* ','? ')' ':' ) '(' @@ ( ',' @@ )* ','? ')'"`
	Items  []*cstWithItem `parser:"| @@ ( ',' @@ )* )"`
	Colon  plexer.Token   `parser:"@':'"`
	Body   *cstBlock      `parser:"@@"`
}

type cstWithItem struct {
	Tokens []plexer.Token
	Expr   *cstTest     `parser:"@@"`
	Target *cstBitChain `parser:"( 'as' @@ )?"`
}

// cstDefinition is a function or class with its decorators.
type cstDefinition struct {
	Decorators []*cstDecorator `parser:"@@*"`
	Func       *cstFuncDef     `parser:"( @@"`
	Class      *cstClassDef    `parser:"| @@ )"`
}

type cstDecorator struct {
	Tokens []plexer.Token
	Expr   *cstNamedExpr `parser:"'@' @@ NEWLINE"`
}

type cstFuncDef struct {
	Tokens     []plexer.Token
	Async      bool           `parser:"@'async'? 'def'"`
	Name       plexer.Token   `parser:"@NAME"`
	TypeParams *cstTypeParams `parser:"@@?"`
	Params     []*cstParam    `parser:"'(' ( @@ ( ',' @@ )* ','? )? ')'"`
	Returns    *cstTest       `parser:"( '->' @@ )?"`
	Colon      plexer.Token   `parser:"@':'"`
	Body       *cstBlock      `parser:"@@"`
}

type cstClassDef struct {
	Tokens     []plexer.Token
	Name       plexer.Token   `parser:"'class' @NAME"`
	TypeParams *cstTypeParams `parser:"@@?"`
	Paren      bool           `parser:"( @'('"`
	Args       []*cstArg      `parser:"  ( @@ ( ',' @@ )* ','? )? ')' )?"`
	Colon      plexer.Token   `parser:"@':'"`
	Body       *cstBlock      `parser:"@@"`
}

type cstTypeParams struct {
	Params []*cstTypeParam `parser:"'[' @@ ( ',' @@ )* ','? ']'"`
}

type cstTypeParam struct {
	Tokens  []plexer.Token
	Star    string   `parser:"@( '*' | '**' )?"`
	Name    string   `parser:"@NAME"`
	Bound   *cstTest `parser:"( ':' @@ )?"`
	Default *cstTest `parser:"( '=' @@ )?"`
}

// cstParam is one item of a def parameter list, including the `/` and `parser:"*"`
// markers; convert.go assigns the kinds.
type cstParam struct {
	Tokens   []plexer.Token
	Slash    bool          `parser:"  @'/'"`
	StarStar *cstParamName `parser:"| '**' @@"`
	Star     bool          `parser:"| ( @'*'"`
	VarArg   *cstParamName `parser:"    @@? )"`
	Plain    *cstParamName `parser:"| @@"`
}

type cstParamName struct {
	Tokens  []plexer.Token
	Name    string       `parser:"@NAME"`
	Annot   *cstStarExpr `parser:"( ':' @@ )?"`
	Default *cstTest     `parser:"( '=' @@ )?"`
}

type cstLambda struct {
	Tokens []plexer.Token
	Params []*cstLambdaParam `parser:"'lambda' ( @@ ( ',' @@ )* ','? )? ':'"`
	Body   *cstTest          `parser:"@@"`
}

type cstLambdaParam struct {
	Tokens   []plexer.Token
	Slash    bool           `parser:"  @'/'"`
	StarStar *cstLambdaName `parser:"| '**' @@"`
	Star     bool           `parser:"| ( @'*'"`
	VarArg   *cstLambdaName `parser:"    @@? )"`
	Plain    *cstLambdaName `parser:"| @@"`
}

type cstLambdaName struct {
	Tokens  []plexer.Token
	Name    string   `parser:"@NAME"`
	Default *cstTest `parser:"( '=' @@ )?"`
}

// ------------------------------------------------------------ small stmts

type cstSmall struct {
	Tokens   []plexer.Token
	Pass     bool           `parser:"  @'pass'"`
	Break    bool           `parser:"| @'break'"`
	Continue bool           `parser:"| @'continue'"`
	Return   *cstReturn     `parser:"| @@"`
	Raise    *cstRaise      `parser:"| @@"`
	Global   *cstNames      `parser:"| 'global' @@"`
	Nonlocal *cstNames      `parser:"| 'nonlocal' @@"`
	Del      *cstTargetList `parser:"| 'del' @@"`
	Assert   *cstAssert     `parser:"| @@"`
	Import   *cstImport     `parser:"| @@"`
	From     *cstFrom       `parser:"| @@"`
	Type     *cstTypeAlias  `parser:"| @@"`
	Expr     *cstExprStmt   `parser:"| @@"`
}

type cstReturn struct {
	Value *cstExprList `parser:"'return' @@?"`
}

type cstRaise struct {
	Exc   *cstTest `parser:"'raise' ( @@"`
	Cause *cstTest `parser:"( 'from' @@ )? )?"`
}

// cstNames is the name list of `global` and `nonlocal`. Each name is its
// own node: participle captures a []lexer.Token by overwriting, not
// appending, so `global a, b` would keep only `b`.
type cstNames struct {
	Names []*cstNameTok `parser:"@@ ( ',' @@ )*"`
}

type cstNameTok struct {
	Tok plexer.Token `parser:"@NAME"`
}

type cstAssert struct {
	Test *cstTest `parser:"'assert' @@"`
	Msg  *cstTest `parser:"( ',' @@ )?"`
}

type cstImport struct {
	Names []*cstDottedAs `parser:"'import' @@ ( ',' @@ )*"`
}

type cstDottedAs struct {
	Tokens []plexer.Token
	Name   string `parser:"@NAME ( @'.' @NAME )*"`
	As     string `parser:"( 'as' @NAME )?"`
}

type cstFrom struct {
	Dots   []string     `parser:"'from' @( '.' | '...' )*"`
	Module string       `parser:"( @NAME ( @'.' @NAME )* )?"`
	Star   bool         `parser:"'import' ( @'*'"`
	Paren  []*cstNameAs `parser:"  | '(' @@ ( ',' @@ )* ','? ')'"`
	Names  []*cstNameAs `parser:"  | @@ ( ',' @@ )* )"`
}

type cstNameAs struct {
	Tokens []plexer.Token
	Name   string `parser:"@NAME"`
	As     string `parser:"( 'as' @NAME )?"`
}

type cstTypeAlias struct {
	Tokens     []plexer.Token
	Name       string         `parser:"'type' @NAME"`
	TypeParams *cstTypeParams `parser:"@@?"`
	Value      *cstTest       `parser:"'=' @@"`
}

// cstExprStmt covers expression statements and every assignment form; the
// left side is parsed once and the operator decides what it was.
type cstExprStmt struct {
	Tokens  []plexer.Token
	Yield   *cstYield    `parser:"( @@"`
	Target  *cstExprList `parser:"| @@ )"`
	Aug     *cstAug      `parser:"( @@"`
	Ann     *cstAnn      `parser:"| @@"`
	Assigns []*cstAssign `parser:"| @@+ )?"`
}

type cstAssign struct {
	Value *cstRHS `parser:"'=' @@"`
}

type cstAug struct {
	Op    plexer.Token `parser:"@( '+=' | '-=' | '*=' | '/=' | '//=' | '%=' | '**=' | '>>=' | '<<=' | '&=' | '|=' | '^=' | '@=' )"`
	Value *cstRHS      `parser:"@@"`
}

type cstAnn struct {
	Annot *cstTest `parser:"':' @@"`
	Value *cstRHS  `parser:"( '=' @@ )?"`
}

// cstRHS is the right-hand side of an assignment: a yield or an expression
// list.
type cstRHS struct {
	Yield *cstYield    `parser:"( @@"`
	Value *cstExprList `parser:"| @@ )"`
}

type cstYield struct {
	Tokens []plexer.Token
	From   *cstTest     `parser:"'yield' ( 'from' @@"`
	Value  *cstExprList `parser:"| @@ )?"`
}

// ------------------------------------------------------------ expressions

// cstExprList is a comma list of (star) expressions that may instead be
// followed by a comprehension; with a comma it is a tuple.
type cstExprList struct {
	Tokens []plexer.Token
	First  *cstStarExpr   `parser:"@@"`
	Comp   *cstCompFor    `parser:"( @@"`
	Rest   []*cstStarExpr `parser:"| ( ',' @@ )+"`
	Comma  bool           `parser:"  @','? | @',' )?"`
}

// cstTargetList is a for/del/comprehension target list: no comparisons at
// the top level, so `for x in y` stops before `in`.
type cstTargetList struct {
	Tokens []plexer.Token
	Items  []*cstBitChain `parser:"@@ ( ',' @@ )*"`
	Comma  bool           `parser:"@','?"`
}

type cstStarExpr struct {
	Tokens []plexer.Token
	Star   *cstBitChain  `parser:"  '*' @@"`
	Named  *cstNamedExpr `parser:"| @@"`
}

type cstNamedExpr struct {
	Tokens []plexer.Token
	Name   plexer.Token `parser:"( @NAME ':=' )?"`
	Value  *cstTest     `parser:"@@"`
}

type cstTest struct {
	Tokens []plexer.Token
	Lambda *cstLambda `parser:"  @@"`
	Body   *cstChain  `parser:"| @@"`
	Cond   *cstChain  `parser:"  ( 'if' @@"`
	Else   *cstTest   `parser:"    'else' @@ )?"`
}

// cstChain is `operand (op operand)*` over every operator from `or` to
// `**`; precedence is applied in convert.go.
type cstChain struct {
	First *cstOperand  `parser:"@@"`
	Rest  []*cstOpTail `parser:"@@*"`
}

type cstOpTail struct {
	Op      *cstOp      `parser:"@@"`
	Operand *cstOperand `parser:"@@"`
}

type cstOp struct {
	Tokens []plexer.Token
	Op     string `parser:"@( 'or' | 'and' | '==' | '!=' | '<=' | '>=' | '<' | '>' | 'in' | 'not' 'in' | 'is' 'not'? | '|' | '^' | '&' | '<<' | '>>' | '+' | '-' | '*' | '/' | '//' | '%' | '@' | '**' )"`
}

type cstOperand struct {
	Prefix  []*cstPrefix `parser:"@@*"`
	Await   plexer.Token `parser:"@'await'?"`
	Primary *cstPrimary  `parser:"@@"`
}

type cstPrefix struct {
	Tokens []plexer.Token
	Op     string `parser:"@( 'not' | '-' | '+' | '~' )"`
}

// cstBitChain is a chain restricted to bitwise and arithmetic operators
// (Python's bitwise_or): star operands and assignment targets.
type cstBitChain struct {
	First *cstBitOperand `parser:"@@"`
	Rest  []*cstBitTail  `parser:"@@*"`
}

type cstBitTail struct {
	Op      *cstBitOp      `parser:"@@"`
	Operand *cstBitOperand `parser:"@@"`
}

type cstBitOp struct {
	Tokens []plexer.Token
	Op     string `parser:"@( '|' | '^' | '&' | '<<' | '>>' | '+' | '-' | '*' | '/' | '//' | '%' | '@' | '**' )"`
}

type cstBitOperand struct {
	Prefix  []*cstBitPrefix `parser:"@@*"`
	Await   plexer.Token    `parser:"@'await'?"`
	Primary *cstPrimary     `parser:"@@"`
}

type cstBitPrefix struct {
	Tokens []plexer.Token
	Op     string `parser:"@( '-' | '+' | '~' )"`
}

type cstPrimary struct {
	Atom     *cstAtom      `parser:"@@"`
	Trailers []*cstTrailer `parser:"@@*"`
}

type cstTrailer struct {
	Tokens []plexer.Token
	Attr   plexer.Token `parser:"  '.' @NAME"`
	Call   bool         `parser:"| ( @'('"`
	Args   []*cstArg    `parser:"    ( @@ ( ',' @@ )* ','? )? ')' )"`
	Index  []*cstSlice  `parser:"| '[' @@ ( ',' @@ )*"`
	Comma  bool         `parser:"  @','? ']'"`
}

type cstArg struct {
	Tokens  []plexer.Token
	Kwargs  *cstTest      `parser:"  '**' @@"`
	Star    *cstTest      `parser:"| '*' @@"`
	Keyword string        `parser:"| @NAME '='"`
	KwValue *cstTest      `parser:"  @@"`
	Value   *cstNamedExpr `parser:"| @@"`
	Comp    *cstCompFor   `parser:"  @@?"`
}

type cstSlice struct {
	Tokens []plexer.Token
	Star   *cstBitChain  `parser:"  '*' @@"`
	Lower  *cstNamedExpr `parser:"| ( @@?"`
	Colon1 bool          `parser:"    ( @':'"`
	Upper  *cstTest      `parser:"      @@?"`
	Colon2 bool          `parser:"      ( @':'"`
	Step   *cstTest      `parser:"        @@? )? )? )!"`
}

type cstAtom struct {
	Tokens []plexer.Token
	Name   string       `parser:"  @NAME"`
	Number string       `parser:"| @NUMBER"`
	Strs   []string     `parser:"| @( STRING | FSTRING )+"`
	Const  string       `parser:"| @( 'None' | 'True' | 'False' | '...' )"`
	Paren  *cstParen    `parser:"| @@"`
	List   *cstListDisp `parser:"| @@"`
	Dict   *cstDictDisp `parser:"| @@"`
}

type cstParen struct {
	Open  bool         `parser:"@'('"`
	Yield *cstYield    `parser:"( @@"`
	Items *cstExprList `parser:"| @@ )? ')'"`
}

type cstListDisp struct {
	Open  bool         `parser:"@'['"`
	Items *cstExprList `parser:"@@? ']'"`
}

type cstDictDisp struct {
	First *cstDictItem   `parser:"'{' ( @@"`
	Comp  *cstCompFor    `parser:"  ( @@"`
	Rest  []*cstDictItem `parser:"  | ( ',' @@ )+"`
	Comma bool           `parser:"    @','? | @',' )? )? '}'"`
}

type cstDictItem struct {
	Tokens []plexer.Token
	Unpack *cstBitChain `parser:"  '**' @@"`
	Key    *cstStarExpr `parser:"| @@"`
	Value  *cstTest     `parser:"  ( ':' @@ )?"`
}

type cstCompFor struct {
	Tokens  []plexer.Token
	Clauses []*cstCompClause `parser:"@@+"`
}

type cstCompClause struct {
	Async  bool           `parser:"( @'async'? 'for'"`
	Target *cstTargetList `parser:"  @@ 'in'"`
	Iter   *cstChain      `parser:"  @@"`
	Cond   *cstChain      `parser:"| 'if' @@ )"`
}
