// C twin of xdp_ipv6.py: IPv6 hop-limit drop and per-next-header counter.
typedef unsigned char __u8;
typedef unsigned short __u16;
typedef unsigned int __u32;
typedef unsigned long long __u64;

#define SEC(name) __attribute__((section(name), used))
#define __uint(name, val) int (*name)[val]
#define __type(name, val) typeof(val) *name
#define BPF_MAP_TYPE_ARRAY 2
#define XDP_DROP 1
#define XDP_PASS 2

static void *(*bpf_map_lookup_elem)(void *map, const void *key) = (void *)1;
static long (*bpf_map_update_elem)(void *map, const void *key, const void *value, __u64 flags) = (void *)2;

struct xdp_md {
	__u32 data;
	__u32 data_end;
	__u32 data_meta;
	__u32 ingress_ifindex;
	__u32 rx_queue_index;
	__u32 egress_ifindex;
};

struct ethhdr {
	__u8 h_dest[6];
	__u8 h_source[6];
	__u16 h_proto;
} __attribute__((packed));

struct ipv6hdr {
	__u8 priority : 4, version : 4;
	__u8 flow_lbl[3];
	__u16 payload_len;
	__u8 nexthdr;
	__u8 hop_limit;
	__u8 saddr[16];
	__u8 daddr[16];
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__type(key, __u32);
	__type(value, __u64);
	__uint(max_entries, 256);
} next_headers SEC(".maps");

SEC("xdp")
int ipv6_count(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;

	if (data + 54 > (void *)(long)ctx->data_end)
		return XDP_PASS;
	struct ethhdr *eth = data;
	if (eth->h_proto != __builtin_bswap16(0x86DD))
		return XDP_PASS;
	struct ipv6hdr *ip6 = data + 14;
	if (ip6->hop_limit <= 1)
		return XDP_DROP;
	__u32 nh = ip6->nexthdr;
	__u64 *n = bpf_map_lookup_elem(&next_headers, &nh);
	__u64 v = (n ? *n : 0) + 1;

	bpf_map_update_elem(&next_headers, &nh, &v, 0);
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
