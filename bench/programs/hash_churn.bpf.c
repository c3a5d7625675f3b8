// C twin of hash_churn.py: insert, lookup and delete of a short-lived entry.
typedef unsigned int __u32;
typedef unsigned long long __u64;

#define SEC(name) __attribute__((section(name), used))
#define __uint(name, val) int (*name)[val]
#define __type(name, val) typeof(val) *name
#define BPF_MAP_TYPE_HASH 1
#define BPF_NOEXIST 1
#define XDP_PASS 2

static void *(*bpf_map_lookup_elem)(void *map, const void *key) = (void *)1;
static long (*bpf_map_update_elem)(void *map, const void *key, const void *value, __u64 flags) = (void *)2;
static long (*bpf_map_delete_elem)(void *map, const void *key) = (void *)3;
static __u64 (*bpf_ktime_get_ns)(void) = (void *)5;
static __u32 (*bpf_get_prandom_u32)(void) = (void *)7;

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__type(key, __u64);
	__type(value, __u64);
	__uint(max_entries, 1024);
} pending SEC(".maps");

__u64 mismatches = 0;

SEC("xdp")
int churn(void *ctx)
{
	__u64 k = (__u64)bpf_get_prandom_u32() << 32 | (__u32)bpf_ktime_get_ns();
	__u64 now = bpf_ktime_get_ns();

	if (bpf_map_update_elem(&pending, &k, &now, BPF_NOEXIST) != 0)
		return XDP_PASS;
	__u64 *v = bpf_map_lookup_elem(&pending, &k);
	if (!v || *v != now)
		__sync_fetch_and_add(&mismatches, 1);
	bpf_map_delete_elem(&pending, &k);
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
