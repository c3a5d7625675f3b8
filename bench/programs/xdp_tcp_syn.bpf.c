// C twin of xdp_tcp_syn.py: count TCP SYNs per destination port.
typedef unsigned char __u8;
typedef unsigned short __u16;
typedef unsigned int __u32;
typedef unsigned long long __u64;

#define SEC(name) __attribute__((section(name), used))
#define __uint(name, val) int (*name)[val]
#define __type(name, val) typeof(val) *name
#define BPF_MAP_TYPE_HASH 1
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

/* The same header layouts as the Python program's @struct classes. */
struct eth_t {
	__u16 dst0, dst1, dst2;
	__u16 src0, src1, src2;
	__u16 proto;
};

struct ipv4_t {
	__u8 ver_ihl;
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

struct tcp_t {
	__u16 sport;
	__u16 dport;
	__u32 seq;
	__u32 ack_seq;
	__u16 off_flags;
	__u16 window;
	__u16 check;
	__u16 urg_ptr;
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__type(key, __u16);
	__type(value, __u64);
	__uint(max_entries, 1024);
} syns SEC(".maps");

SEC("xdp")
int tcp_syn(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;

	if (data + 34 > data_end)
		return XDP_PASS;
	struct eth_t *eth = data;
	if (eth->proto != __builtin_bswap16(0x0800))
		return XDP_PASS;
	struct ipv4_t *ip = data + 14;
	__u32 ihl = (__u32)(ip->ver_ihl & 0xF) * 4;
	if (ip->protocol != 6 || ihl < 20)
		return XDP_PASS;
	if (data + 14 + ihl + 20 > data_end)
		return XDP_PASS;
	struct tcp_t *tcp = data + 14 + ihl;
	__u16 flags = __builtin_bswap16(tcp->off_flags) & 0x3F;
	if ((flags & 0x12) != 0x02)
		return XDP_PASS;
	__u16 port = __builtin_bswap16(tcp->dport);
	__u64 *n = bpf_map_lookup_elem(&syns, &port);
	__u64 v = (n ? *n : 0) + 1;

	bpf_map_update_elem(&syns, &port, &v, 0);
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
