// C twin of loop_large.py: 200 LCG steps with a data-dependent branch.
typedef unsigned long long __u64;

#define SEC(name) __attribute__((section(name), used))
#define XDP_PASS 2

static __u64 (*bpf_ktime_get_ns)(void) = (void *)5;

__u64 sink = 0;

SEC("xdp")
int lcg200(void *ctx)
{
	__u64 h = bpf_ktime_get_ns();
	__u64 acc = 0;

	for (long long i = 0; i < 200; i++) {
		h = h * 6364136223846793005ULL + 1442695040888963407ULL;
		if (h >> 63)
			acc += h >> 56;
		else
			acc ^= h;
	}
	sink = acc;
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
