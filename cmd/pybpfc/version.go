package main

import (
	"fmt"
	"io"
	"runtime"

	"github.com/pybpfc/pybpfc/backend"
)

func cmdVersion(stdout io.Writer) int {
	fmt.Fprintf(stdout, "pybpfc %s (%s)\n", Version, runtime.Version())
	if tc, err := backend.FindToolchain(""); err == nil {
		fmt.Fprintf(stdout, "toolchain: %s\n", tc)
	} else {
		fmt.Fprintf(stdout, "toolchain: none found (%v)\n", err)
	}
	return 0
}
