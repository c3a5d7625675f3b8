package ssa

import "testing"

// RemoveSucc used to fix up the reverse index of the edge "moved" into slot
// i even when i was the last slot and nothing moved, reading the removed
// edge's stale index: out of range when that was the successor's last
// predecessor, a corrupted cross-link otherwise.
func TestRemoveSuccEveryPosition(t *testing.T) {
	const text = `func f() s64 @1:1
b0:
  v0 = Const <bool> [1] @1:1
  If v0 -> b1 b2 @1:1
b1: <- b0
  Jump b3 @1:1
b2: <- b0
  Jump b3 @1:1
b3: <- b1 b2
  v1 = Const <s64> [1] @1:1
  Ret v1 @1:1
`
	for _, blk := range []int{0, 1} { // b0 -> b1 b2, then b1 -> b3 (its pred #0 of 2)
		for drop := 0; drop < 2; drop++ {
			f, err := ParseFunc(text)
			if err != nil {
				t.Fatal(err)
			}
			b := f.Blocks[blk]
			if drop >= len(b.Succs) {
				continue
			}
			b.RemoveSucc(drop)
			b.Kind = BlockPlain
			b.SetControl(nil)
			if blk == 1 { // b1 now has no successor: end it
				b.Kind = BlockUnreachable
			}
			if err := Check(f); err != nil {
				t.Errorf("b%d RemoveSucc(%d): %v\n%s", blk, drop, err, f)
			}
		}
	}
}
