/* Globals in every data section, a hash map and a per-CPU array, all
 * written by one XDP program so a single test run changes all of them. */
#include "bpf.h"

__u64 runs;                 /* .bss */
__u64 seed = 40;            /* .data */
volatile const __u32 step = 1; /* .rodata, replaced before load by the test */

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 16);
	__type(key, __u32);
	__type(value, __u64);
} counts SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 2);
	__type(key, __u32);
	__type(value, __u64);
} percpu SEC(".maps");

SEC("xdp")
int bump(struct xdp_md *ctx)
{
	__u32 key = 7;
	__u64 one = 1, *v;

	runs += step;
	seed += 2;

	v = bpf_map_lookup_elem(&counts, &key);
	if (v)
		__sync_fetch_and_add(v, 1);
	else
		bpf_map_update_elem(&counts, &key, &one, BPF_ANY);

	key = 1;
	v = bpf_map_lookup_elem(&percpu, &key);
	if (v)
		*v += 5;
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
