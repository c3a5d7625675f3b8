package e2e

import (
	"encoding/binary"
	"os"
	"sync"
	"testing"

	"github.com/pybpfc/pybpfc/internal/driver"
	"github.com/pybpfc/pybpfc/internal/kerneltest"
	"github.com/pybpfc/pybpfc/loader"
)

// TestAtomicIncrementsAreNotLost is C-69: `p.hits += 1` on a shared
// HashMap value is one atomic add, so four concurrent test runs of 100000
// repetitions each leave exactly 400000.
func TestAtomicIncrementsAreNotLost(t *testing.T) {
	kerneltest.Require(t)
	src, err := os.ReadFile(programsDir + "/atomic_updates.py")
	if err != nil {
		t.Fatal(err)
	}
	out, err := driver.Build("atomic_updates.py", src, driver.Options{OptLevel: 2})
	if err != nil || out.Failed() {
		t.Fatalf("build: %v", err)
	}
	obj, err := loader.Open(out.Object)
	if err != nil {
		t.Fatal(err)
	}
	l, err := obj.Load(loader.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	const runs, repeat = 4, 100000
	var wg sync.WaitGroup
	errs := make(chan error, runs)
	for i := 0; i < runs; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, _, err := l.Benchmark("update", nil, repeat); err != nil {
				errs <- err
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	entries, err := l.MapEntries("counters")
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 {
		t.Fatalf("want one entry, got %d", len(entries))
	}
	if hits := binary.LittleEndian.Uint64(entries[0].Value); hits != runs*repeat {
		t.Errorf("hits = %d after %d concurrent runs of %d, want %d", hits, runs, repeat, runs*repeat)
	}
	if total, _ := l.GlobalUint("total"); total != 10*runs*repeat {
		t.Errorf("total = %d, want %d", total, 10*runs*repeat)
	}
}
