// C twin of xdp_computed_key.py: a counter keyed by a hash of the time.
typedef unsigned int __u32;
typedef unsigned long long __u64;

#define SEC(name) __attribute__((section(name), used))
#define __uint(name, val) int (*name)[val]
#define __type(name, val) typeof(val) *name
#define BPF_MAP_TYPE_HASH 1
#define XDP_PASS 2

static void *(*bpf_map_lookup_elem)(void *map, const void *key) = (void *)1;
static long (*bpf_map_update_elem)(void *map, const void *key, const void *value, __u64 flags) = (void *)2;
static __u64 (*bpf_ktime_get_ns)(void) = (void *)5;

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__type(key, __u32);
	__type(value, __u64);
	__uint(max_entries, 256);
} buckets SEC(".maps");

SEC("xdp")
int count_by_key(void *ctx)
{
	__u64 t = bpf_ktime_get_ns();
	__u32 key = (__u32)(((t >> 10) * 2654435761ULL) >> 24) & 255;
	__u64 *seen = bpf_map_lookup_elem(&buckets, &key);
	__u64 n = (seen ? *seen : 0) + 1;

	bpf_map_update_elem(&buckets, &key, &n, 0);
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
