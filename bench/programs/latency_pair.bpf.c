// C twin of latency_pair.py: syscall latency as a log2 histogram.
typedef unsigned int __u32;
typedef unsigned long long __u64;

#define SEC(name) __attribute__((section(name), used))
#define __uint(name, val) int (*name)[val]
#define __type(name, val) typeof(val) *name
#define BPF_MAP_TYPE_HASH 1
#define BPF_MAP_TYPE_ARRAY 2

static void *(*bpf_map_lookup_elem)(void *map, const void *key) = (void *)1;
static long (*bpf_map_update_elem)(void *map, const void *key, const void *value, __u64 flags) = (void *)2;
static long (*bpf_map_delete_elem)(void *map, const void *key) = (void *)3;
static __u64 (*bpf_ktime_get_ns)(void) = (void *)5;
static __u64 (*bpf_get_current_pid_tgid)(void) = (void *)14;

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__type(key, __u32);
	__type(value, __u64);
	__uint(max_entries, 4096);
} start SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__type(key, __u32);
	__type(value, __u64);
	__uint(max_entries, 32);
} hist SEC(".maps");

SEC("tracepoint/syscalls/sys_enter_getppid")
int lat_enter(void *ctx)
{
	__u32 who = (__u32)bpf_get_current_pid_tgid();
	__u64 now = bpf_ktime_get_ns();

	bpf_map_update_elem(&start, &who, &now, 0);
	return 0;
}

SEC("tracepoint/syscalls/sys_exit_getppid")
int lat_exit(void *ctx)
{
	__u32 who = (__u32)bpf_get_current_pid_tgid();
	__u64 *t0 = bpf_map_lookup_elem(&start, &who);

	if (!t0)
		return 0;
	__u64 delta = bpf_ktime_get_ns() - *t0;
	bpf_map_delete_elem(&start, &who);
	__u32 slot = 0;
	for (int i = 0; i < 31; i++) {
		if (delta <= 1)
			break;
		delta >>= 1;
		slot++;
	}
	__u64 *n = bpf_map_lookup_elem(&hist, &slot);
	__u64 v = (n ? *n : 0) + 1;

	bpf_map_update_elem(&hist, &slot, &v, 0);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
