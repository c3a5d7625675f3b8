// C twin of loop_small.py: FNV-1a over the 8 bytes of ktime().
typedef unsigned long long __u64;

#define SEC(name) __attribute__((section(name), used))
#define XDP_PASS 2

static __u64 (*bpf_ktime_get_ns)(void) = (void *)5;

__u64 sink = 0;

SEC("xdp")
int fnv8(void *ctx)
{
	__u64 x = bpf_ktime_get_ns();
	__u64 h = 14695981039346656037ULL;

	for (long long i = 0; i < 8; i++)
		h = (h ^ ((x >> (i * 8)) & 0xFF)) * 1099511628211ULL;
	sink = h;
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
