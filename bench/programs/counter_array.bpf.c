// C twin of counter_array.py: an ArrayMap counter, one slot per CPU modulo 4.
typedef unsigned int __u32;
typedef unsigned long long __u64;

#define SEC(name) __attribute__((section(name), used))
#define __uint(name, val) int (*name)[val]
#define __type(name, val) typeof(val) *name
#define BPF_MAP_TYPE_ARRAY 2
#define XDP_PASS 2

static void *(*bpf_map_lookup_elem)(void *map, const void *key) = (void *)1;
static long (*bpf_map_update_elem)(void *map, const void *key, const void *value, __u64 flags) = (void *)2;
static __u32 (*bpf_get_smp_processor_id)(void) = (void *)8;

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__type(key, __u32);
	__type(value, __u64);
	__uint(max_entries, 4);
} packets SEC(".maps");

SEC("xdp")
int count_array(void *ctx)
{
	__u32 slot = bpf_get_smp_processor_id() & 3;
	__u64 *p = bpf_map_lookup_elem(&packets, &slot);
	__u64 n = (p ? *p : 0) + 1;

	bpf_map_update_elem(&packets, &slot, &n, 0);
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
