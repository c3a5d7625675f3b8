package frontend

import (
	"encoding/json"
	"fmt"
	"strings"
)

// Notebook joins the code cells of a Jupyter notebook into one module
// (LANGUAGE.md 1.1.6). Lines whose first non-blank character is % or !
// (IPython magics and shell escapes) become blank lines, so every line
// keeps its place; names gives, for each line of the result, the
// "FILE:cellN:LINE" that diagnostics print instead of "FILE:LINE".
func Notebook(filename string, src []byte) (code []byte, names []string, err error) {
	var nb struct {
		Cells []struct {
			CellType string          `json:"cell_type"`
			Source   json.RawMessage `json:"source"`
		} `json:"cells"`
	}
	if err := json.Unmarshal(src, &nb); err != nil {
		return nil, nil, fmt.Errorf("%s is not a Jupyter notebook: %v", filename, err)
	}
	var b strings.Builder
	cell := 0
	for _, c := range nb.Cells {
		if c.CellType != "code" {
			continue
		}
		cell++
		text, err := cellSource(c.Source)
		if err != nil {
			return nil, nil, fmt.Errorf("%s: code cell %d: %v", filename, cell, err)
		}
		lines := strings.Split(strings.TrimSuffix(text, "\n"), "\n")
		for i, line := range lines {
			trimmed := strings.TrimLeft(line, " \t")
			if strings.HasPrefix(trimmed, "%") || strings.HasPrefix(trimmed, "!") {
				line = ""
			}
			b.WriteString(line)
			b.WriteByte('\n')
			names = append(names, fmt.Sprintf("%s:cell%d:%d", filename, cell, i+1))
		}
	}
	return []byte(b.String()), names, nil
}

// cellSource accepts both notebook spellings of a cell's source: one
// string, or a list of lines.
func cellSource(raw json.RawMessage) (string, error) {
	var s string
	if err := json.Unmarshal(raw, &s); err == nil {
		return s, nil
	}
	var lines []string
	if err := json.Unmarshal(raw, &lines); err != nil {
		return "", fmt.Errorf("source is neither a string nor a list of strings")
	}
	return strings.Join(lines, ""), nil
}
