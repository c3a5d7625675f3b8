// Package syntax turns a Python source file into the AST of ast.go.
//
// It is shaped as three stages because each is easiest to get right on its
// own:
//
//  1. lexer.go is hand-written because Python's layout is not regular:
//     indentation becomes INDENT/DEDENT tokens, newlines inside brackets and
//     after a backslash disappear, and an f-string is one token whose fields
//     (fstring.go) are only delimited, not parsed. Lexical errors (unclosed
//     brackets, unterminated strings, bad dedents, NUL bytes, invalid UTF-8)
//     are reported here with Python's wording and the right position.
//  2. grammar.go is a participle grammar producing a concrete syntax tree.
//     It covers all of Python 3.12, not only the BPF subset, because real
//     files keep their userspace loader code next to the BPF programs and
//     the whole file must parse. Operators are one flat chain so the grammar
//     stays shallow and fast; f-string fields are parsed by a second
//     participle parser over tokens lexed in place, so their positions are
//     real.
//  3. convert.go and friends build the AST: precedence climbing
//     (precedence.go), literal decoding (literals.go) and the checks Python
//     makes after parsing (assignment targets, parameter order).
//
// The AST keeps Python's shape for what BPF code can compile and folds the
// rest into OtherStmt/OtherExpr. Those nodes exist so the frontend has one
// place to say "this construct is not supported in BPF code" while checks
// that must see everywhere (a @bpf definition nested in a try, a name
// bound inside a comprehension) can still walk into their children.
//
// Parse returns exactly one diagnostic for a syntax error, the first, and
// never panics: conversion errors unwind with a private panic that Parse
// recovers, and any other panic becomes an internal-error diagnostic.
package syntax
