package loader

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
)

// tracefsDirs are where tracefs is found: its own mount point, then the
// older location under debugfs.
var tracefsDirs = []string{"/sys/kernel/tracing", "/sys/kernel/debug/tracing"}

// errNoTracefs explains the fix in one line, as every user-facing error.
var errNoTracefs = errors.New("tracefs is not mounted; mount it with `mount -t tracefs nodev /sys/kernel/tracing` (as root)")

// TracefsDir returns the mounted tracefs directory, or an error saying how
// to mount it.
func TracefsDir() (string, error) {
	for _, d := range tracefsDirs {
		if _, err := os.Stat(filepath.Join(d, "trace_pipe")); err == nil {
			return d, nil
		}
	}
	return "", errNoTracefs
}

// TraceLine is one bpf_trace_printk record of trace_pipe.
type TraceLine struct {
	Comm    string // the task that was running, as the kernel knows it
	PID     int    // its thread id
	CPU     int
	Time    string // seconds since boot, as the kernel prints them
	Message string // the formatted text, without the trailing newline
}

// traceHeader matches "  comm-123  [002] d..31  12.345678: bpf_trace_printk: msg".
// The comm may contain spaces and dashes; the flags column and the tgid
// column appear only with some trace options, so both are optional.
var traceHeader = regexp.MustCompile(`^\s*(.*)-(\d+)\s+(?:\(\s*[-\d]+\)\s+)?\[(\d+)\]\s+(?:\S+\s+)?(\d+\.\d+):\s+(bpf_trace_printk|bpf_trace_vprintk):\s?(.*)$`)

// ParseTraceLine splits a trace_pipe line written by bpf_trace_printk or
// bpf_trace_vprintk; ok is false for any other line.
func ParseTraceLine(line string) (TraceLine, bool) {
	m := traceHeader.FindStringSubmatch(line)
	if m == nil {
		return TraceLine{}, false
	}
	pid, _ := strconv.Atoi(m[2])
	cpu, _ := strconv.Atoi(m[3])
	return TraceLine{Comm: m[1], PID: pid, CPU: cpu, Time: m[4], Message: m[6]}, true
}

// TraceFilter keeps the trace lines of one object's programs. The kernel
// writes no program id into trace_pipe, so the only mark a line carries is
// its text: a line is kept when it matches one of the printf formats the
// object's print() calls use. A different program printing text of the
// same shape cannot be told apart; one printing anything else is dropped.
type TraceFilter struct {
	res []*regexp.Regexp
}

// NewTraceFilter builds a filter from printf formats ("exec by %llu\n").
// A format with embedded newlines prints several lines; its first line is
// what the record's header line carries.
func NewTraceFilter(formats []string) *TraceFilter {
	f := &TraceFilter{}
	seen := map[string]bool{}
	for _, format := range formats {
		first := strings.SplitN(strings.TrimSuffix(format, "\n"), "\n", 2)[0]
		re := FormatRegexp(first)
		if !seen[re] {
			seen[re] = true
			f.res = append(f.res, regexp.MustCompile(re))
		}
	}
	return f
}

// Match reports whether msg could have been printed with one of the formats.
func (f *TraceFilter) Match(msg string) bool {
	for _, re := range f.res {
		if re.MatchString(msg) {
			return true
		}
	}
	return false
}

// printfConv matches one conversion the kernel's bstr_printf accepts:
// flags, width, precision, length modifier and the conversion letter
// (with %p's extension letters, as in %pI4 or %pks).
var printfConv = regexp.MustCompile(`%([-+ #0]*)(\d*)(?:\.\d+)?(hh|h|ll|l|z)?([diuxXoscp%])([a-zA-Z0-9]*)`)

// FormatRegexp turns a printf format into an anchored regexp source that
// matches every text the format can produce.
func FormatRegexp(format string) string {
	var b strings.Builder
	b.WriteString("^")
	last := 0
	for _, loc := range printfConv.FindAllStringSubmatchIndex(format, -1) {
		b.WriteString(regexp.QuoteMeta(format[last:loc[0]]))
		last = loc[1]
		sub := func(i int) string {
			if loc[2*i] < 0 {
				return ""
			}
			return format[loc[2*i]:loc[2*i+1]]
		}
		flags, width, conv, ext := sub(1), sub(2), sub(4), sub(5)
		pad := ""
		if width != "" || strings.ContainsAny(flags, " +") {
			pad = " *" // right-justified values are padded with spaces
		}
		var body string
		switch conv {
		case "%":
			b.WriteString("%")
			continue
		case "d", "i":
			body = `[-+]?\d+`
		case "u":
			body = `\+?\d+`
		case "x", "X":
			body = `(?:0[xX])?[0-9a-fA-F]+`
		case "o":
			body = `0?[0-7]+`
		case "c":
			body = `(?s:.)`
		case "s":
			body = `.*`
		case "p":
			body = `\S*`
		}
		if conv != "p" && ext != "" {
			body += regexp.QuoteMeta(ext) // letters after %d are literal text
		}
		b.WriteString(pad + body)
		if strings.Contains(flags, "-") {
			b.WriteString(" *") // left-justified values are followed by padding
		}
	}
	b.WriteString(regexp.QuoteMeta(format[last:]))
	b.WriteString("$")
	return b.String()
}

// TracePipe reads trace_pipe without blocking, so that a shutdown is never
// stuck in a read: the kernel does not wake a blocked trace_pipe reader
// when another thread closes the file.
type TracePipe struct {
	fd, epfd int
	pending  []byte // an incomplete last line
	keep     bool   // whether continuation lines belong to a kept record
}

// OpenTracePipe opens trace_pipe and discards what it already holds, so
// that only lines written from now on are read: old lines of an earlier
// run of the same program would pass the format filter.
func OpenTracePipe() (*TracePipe, error) {
	dir, err := TracefsDir()
	if err != nil {
		return nil, err
	}
	path := filepath.Join(dir, "trace_pipe")
	fd, err := syscall.Open(path, syscall.O_RDONLY|syscall.O_NONBLOCK|syscall.O_CLOEXEC, 0)
	if err != nil {
		if errors.Is(err, syscall.EACCES) || errors.Is(err, syscall.EPERM) {
			return nil, fmt.Errorf("open %s: permission denied; reading the trace pipe needs root", path)
		}
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	epfd, err := syscall.EpollCreate1(syscall.EPOLL_CLOEXEC)
	if err == nil {
		err = syscall.EpollCtl(epfd, syscall.EPOLL_CTL_ADD, fd, &syscall.EpollEvent{Events: syscall.EPOLLIN, Fd: int32(fd)})
	}
	if err != nil {
		syscall.Close(fd)
		return nil, fmt.Errorf("poll %s: %w", path, err)
	}
	tp := &TracePipe{fd: fd, epfd: epfd}
	if err := tp.drain(func(string) {}); err != nil {
		tp.Close()
		return nil, err
	}
	tp.pending = nil
	return tp, nil
}

// pollInterval bounds how long Stream takes to notice stop.
const pollInterval = 100 // milliseconds

// Stream calls emit for every kept line until stop is closed, then reads
// what trace_pipe still holds and returns. Lines are kept by filter; with a
// nil filter every bpf_trace_printk line is kept. Lines without a header
// continue the previous record (a format with embedded newlines) and are
// kept with it, as a TraceLine with only Message set and PID -1.
func (tp *TracePipe) Stream(stop <-chan struct{}, filter *TraceFilter, emit func(TraceLine)) error {
	handle := func(line string) {
		if tl, ok := ParseTraceLine(line); ok {
			tp.keep = filter == nil || filter.Match(tl.Message)
			if tp.keep {
				emit(tl)
			}
			return
		}
		// The kernel ends each record with a newline of its own after the
		// format's, which shows as an empty line: dropped. "CPU:3 [LOST 12
		// EVENTS]" is the kernel's, not the program's.
		if tp.keep && line != "" && !strings.HasPrefix(line, "CPU:") {
			emit(TraceLine{Message: line, PID: -1, CPU: -1})
		}
	}
	events := make([]syscall.EpollEvent, 1)
	for {
		select {
		case <-stop:
			return tp.drain(handle)
		default:
		}
		_, err := syscall.EpollWait(tp.epfd, events, pollInterval)
		if err != nil && !errors.Is(err, syscall.EINTR) {
			return fmt.Errorf("poll trace_pipe: %w", err)
		}
		if err := tp.drain(handle); err != nil {
			return err
		}
	}
}

// drain reads until trace_pipe is empty and hands each complete line on.
func (tp *TracePipe) drain(handle func(string)) error {
	buf := make([]byte, 64<<10)
	for {
		n, err := syscall.Read(tp.fd, buf)
		if errors.Is(err, syscall.EAGAIN) || n == 0 && err == nil {
			return nil
		}
		if errors.Is(err, syscall.EINTR) {
			continue
		}
		if err != nil {
			return fmt.Errorf("read trace_pipe: %w", err)
		}
		data := append(tp.pending, buf[:n]...)
		for {
			i := bytes.IndexByte(data, '\n')
			if i < 0 {
				break
			}
			handle(string(data[:i]))
			data = data[i+1:]
		}
		tp.pending = append([]byte(nil), data...)
	}
}

// Close releases the file. It is safe to call more than once.
func (tp *TracePipe) Close() {
	if tp.fd >= 0 {
		syscall.Close(tp.epfd)
		syscall.Close(tp.fd)
		tp.fd, tp.epfd = -1, -1
	}
}
