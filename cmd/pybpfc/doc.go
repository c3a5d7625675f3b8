// Command pybpfc is the command line: flags, subcommands and exit codes
// (0 ok, 1 compile or load error, 2 usage error). It holds no compiler
// logic: building goes through internal/driver, loading through loader.
package main
