// C twin of raw_tp_syscalls.py: an LRUHash syscall counter per process.
typedef unsigned int __u32;
typedef unsigned long long __u64;

#define SEC(name) __attribute__((section(name), used))
#define __uint(name, val) int (*name)[val]
#define __type(name, val) typeof(val) *name
#define BPF_MAP_TYPE_LRU_HASH 9

static void *(*bpf_map_lookup_elem)(void *map, const void *key) = (void *)1;
static long (*bpf_map_update_elem)(void *map, const void *key, const void *value, __u64 flags) = (void *)2;
static __u64 (*bpf_get_current_pid_tgid)(void) = (void *)14;

struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__type(key, __u32);
	__type(value, __u64);
	__uint(max_entries, 1024);
} per_process SEC(".maps");

SEC("raw_tracepoint/sys_enter")
int count_syscalls(void *ctx)
{
	__u32 who = bpf_get_current_pid_tgid() >> 32;
	__u64 *n = bpf_map_lookup_elem(&per_process, &who);
	__u64 v = (n ? *n : 0) + 1;

	bpf_map_update_elem(&per_process, &who, &v, 0);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
