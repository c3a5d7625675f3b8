// C twin of print_args.py: five values through bpf_trace_vprintk.
typedef unsigned int __u32;
typedef unsigned long long __u64;

#define SEC(name) __attribute__((section(name), used))
#define XDP_PASS 2

static __u64 (*bpf_ktime_get_ns)(void) = (void *)5;
static __u32 (*bpf_get_smp_processor_id)(void) = (void *)8;
static __u64 (*bpf_get_current_pid_tgid)(void) = (void *)14;
static long (*bpf_trace_vprintk)(const char *fmt, __u32 fmt_size, const void *data, __u32 data_len) = (void *)177;

__u64 printed = 0;

SEC("xdp")
int print_five(void *ctx)
{
	static const char fmt[] = "bench pid=%llu cpu=%u t=%llu n=%llu lo=%llx\n";

	__sync_fetch_and_add(&printed, 1);
	__u64 now = bpf_ktime_get_ns();
	__u64 args[5] = {
		(__u32)bpf_get_current_pid_tgid(),
		bpf_get_smp_processor_id(),
		now,
		printed,
		now & 0xFFFF,
	};

	bpf_trace_vprintk(fmt, sizeof(fmt), args, sizeof(args));
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
