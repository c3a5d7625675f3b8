/* A tc classifier and a socket filter; both read the packet through the
 * context so the test run's result depends on the input. */
#include "bpf.h"

SEC("tc")
int classify(struct __sk_buff *skb)
{
	__u8 b = 0;

	if (bpf_skb_load_bytes(skb, 12, &b, 1) < 0)
		return -1;
	return b == 0x08 ? 0 /* TC_ACT_OK */ : 2 /* TC_ACT_SHOT */;
}

SEC("socket")
int sock_len(struct __sk_buff *skb)
{
	return skb->len;
}

char LICENSE[] SEC("license") = "GPL";
