package loader

import (
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"sort"
	"sync"

	"github.com/cilium/ebpf"
	"github.com/cilium/ebpf/perf"
	"github.com/cilium/ebpf/ringbuf"
)

// Record is one record read from a ring buffer or perf event array map.
type Record struct {
	Map string
	// CPU is the CPU a perf record was written on; -1 for ring buffers,
	// which have one buffer for all CPUs.
	CPU int
	// Fields is the record decoded with the map's Layout, or one FieldBytes
	// field "data" holding the raw bytes when no layout was given.
	Fields []FieldValue
	// Lost, when non-zero, reports perf samples the kernel dropped because
	// the buffer was full; such a Record has no Fields.
	Lost uint64
}

// recordReader is what ringbuf.Reader and perf.Reader have in common.
// Stop uses Flush, not SetDeadline: both readers hold their lock while
// blocked in Read, so SetDeadline would wait for the next record.
type recordReader interface {
	Flush() error
	Close() error
}

// RecordStream reads every RINGBUF and PERF_EVENT_ARRAY map of a Loaded
// object until Stop.
type RecordStream struct {
	maps    []string
	readers []recordReader
	wg      sync.WaitGroup
	mu      sync.Mutex // serializes emit calls
	errs    []error
}

// perfPagesPerCPU sizes each CPU's perf buffer: 64 KiB with 4 KiB pages,
// which holds about a thousand small records between two reads.
const perfPagesPerCPU = 16

// RecordMaps returns the names of the object's ring buffer and perf event
// array maps, sorted: the maps OpenRecords would read.
func (l *Loaded) RecordMaps() []string {
	var names []string
	if l.coll == nil {
		return nil
	}
	for name, m := range l.coll.Maps {
		if m.Type() == ebpf.RingBuf || m.Type() == ebpf.PerfEventArray {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	return names
}

// OpenRecords opens a reader on every ring buffer and perf event array of
// the object and starts reading; emit is called for each record, never
// concurrently. layouts gives, per map name, how to decode its records
// (the struct the program writes, LANGUAGE.md 4.2). Call Stop to end.
func (l *Loaded) OpenRecords(layouts map[string]*Layout, emit func(Record)) (*RecordStream, error) {
	s := &RecordStream{}
	for _, name := range l.RecordMaps() {
		m := l.coll.Maps[name]
		lay := layouts[name]
		if lay != nil {
			if err := lay.Validate(); err != nil {
				s.Stop()
				return nil, fmt.Errorf("record layout of map %s: %w", name, err)
			}
		}
		decode := func(b []byte) []FieldValue {
			if lay == nil {
				return []FieldValue{{Name: "data", Kind: FieldBytes, Text: hex.EncodeToString(b)}}
			}
			return lay.Decode(b)
		}
		switch m.Type() {
		case ebpf.RingBuf:
			rd, err := ringbuf.NewReader(m)
			if err != nil {
				s.Stop()
				return nil, fmt.Errorf("read ring buffer %s: %w", name, err)
			}
			s.add(name, rd, func() (Record, error) {
				rec, err := rd.Read()
				if err != nil {
					return Record{}, err
				}
				return Record{Map: name, CPU: -1, Fields: decode(rec.RawSample)}, nil
			}, emit)
		case ebpf.PerfEventArray:
			rd, err := perf.NewReader(m, perfPagesPerCPU*os.Getpagesize())
			if err != nil {
				s.Stop()
				return nil, fmt.Errorf("read perf event array %s: %w", name, err)
			}
			s.add(name, rd, func() (Record, error) {
				rec, err := rd.Read()
				if err != nil {
					return Record{}, err
				}
				if rec.LostSamples > 0 {
					return Record{Map: name, CPU: rec.CPU, Lost: rec.LostSamples}, nil
				}
				return Record{Map: name, CPU: rec.CPU, Fields: decode(rec.RawSample)}, nil
			}, emit)
		}
	}
	return s, nil
}

// add starts the goroutine that reads one map until Stop flushes its
// reader or the reader is closed.
func (s *RecordStream) add(name string, rd recordReader, read func() (Record, error), emit func(Record)) {
	s.maps = append(s.maps, name)
	s.readers = append(s.readers, rd)
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		for {
			rec, err := read()
			switch {
			case err == nil:
				s.mu.Lock()
				emit(rec)
				s.mu.Unlock()
				continue
			case errors.Is(err, ringbuf.ErrFlushed), errors.Is(err, perf.ErrFlushed), errors.Is(err, os.ErrClosed):
				// Both readers return what is left before reporting the
				// flush, so nothing written before Stop is lost.
				return
			}
			s.mu.Lock()
			s.errs = append(s.errs, fmt.Errorf("read %s: %w", name, err))
			s.mu.Unlock()
			return
		}
	}()
}

// Maps returns the names of the maps being read.
func (s *RecordStream) Maps() []string { return append([]string(nil), s.maps...) }

// Stop reads what the buffers still hold, ends the readers and returns the
// first read error, if any. It is safe to call more than once.
func (s *RecordStream) Stop() error {
	for _, rd := range s.readers {
		rd.Flush()
	}
	s.wg.Wait()
	for _, rd := range s.readers {
		rd.Close()
	}
	s.readers = nil
	if len(s.errs) > 0 {
		return s.errs[0]
	}
	return nil
}
