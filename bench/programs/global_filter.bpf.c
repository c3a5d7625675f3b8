// C twin of global_filter.py: globals as configuration (pid filter, sampling period).
typedef unsigned int __u32;
typedef unsigned long long __u64;

#define SEC(name) __attribute__((section(name), used))
#define __uint(name, val) int (*name)[val]
#define __type(name, val) typeof(val) *name
#define BPF_MAP_TYPE_ARRAY 2

static void *(*bpf_map_lookup_elem)(void *map, const void *key) = (void *)1;
static long (*bpf_map_update_elem)(void *map, const void *key, const void *value, __u64 flags) = (void *)2;
static __u64 (*bpf_get_current_pid_tgid)(void) = (void *)14;

/* Written by user space after load, so never constant for the compiler. */
__u32 filter_pid = 0;
__u32 sample_every = 4;
__u64 seen = 0;

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__type(key, __u32);
	__type(value, __u64);
	__uint(max_entries, 2);
} sampled SEC(".maps");

SEC("tracepoint/syscalls/sys_enter_getppid")
int filtered(void *ctx)
{
	if (filter_pid != 0 && (bpf_get_current_pid_tgid() >> 32) != filter_pid)
		return 0;
	__sync_fetch_and_add(&seen, 1);
	__u32 slot = 0;
	if (sample_every != 0 && seen % sample_every == 0)
		slot = 1;
	__u64 *n = bpf_map_lookup_elem(&sampled, &slot);
	__u64 v = (n ? *n : 0) + 1;

	bpf_map_update_elem(&sampled, &slot, &v, 0);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
