package layers

import (
	"encoding/json"
	"io"
	"os/exec"
	"strings"
	"testing"
)

const mod = "github.com/pybpfc/pybpfc"

// allowed lists, per package, the module packages and third-party module
// prefixes it may import directly. Standard-library imports are always
// allowed. A package missing from the table fails the test, so a new
// package has to take a place in the layering.
var allowed = map[string][]string{
	"cmd/pybpfc":          {"*"},
	"bench":               {"*"},
	"bench/...":           {"*"},
	"internal/e2e":        {"*"},
	"internal/layers":     {},
	"frontend":            {"frontend/syntax", "ssa", "internal/diag", "internal/kbtf"},
	"frontend/syntax":     {"internal/diag", "github.com/alecthomas/participle/v2"},
	"ssa":                 {"internal/diag"},
	"passes":              {"ssa", "internal/diag"},
	"backend":             {"ssa", "internal/diag", "github.com/llir/llvm"},
	"loader":              {"internal/diag", "github.com/cilium/ebpf"},
	"internal/diag":       {},
	"internal/kbtf":       {"github.com/cilium/ebpf/btf"},
	"internal/golden":     {"github.com/google/go-cmp"},
	"internal/kerneltest": {},
	"internal/driver":     {"frontend", "frontend/syntax", "passes", "backend", "ssa", "internal/diag"},
}

type pkg struct {
	ImportPath string
	Imports    []string
	Standard   bool
}

func TestImportLayering(t *testing.T) {
	out, err := exec.Command("go", "list", "-json", mod+"/...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	dec := json.NewDecoder(strings.NewReader(string(out)))
	n := 0
	for {
		var p pkg
		if err := dec.Decode(&p); err == io.EOF {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		n++
		rel := strings.TrimPrefix(strings.TrimPrefix(p.ImportPath, mod), "/")
		rules, ok := allowed[rel]
		if !ok {
			for k, v := range allowed {
				if strings.HasSuffix(k, "/...") && strings.HasPrefix(rel, strings.TrimSuffix(k, "...")) {
					rules, ok = v, true
				}
			}
		}
		if !ok {
			t.Errorf("package %s has no row in the layering table (internal/layers); add it and to ARCHITECTURE.md", rel)
			continue
		}
		for _, imp := range p.Imports {
			if !strings.Contains(strings.Split(imp, "/")[0], ".") {
				continue // standard library
			}
			if !permitted(rules, imp) {
				t.Errorf("%s imports %s, which its layer does not allow (allowed: %v)", rel, imp, rules)
			}
		}
	}
	if n < 8 {
		t.Fatalf("go list found only %d packages", n)
	}
}

func permitted(rules []string, imp string) bool {
	for _, r := range rules {
		if r == "*" {
			return true
		}
		full := r
		if !strings.Contains(strings.Split(r, "/")[0], ".") {
			full = mod + "/" + r
		}
		if imp == full || strings.HasPrefix(imp, full+"/") && !strings.HasPrefix(full, mod) {
			return true
		}
	}
	return false
}
