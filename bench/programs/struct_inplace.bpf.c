// C twin of struct_inplace.py: a struct map value updated in place.
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
static __u32 (*bpf_get_smp_processor_id)(void) = (void *)8;

struct flow_t {
	__u64 packets;
	__u64 bytes;
	__u64 first_ns;
	__u64 last_ns;
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__type(key, __u32);
	__type(value, struct flow_t);
	__uint(max_entries, 1024);
} flows SEC(".maps");

SEC("xdp")
int flow_update(void *ctx)
{
	__u32 k = bpf_get_smp_processor_id();
	__u64 now = bpf_ktime_get_ns();
	struct flow_t *f = bpf_map_lookup_elem(&flows, &k);

	if (f) {
		__sync_fetch_and_add(&f->packets, 1);
		__sync_fetch_and_add(&f->bytes, 64);
		f->last_ns = now;
	} else {
		struct flow_t v = {
			.packets = 1,
			.bytes = 64,
			.first_ns = now,
			.last_ns = now,
		};

		bpf_map_update_elem(&flows, &k, &v, 0);
	}
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
