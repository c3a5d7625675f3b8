package syntax

import (
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"
)

const stdlibDir = "/usr/lib/python3.11"

// TestStdlib parses the whole CPython standard library as a real-world
// corpus: the bar is 99% (a few files in a stdlib are deliberately
// invalid), and every failure is listed with its first diagnostic.
func TestStdlib(t *testing.T) {
	if _, err := os.Stat(stdlibDir); err != nil {
		t.Skipf("%s not present", stdlibDir)
	}
	var files []string
	filepath.WalkDir(stdlibDir, func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ".py") {
			files = append(files, path)
		}
		return nil
	})
	start := time.Now()
	var mu sync.Mutex
	var failures []string
	jobs := make(chan string)
	var wg sync.WaitGroup
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for path := range jobs {
				src, err := os.ReadFile(path)
				if err != nil {
					continue
				}
				if _, d := Parse(path, src); d != nil {
					mu.Lock()
					failures = append(failures, path+":"+d.Error())
					mu.Unlock()
				}
			}
		}()
	}
	for _, f := range files {
		jobs <- f
	}
	close(jobs)
	wg.Wait()
	sort.Strings(failures)
	for _, f := range failures {
		t.Log(f)
	}
	ok := len(files) - len(failures)
	rate := 100 * float64(ok) / float64(len(files))
	t.Logf("stdlib: %d/%d files parse (%.2f%%) in %v", ok, len(files), rate, time.Since(start).Round(time.Millisecond))
	if rate < 99 {
		t.Errorf("parse rate %.2f%% is below 99%%", rate)
	}
}
