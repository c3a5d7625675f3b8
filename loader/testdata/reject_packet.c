/* Reads packet bytes beyond the checked length: the verifier rejects both
 * programs with "invalid access to packet, off=N size=1", the second one
 * inside a BPF-to-BPF subprogram (which cilium places after the caller). */
#include "bpf.h"

SEC("xdp")
int parse(struct xdp_md *ctx)
{
	__u8 *data = (void *)(long)ctx->data;
	__u8 *end = (void *)(long)ctx->data_end;

	if (data + 14 > end)
		return XDP_DROP;
	return data[20]; /* REJECT */
}

static __attribute__((noinline)) int read_proto(struct xdp_md *ctx)
{
	__u8 *data = (void *)(long)ctx->data;
	__u8 *end = (void *)(long)ctx->data_end;

	if (data + 14 > end)
		return 0;
	return data[12] + data[23]; /* REJECT_SUB */
}

SEC("xdp")
int parse_sub(struct xdp_md *ctx)
{
	return read_proto(ctx) ? XDP_PASS : XDP_DROP;
}

char LICENSE[] SEC("license") = "GPL";
