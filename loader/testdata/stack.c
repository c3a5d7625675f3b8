/* Uses the stack in the program and in a non-inlined subprogram, so the
 * verifier prints "stack depth A+B". */
#include "bpf.h"

__u64 result;

static __attribute__((noinline)) __u64 sum_bytes(struct xdp_md *ctx, __u32 n)
{
	volatile __u8 buf[24];
	__u64 s = 0;

	for (int i = 0; i < 24; i++)
		buf[i] = (__u8)(i + n);
	for (int i = 0; i < 24; i++)
		s += buf[i];
	return s;
}

SEC("xdp")
int stacky(struct xdp_md *ctx)
{
	volatile __u64 local[4] = {1, 2, 3, 4};

	result = sum_bytes(ctx, 1) + local[0] + local[3];
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
