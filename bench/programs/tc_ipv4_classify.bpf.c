// C twin of tc_ipv4_classify.py: a tc IPv4 classifier counting bytes per protocol.
typedef unsigned char __u8;
typedef unsigned short __u16;
typedef unsigned int __u32;
typedef unsigned long long __u64;

#define SEC(name) __attribute__((section(name), used))
#define __uint(name, val) int (*name)[val]
#define __type(name, val) typeof(val) *name
#define BPF_MAP_TYPE_PERCPU_ARRAY 6
#define TC_ACT_OK 0
#define TC_ACT_SHOT 2

static void *(*bpf_map_lookup_elem)(void *map, const void *key) = (void *)1;
static long (*bpf_map_update_elem)(void *map, const void *key, const void *value, __u64 flags) = (void *)2;

/* The leading members of the kernel's struct __sk_buff, up to data_end. */
struct __sk_buff {
	__u32 len;
	__u32 pkt_type;
	__u32 mark;
	__u32 queue_mapping;
	__u32 protocol;
	__u32 vlan_present;
	__u32 vlan_tci;
	__u32 vlan_proto;
	__u32 priority;
	__u32 ingress_ifindex;
	__u32 ifindex;
	__u32 tc_index;
	__u32 cb[5];
	__u32 hash;
	__u32 tc_classid;
	__u32 data;
	__u32 data_end;
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
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__type(key, __u32);
	__type(value, __u64);
	__uint(max_entries, 256);
} proto_bytes SEC(".maps");

SEC("tc")
int ipv4_classify(struct __sk_buff *ctx)
{
	void *data = (void *)(long)ctx->data;

	if (data + 34 > (void *)(long)ctx->data_end)
		return TC_ACT_OK;
	struct ethhdr *eth = data;
	if (eth->h_proto != __builtin_bswap16(0x0800))
		return TC_ACT_OK;
	struct iphdr *ip = data + 14;
	if (ip->protocol == 1 && ip->ttl < 2)
		return TC_ACT_SHOT;
	__u32 proto = ip->protocol;
	__u64 *n = bpf_map_lookup_elem(&proto_bytes, &proto);
	if (n) {
		__u64 v = *n + ctx->len;

		bpf_map_update_elem(&proto_bytes, &proto, &v, 0);
	}
	return TC_ACT_OK;
}

char LICENSE[] SEC("license") = "GPL";
