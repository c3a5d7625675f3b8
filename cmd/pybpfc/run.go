package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/pybpfc/pybpfc/internal/diag"
	"github.com/pybpfc/pybpfc/internal/driver"
	"github.com/pybpfc/pybpfc/loader"
)

const runUsage = `usage: pybpfc run [compile flags] [--duration D] [-c CMD] [--iface IF] [--cgroup PATH] [-f text|json] FILE.py

  --duration D   stop after D (a Go duration such as 10s or 2m, or seconds)
  -c CMD         run CMD (split like a shell command line), trace while it runs,
                 then exit with its status
  --iface IF     network interface for xdp, tc and tcx programs
  --cgroup PATH  cgroup v2 directory for cgroup_skb, cgroup/* and sockops programs
  -f FORMAT      output format: text (default) or json (one JSON object per line)

Without --duration or -c, run streams until Ctrl-C or SIGTERM. At the end every
program is detached and unloaded, then maps and globals are printed.
`

// runFlags are run's own flags; the rest are compile flags.
type runFlags struct {
	duration time.Duration
	command  []string
	iface    string
	cgroup   string
	json     bool
}

// cmdRun compiles, loads and attaches every program of FILE.py, streams
// its output until a signal, the duration or the command's end, then
// detaches everything and prints the maps.
func cmdRun(args []string, stdout, stderr io.Writer) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return runProgram(ctx, args, stdout, stderr)
}

// runProgram is cmdRun with the stop signal as a context, so tests can
// end a run without sending the process a signal.
func runProgram(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	rf, rest, ok := parseRunFlags(args, stderr)
	if !ok {
		return 2
	}
	cf, ok := parseCompileFlags("run", rest, stderr, false)
	if !ok {
		fmt.Fprint(stderr, runUsage)
		return 2
	}
	out, ok := compileFile(cf, driver.StageObj, stderr)
	if !ok {
		return 1
	}
	fail := func(err error) int {
		fmt.Fprintf(stderr, "pybpfc: error: %v\n", err)
		return 1
	}
	obj, err := loader.Open(out.Object)
	if err != nil {
		return fail(err)
	}
	loaded, err := obj.Load(loader.LoadOptions{})
	if err != nil {
		var rejected loader.RejectErrors
		if !errors.As(err, &rejected) {
			return fail(errors.New(explainLoadError(err)))
		}
		for _, r := range rejected {
			diag.Render(stderr, out.Source, rejectionDiagnostic(out, r))
			if cf.verbose && r.Log != "" {
				fmt.Fprintf(stderr, "verifier log for %s:\n%s\n", r.Program, r.Log)
			}
		}
		return 1
	}
	defer loaded.Close()

	w := &lineWriter{w: stdout}
	formats, known := printFormats(out.Module)
	var pipe *loader.TracePipe
	if len(formats) > 0 || !known {
		// Opened before attaching: opening discards older lines, which
		// must not be mistaken for this run's.
		if pipe, err = loader.OpenTracePipe(); err != nil {
			return fail(err)
		}
		defer pipe.Close()
	}
	links, err := loaded.AttachAll(loader.AttachOptions{Iface: rf.iface, Cgroup: rf.cgroup})
	if err != nil {
		return fail(err)
	}
	defer links.Close()
	attached := 0
	for _, a := range links.Attachments() {
		if a.Skipped != "" {
			fmt.Fprintf(stderr, "pybpfc: note: program '%s' not attached: %s\n", a.Program, a.Skipped)
		} else {
			attached++
		}
	}

	records, err := loaded.OpenRecords(recordLayouts(out.Module), func(r loader.Record) {
		w.line(formatRecord(r, rf.json, len(loaded.RecordMaps()) > 1))
		if r.Lost > 0 {
			fmt.Fprintf(stderr, "pybpfc: warning: %d records of %s were lost (the buffer was full)\n", r.Lost, r.Map)
		}
	})
	if err != nil {
		return fail(err)
	}
	stopPipe := make(chan struct{})
	pipeDone := make(chan error, 1)
	if pipe != nil {
		var filter *loader.TraceFilter
		if known {
			filter = loader.NewTraceFilter(formats)
		}
		go func() {
			pipeDone <- pipe.Stream(stopPipe, filter, func(tl loader.TraceLine) { w.line(formatTraceLine(tl, rf.json)) })
		}()
	} else {
		pipeDone <- nil
	}

	code, waitErr := wait(ctx, rf, attached, w, stderr)

	// Streams first, so that what the programs wrote before the end is
	// shown; then the links, so the maps no longer change while printed.
	close(stopPipe)
	pipeErr := <-pipeDone
	recErr := records.Stop()
	if err := links.Close(); err != nil {
		fmt.Fprintf(stderr, "pybpfc: warning: detach: %v\n", err)
	}
	for _, e := range []error{waitErr, pipeErr, recErr} {
		if e != nil {
			fmt.Fprintf(stderr, "pybpfc: error: %v\n", e)
			code = max(code, 1)
		}
	}
	if err := loaded.DumpMaps(w, rf.json); err != nil {
		return fail(err)
	}
	return code
}

// wait blocks until the run should end and returns the exit code: the
// command's status with -c, else 0.
func wait(ctx context.Context, rf *runFlags, attached int, w *lineWriter, stderr io.Writer) (int, error) {
	if rf.duration > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, rf.duration)
		defer cancel()
	}
	if len(rf.command) == 0 {
		fmt.Fprintf(stderr, "pybpfc: %d program(s) attached; Ctrl-C to stop\n", attached)
		<-ctx.Done()
		return 0, nil
	}
	cmd := exec.Command(rf.command[0], rf.command[1:]...)
	// A real file goes to the child as is (it may be a terminal); any
	// other writer gets the child's output through the line lock.
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, w, stderr
	if f, ok := w.w.(*os.File); ok {
		cmd.Stdout = f
	}
	if err := cmd.Start(); err != nil {
		return 1, fmt.Errorf("run %s: %w", rf.command[0], err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		return exitStatus(err)
	case <-ctx.Done():
		// The child shares the terminal's Ctrl-C; for SIGTERM and
		// --duration it is told to stop, then waited for.
		cmd.Process.Signal(syscall.SIGTERM)
		return exitStatus(<-done)
	}
}

func exitStatus(err error) (int, error) {
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		if ws, ok := ee.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
			return 128 + int(ws.Signal()), nil
		}
		return ee.ExitCode(), nil
	}
	if err != nil {
		return 1, err
	}
	return 0, nil
}

// lineWriter serializes whole lines from the trace pipe and record
// goroutines, so lines never interleave.
type lineWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (lw *lineWriter) line(s string) { lw.Write([]byte(s + "\n")) }

// Write lets the -c command's output share the lock when it is not a file.
func (lw *lineWriter) Write(b []byte) (int, error) {
	lw.mu.Lock()
	defer lw.mu.Unlock()
	return lw.w.Write(b)
}

func formatTraceLine(tl loader.TraceLine, asJSON bool) string {
	if !asJSON {
		return tl.Message
	}
	if tl.PID < 0 {
		return fmt.Sprintf(`{"type":"print","msg":%s}`, jsonString(tl.Message))
	}
	return fmt.Sprintf(`{"type":"print","comm":%s,"pid":%d,"cpu":%d,"time":%s,"msg":%s}`,
		jsonString(tl.Comm), tl.PID, tl.CPU, tl.Time, jsonString(tl.Message))
}

func formatRecord(r loader.Record, asJSON, prefix bool) string {
	if asJSON {
		cpu := ""
		if r.CPU >= 0 {
			cpu = fmt.Sprintf(`,"cpu":%d`, r.CPU)
		}
		if r.Lost > 0 {
			return fmt.Sprintf(`{"type":"lost","map":%s%s,"count":%d}`, jsonString(r.Map), cpu, r.Lost)
		}
		return fmt.Sprintf(`{"type":"record","map":%s%s,"data":%s}`, jsonString(r.Map), cpu, loader.FormatJSON(r.Fields))
	}
	if r.Lost > 0 {
		return fmt.Sprintf("%s: lost %d records", r.Map, r.Lost)
	}
	if prefix {
		return r.Map + ": " + loader.FormatText(r.Fields)
	}
	return loader.FormatText(r.Fields)
}

// jsonString quotes s as JSON; invalid UTF-8 becomes U+FFFD, so the line
// stays valid JSON whatever bytes a program printed.
func jsonString(s string) string { return loader.JSONString(s) }

// splitCommand splits a -c command line into words as a shell would for
// the simple cases: blanks separate words, single quotes keep everything,
// double quotes keep blanks, a backslash escapes the next character.
func splitCommand(s string) ([]string, error) {
	var words []string
	var cur strings.Builder
	inWord := false
	var quote rune
	escaped := false
	for _, r := range s {
		switch {
		case escaped:
			cur.WriteRune(r)
			escaped = false
		case quote == '\'' && r != '\'':
			cur.WriteRune(r)
		case r == '\\' && quote != '\'':
			escaped, inWord = true, true
		case quote != 0 && r == quote:
			quote = 0
		case quote == 0 && (r == '\'' || r == '"'):
			quote, inWord = r, true
		case quote == 0 && (r == ' ' || r == '\t' || r == '\n'):
			if inWord {
				words = append(words, cur.String())
				cur.Reset()
				inWord = false
			}
		default:
			cur.WriteRune(r)
			inWord = true
		}
	}
	if quote != 0 || escaped {
		return nil, fmt.Errorf("unterminated quote or escape in -c %q", s)
	}
	if inWord {
		words = append(words, cur.String())
	}
	return words, nil
}
