// C twin of xdp_ipv4_count.py: count IPv4 packets per protocol.
typedef unsigned char __u8;
typedef unsigned short __u16;
typedef unsigned int __u32;
typedef unsigned long long __u64;

#define SEC(name) __attribute__((section(name), used))
#define __uint(name, val) int (*name)[val]
#define __type(name, val) typeof(val) *name
#define BPF_MAP_TYPE_ARRAY 2
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

struct iphdr {
	__u8 ihl : 4, version : 4;
	__u8 tos;
	__u16 tot_len;
	__u16 id;
	__u16 frag_off;
	__u8 ttl;
	__u8 protocol;
	__u16 check;
	__u32 saddr;
	__u32 daddr;
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__type(key, __u32);
	__type(value, __u64);
	__uint(max_entries, 256);
} protocols SEC(".maps");

SEC("xdp")
int ipv4_count(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;

	if (data + 34 > (void *)(long)ctx->data_end)
		return XDP_PASS;
	struct ethhdr *eth = data;
	if (eth->h_proto != __builtin_bswap16(0x0800))
		return XDP_PASS;
	struct iphdr *ip = data + 14;
	__u32 proto = ip->protocol;
	__u64 *n = bpf_map_lookup_elem(&protocols, &proto);
	__u64 v = (n ? *n : 0) + 1;

	bpf_map_update_elem(&protocols, &proto, &v, 0);
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
