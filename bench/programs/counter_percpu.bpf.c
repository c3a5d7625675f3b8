// C twin of counter_percpu.py: a PerCPUArray counter.
typedef unsigned int __u32;
typedef unsigned long long __u64;

#define SEC(name) __attribute__((section(name), used))
#define __uint(name, val) int (*name)[val]
#define __type(name, val) typeof(val) *name
#define BPF_MAP_TYPE_PERCPU_ARRAY 6
#define XDP_PASS 2

static void *(*bpf_map_lookup_elem)(void *map, const void *key) = (void *)1;
static long (*bpf_map_update_elem)(void *map, const void *key, const void *value, __u64 flags) = (void *)2;

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__type(key, __u32);
	__type(value, __u64);
	__uint(max_entries, 1);
} percpu_packets SEC(".maps");

SEC("xdp")
int count_percpu(void *ctx)
{
	__u32 k = 0;
	__u64 *p = bpf_map_lookup_elem(&percpu_packets, &k);

	if (p) {
		__u64 n = *p + 1;

		bpf_map_update_elem(&percpu_packets, &k, &n, 0);
	}
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
