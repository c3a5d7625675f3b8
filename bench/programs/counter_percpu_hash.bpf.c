// C twin of counter_percpu_hash.py: a PerCPUHash counter per pid.
typedef unsigned int __u32;
typedef unsigned long long __u64;

#define SEC(name) __attribute__((section(name), used))
#define __uint(name, val) int (*name)[val]
#define __type(name, val) typeof(val) *name
#define BPF_MAP_TYPE_PERCPU_HASH 5
#define BPF_NOEXIST 1
#define BPF_EXIST 2
#define XDP_PASS 2

static void *(*bpf_map_lookup_elem)(void *map, const void *key) = (void *)1;
static long (*bpf_map_update_elem)(void *map, const void *key, const void *value, __u64 flags) = (void *)2;
static __u64 (*bpf_get_current_pid_tgid)(void) = (void *)14;

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_HASH);
	__type(key, __u32);
	__type(value, __u64);
	__uint(max_entries, 1024);
} per_pid SEC(".maps");

SEC("xdp")
int count_percpu_pid(void *ctx)
{
	__u32 who = (__u32)bpf_get_current_pid_tgid();
	__u64 *n = bpf_map_lookup_elem(&per_pid, &who);

	if (n) {
		__u64 v = *n + 1;

		bpf_map_update_elem(&per_pid, &who, &v, BPF_EXIST);
	} else {
		__u64 one = 1;

		bpf_map_update_elem(&per_pid, &who, &one, BPF_NOEXIST);
	}
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
