package syntax

import plexer "github.com/alecthomas/participle/v2/lexer"

// The match statement (PEP 634). `match` arrives as a KEYWORD only on a
// line the lexer recognised as a match statement; `case` stays a NAME.

type cstMatch struct {
	Tokens  []plexer.Token
	Subject *cstExprList `parser:"'match':KEYWORD @@"`
	Colon   plexer.Token `parser:"@':' NEWLINE INDENT"`
	Cases   []*cstCase   `parser:"@@+ DEDENT"`
}

type cstCase struct {
	Tokens   []plexer.Token
	Patterns []*cstPattern `parser:"'case' @@ ( ',' @@ )* ','?"`
	Guard    *cstNamedExpr `parser:"( 'if' @@ )?"`
	Colon    plexer.Token  `parser:"@':'"`
	Body     *cstBlock     `parser:"@@"`
}

// cstPattern is an or-pattern with an optional `as` capture. Patterns are
// validated by the grammar only; the AST keeps the case bodies and guards.
type cstPattern struct {
	Alts []*cstClosedPattern `parser:"@@ ( '|' @@ )*"`
	As   string              `parser:"( 'as' @NAME )?"`
}

type cstClosedPattern struct {
	Star    string           `parser:"  '*' @NAME"`
	Group   *cstPatternGroup `parser:"| @@"`
	List    *cstPatternList  `parser:"| @@"`
	Mapping *cstMapPattern   `parser:"| @@"`
	Number  *cstNumPattern   `parser:"| @@"`
	Strs    []string         `parser:"| @( STRING | FSTRING )+"`
	Const   string           `parser:"| @( 'None' | 'True' | 'False' )"`
	Dotted  []string         `parser:"| @NAME ( '.' @NAME )*"`
	Class   *cstClassArgs    `parser:"  @@?"`
}

type cstPatternGroup struct {
	Items []*cstPattern `parser:"'(' ( @@ ( ',' @@ )* ','? )? ')'"`
}

type cstPatternList struct {
	Items []*cstPattern `parser:"'[' ( @@ ( ',' @@ )* ','? )? ']'"`
}

type cstMapPattern struct {
	Items []*cstMapPatternItem `parser:"'{' ( @@ ( ',' @@ )* ','? )? '}'"`
}

type cstMapPatternItem struct {
	Rest  string            `parser:"  '**' @NAME"`
	Key   *cstClosedPattern `parser:"| @@ ':'"`
	Value *cstPattern       `parser:"  @@"`
}

type cstNumPattern struct {
	Neg  bool   `parser:"@'-'?"`
	Num  string `parser:"@NUMBER"`
	Imag string `parser:"( @( '+' | '-' ) @NUMBER )?"`
}

type cstClassArgs struct {
	Args []*cstClassArg `parser:"'(' ( @@ ( ',' @@ )* ','? )? ')'"`
}

type cstClassArg struct {
	Keyword string      `parser:"( @NAME '=' )?"`
	Pattern *cstPattern `parser:"@@"`
}
