// C twin of counter_hash_pid.py: a per-pid HashMap counter.
typedef unsigned int __u32;
typedef unsigned long long __u64;

#define SEC(name) __attribute__((section(name), used))
#define __uint(name, val) int (*name)[val]
#define __type(name, val) typeof(val) *name
#define BPF_MAP_TYPE_HASH 1

static void *(*bpf_map_lookup_elem)(void *map, const void *key) = (void *)1;
static long (*bpf_map_update_elem)(void *map, const void *key, const void *value, __u64 flags) = (void *)2;
static __u64 (*bpf_get_current_pid_tgid)(void) = (void *)14;

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__type(key, __u32);
	__type(value, __u64);
	__uint(max_entries, 4096);
} calls SEC(".maps");

SEC("tracepoint/syscalls/sys_enter_getppid")
int count_pid(void *ctx)
{
	__u32 who = (__u32)bpf_get_current_pid_tgid();
	__u64 *seen = bpf_map_lookup_elem(&calls, &who);
	__u64 n = (seen ? *seen : 0) + 1;

	bpf_map_update_elem(&calls, &who, &n, 0);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
