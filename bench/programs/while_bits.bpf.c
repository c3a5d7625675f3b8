// C twin of while_bits.py: population count with continue and break.
typedef unsigned int __u32;
typedef unsigned long long __u64;

#define SEC(name) __attribute__((section(name), used))
#define XDP_PASS 2

static __u64 (*bpf_ktime_get_ns)(void) = (void *)5;

__u64 sink = 0;

SEC("xdp")
int popcount(void *ctx)
{
	__u64 x = bpf_ktime_get_ns() * 0x9E3779B97F4A7C15ULL;
	__u32 n = 0;
	long long steps = 0;

	while (steps < 64) {
		steps++;
		if (x == 0)
			break;
		if ((x & 1) == 0) {
			x >>= 1;
			continue;
		}
		n++;
		x >>= 1;
	}
	sink = n;
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
