/* Programs for the attach, record and map-dump tests: a tracepoint and a
 * raw tracepoint that both fire on getppid(), a ring buffer and a perf
 * event array carrying a struct record, a struct-valued hash map, a
 * *_hist map and a socket filter (never attached automatically). Kept in
 * C because the compiler does not lower structs and ring buffers yet. */
#include "bpf.h"

#define BPF_MAP_TYPE_PERF_EVENT_ARRAY 4
#define BPF_MAP_TYPE_RINGBUF 27
#define BPF_F_CURRENT_CPU 0xffffffffULL

typedef int __s32;

static long (*bpf_ringbuf_output)(void *ringbuf, void *data, __u64 size, __u64 flags) = (void *)130;
static long (*bpf_perf_event_output)(void *ctx, void *map, __u64 flags, void *data, __u64 size) = (void *)25;
static long (*bpf_get_current_comm)(void *buf, __u32 size) = (void *)16;

struct event {
	__u8 kind;
	__u32 pid;
	__u64 big;
	__s32 neg;
	char comm[16];
};

struct stat {
	__u32 calls;
	__s32 last;
	char tag[8];
};

__u64 tp_hits;   /* .bss */
__u64 raw_hits;  /* .bss */
__u32 watch_pid; /* .bss: set by the test, 0 until then */

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 4096);
} events SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERF_EVENT_ARRAY);
	__uint(key_size, 4);
	__uint(value_size, 4);
} perf_events SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 16);
	__type(key, __u32);
	__type(value, struct stat);
} stats SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 64);
	__type(key, __u32);
	__type(value, __u64);
} lat_hist SEC(".maps");

SEC("tracepoint/syscalls/sys_enter_getppid")
int on_getppid(void *ctx)
{
	__u32 pid = (__u32)bpf_get_current_pid_tgid();
	struct event e = {.kind = 3, .pid = pid, .big = 0xffffffffffffffffULL, .neg = -42};
	struct stat s = {.last = -1, .tag = "ok"}, *p;
	__u32 key = 1;
	__u64 *n;

	if (pid != watch_pid)
		return 0;
	__sync_fetch_and_add(&tp_hits, 1);
	bpf_get_current_comm(e.comm, sizeof(e.comm));
	bpf_ringbuf_output(&events, &e, sizeof(e), 0);
	bpf_perf_event_output(ctx, &perf_events, BPF_F_CURRENT_CPU, &e, sizeof(e));
	p = bpf_map_lookup_elem(&stats, &key);
	if (p) {
		p->calls++;
	} else {
		s.calls = 1;
		bpf_map_update_elem(&stats, &key, &s, BPF_ANY);
	}
	key = 3; /* values in [8, 16) */
	n = bpf_map_lookup_elem(&lat_hist, &key);
	if (n)
		__sync_fetch_and_add(n, 1);
	return 0;
}

SEC("raw_tp/sys_enter")
int on_raw(void *ctx)
{
	if ((__u32)bpf_get_current_pid_tgid() == watch_pid)
		__sync_fetch_and_add(&raw_hits, 1);
	return 0;
}

SEC("socket")
int sock(void *ctx)
{
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
