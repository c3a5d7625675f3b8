package main

import "syscall"

func errPerm() error { return syscall.EPERM }
