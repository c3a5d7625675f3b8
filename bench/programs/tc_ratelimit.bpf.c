// C twin of tc_ratelimit.py: a token bucket tc classifier.
typedef unsigned int __u32;
typedef unsigned long long __u64;

#define SEC(name) __attribute__((section(name), used))
#define __uint(name, val) int (*name)[val]
#define __type(name, val) typeof(val) *name
#define BPF_MAP_TYPE_ARRAY 2
#define TC_ACT_OK 0
#define TC_ACT_SHOT 2

static void *(*bpf_map_lookup_elem)(void *map, const void *key) = (void *)1;
static __u64 (*bpf_ktime_get_ns)(void) = (void *)5;

struct bucket_t {
	__u64 tokens;
	__u64 last_ns;
	__u64 drops;
};

__u64 rate_per_ms = 100;
__u64 burst = 64;

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__type(key, __u32);
	__type(value, struct bucket_t);
	__uint(max_entries, 1);
} bucket SEC(".maps");

SEC("tc")
int ratelimit(void *ctx)
{
	__u32 k = 0;
	struct bucket_t *b = bpf_map_lookup_elem(&bucket, &k);

	if (!b)
		return TC_ACT_OK;
	__u64 now = bpf_ktime_get_ns();
	__u64 tokens = b->tokens + (now - b->last_ns) / 1000000 * rate_per_ms;
	if (tokens > burst)
		tokens = burst;
	b->last_ns = now;
	if (tokens == 0) {
		b->tokens = 0;
		b->drops = b->drops + 1;
		return TC_ACT_SHOT;
	}
	b->tokens = tokens - 1;
	return TC_ACT_OK;
}

char LICENSE[] SEC("license") = "GPL";
