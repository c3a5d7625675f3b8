// C twin of nested_cond.py: nested conditions choosing one of 8 classes.
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
static __u64 (*bpf_ktime_get_ns)(void) = (void *)5;
static __u32 (*bpf_get_prandom_u32)(void) = (void *)7;
static __u32 (*bpf_get_smp_processor_id)(void) = (void *)8;

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__type(key, __u32);
	__type(value, __u64);
	__uint(max_entries, 8);
} classes SEC(".maps");

SEC("xdp")
int classify(void *ctx)
{
	__u32 r = bpf_get_prandom_u32();
	__u64 t = bpf_ktime_get_ns();
	__u32 cpu = bpf_get_smp_processor_id();
	__u32 cls = 0;

	if (r & 1) {
		if ((r & 2) && cpu < 4)
			cls = 1;
		else if (((t >> 8) & 1) || r > 3000000000U)
			cls = (t & 2) ? 2 : 3;
		else
			cls = 4;
	} else {
		if (!(r & 4)) {
			if (r < 1000)
				cls = 5;
			else
				cls = 6;
		} else {
			cls = 7;
		}
	}
	__u64 *n = bpf_map_lookup_elem(&classes, &cls);
	__u64 v = (n ? *n : 0) + 1;

	bpf_map_update_elem(&classes, &cls, &v, 0);
	return cls == 5 ? XDP_DROP : XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
