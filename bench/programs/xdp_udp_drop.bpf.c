// C twin of xdp_udp_drop.py: drop UDP to a blocked port (IPv4 without options, as the Python program).
typedef unsigned char __u8;
typedef unsigned short __u16;
typedef unsigned int __u32;
typedef unsigned long long __u64;

#define SEC(name) __attribute__((section(name), used))
#define XDP_DROP 1
#define XDP_PASS 2

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

struct udphdr {
	__u16 source;
	__u16 dest;
	__u16 len;
	__u16 check;
};

__u16 blocked_port = 53;
__u64 dropped = 0;

SEC("xdp")
int udp_drop(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;

	if (data + 42 > (void *)(long)ctx->data_end)
		return XDP_PASS;
	struct ethhdr *eth = data;
	if (eth->h_proto != __builtin_bswap16(0x0800))
		return XDP_PASS;
	struct iphdr *ip = data + 14;
	if (ip->protocol != 17)
		return XDP_PASS;
	struct udphdr *udp = data + 34;
	if (__builtin_bswap16(udp->dest) != blocked_port)
		return XDP_PASS;
	__sync_fetch_and_add(&dropped, 1);
	return XDP_DROP;
}

char LICENSE[] SEC("license") = "GPL";
