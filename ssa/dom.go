package ssa

// DomTree is the dominator tree of a function, computed with the iterative
// algorithm of Cooper, Harvey and Kennedy ("A Simple, Fast Dominance
// Algorithm"): BPF functions are small, so its simplicity wins.
type DomTree struct {
	idom      []*Block // by block ID; nil for the entry and unreachable blocks
	rpoIndex  []int    // by block ID; -1 when unreachable
	RPO       []*Block // reachable blocks in reverse postorder
	children  [][]*Block
	pre, post []int // dominator-tree DFS numbering for O(1) Dominates
}

// Dom returns the (cached) dominator tree of f.
func (f *Func) Dom() *DomTree {
	if f.cache.dom == nil {
		f.cache.dom = computeDom(f)
	}
	return f.cache.dom
}

// ReversePostorder lists the blocks reachable from the entry.
func (f *Func) ReversePostorder() []*Block {
	seen := make([]bool, f.NumBlocks())
	var post []*Block
	type frame struct {
		b *Block
		i int
	}
	stack := []frame{{f.Entry(), 0}}
	seen[f.Entry().ID] = true
	for len(stack) > 0 {
		top := &stack[len(stack)-1]
		if top.i < len(top.b.Succs) {
			s := top.b.Succs[top.i].B
			top.i++
			if !seen[s.ID] {
				seen[s.ID] = true
				stack = append(stack, frame{s, 0})
			}
			continue
		}
		post = append(post, top.b)
		stack = stack[:len(stack)-1]
	}
	for i, j := 0, len(post)-1; i < j; i, j = i+1, j-1 {
		post[i], post[j] = post[j], post[i]
	}
	return post
}

func computeDom(f *Func) *DomTree {
	n := f.NumBlocks()
	d := &DomTree{idom: make([]*Block, n), rpoIndex: make([]int, n), children: make([][]*Block, n)}
	for i := range d.rpoIndex {
		d.rpoIndex[i] = -1
	}
	d.RPO = f.ReversePostorder()
	for i, b := range d.RPO {
		d.rpoIndex[b.ID] = i
	}
	entry := f.Entry()
	d.idom[entry.ID] = entry
	intersect := func(a, b *Block) *Block {
		for a != b {
			for d.rpoIndex[a.ID] > d.rpoIndex[b.ID] {
				a = d.idom[a.ID]
			}
			for d.rpoIndex[b.ID] > d.rpoIndex[a.ID] {
				b = d.idom[b.ID]
			}
		}
		return a
	}
	for changed := true; changed; {
		changed = false
		for _, b := range d.RPO[1:] {
			var nd *Block
			for _, p := range b.Preds {
				if d.idom[p.B.ID] == nil || d.rpoIndex[p.B.ID] < 0 {
					continue
				}
				if nd == nil {
					nd = p.B
				} else {
					nd = intersect(p.B, nd)
				}
			}
			if nd != nil && d.idom[b.ID] != nd {
				d.idom[b.ID] = nd
				changed = true
			}
		}
	}
	d.idom[entry.ID] = nil
	for _, b := range d.RPO[1:] {
		if p := d.idom[b.ID]; p != nil {
			d.children[p.ID] = append(d.children[p.ID], b)
		}
	}
	d.pre, d.post = make([]int, n), make([]int, n)
	clock := 0
	var walk func(b *Block)
	walk = func(b *Block) {
		clock++
		d.pre[b.ID] = clock
		for _, c := range d.children[b.ID] {
			walk(c)
		}
		clock++
		d.post[b.ID] = clock
	}
	walk(entry)
	return d
}

// Idom is b's immediate dominator (nil for the entry).
func (d *DomTree) Idom(b *Block) *Block { return d.idom[b.ID] }

// Children are the blocks b immediately dominates, in RPO order.
func (d *DomTree) Children(b *Block) []*Block { return d.children[b.ID] }

// Reachable reports whether b is reachable from the entry.
func (d *DomTree) Reachable(b *Block) bool { return b.ID < len(d.rpoIndex) && d.rpoIndex[b.ID] >= 0 }

// Dominates reports whether a dominates b (every block dominates itself).
func (d *DomTree) Dominates(a, b *Block) bool {
	if !d.Reachable(a) || !d.Reachable(b) {
		return false
	}
	return d.pre[a.ID] <= d.pre[b.ID] && d.post[b.ID] <= d.post[a.ID]
}
