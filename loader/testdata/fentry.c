/* An fentry program (refused by some kernels with EPERM and an empty log)
 * next to an XDP program that always loads. */
#include "bpf.h"

__u64 calls;

SEC("fentry/do_unlinkat")
int trace_unlink(void *ctx)
{
	calls++;
	return 0;
}

SEC("xdp")
int still_fine(struct xdp_md *ctx)
{
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
