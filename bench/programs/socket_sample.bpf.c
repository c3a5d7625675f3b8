// C twin of socket_sample.py: a socket filter keeping one packet in four.
typedef unsigned int __u32;
typedef unsigned long long __u64;

#define SEC(name) __attribute__((section(name), used))
#define __uint(name, val) int (*name)[val]
#define __type(name, val) typeof(val) *name
#define BPF_MAP_TYPE_ARRAY 2

static void *(*bpf_map_lookup_elem)(void *map, const void *key) = (void *)1;
static long (*bpf_map_update_elem)(void *map, const void *key, const void *value, __u64 flags) = (void *)2;

__u64 seen = 0;

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__type(key, __u32);
	__type(value, __u64);
	__uint(max_entries, 2);
} verdicts SEC(".maps");

SEC("socket")
int sample(void *ctx)
{
	__sync_fetch_and_add(&seen, 1);
	_Bool keep = (seen & 3) == 0;
	__u32 slot = keep ? 1 : 0;
	__u64 *n = bpf_map_lookup_elem(&verdicts, &slot);
	__u64 v = (n ? *n : 0) + 1;

	bpf_map_update_elem(&verdicts, &slot, &v, 0);
	if (keep)
		return 0xFFFF;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
