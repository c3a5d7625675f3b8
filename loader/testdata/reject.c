/* Two programs the verifier rejects, each at the line marked below.
 * no_null_check dereferences a map value without the NULL check (a hash
 * map: this kernel proves an array lookup with a constant in-range key
 * non-NULL and would accept it). too_many_jumps walks a branchy loop past
 * the verifier's 8192-jump limit; the kernel answers EFAULT, for which
 * cilium/ebpf drops the log, so the loader must fetch the log itself. */
#include "bpf.h"

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64);
} vals SEC(".maps");

volatile __u64 mask;

SEC("xdp")
int no_null_check(struct xdp_md *ctx)
{
	__u32 key = 0;
	__u64 *v = bpf_map_lookup_elem(&vals, &key);
	return *v; /* REJECT_NULL */
}

SEC("xdp")
int too_many_jumps(struct xdp_md *ctx)
{
	__u64 s = 0;

	for (int i = 0; i < 9000; i++) {
		if (mask & i) /* REJECT_LOOP */
			s += i;
		else
			s ^= mask;
	}
	mask = s;
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
