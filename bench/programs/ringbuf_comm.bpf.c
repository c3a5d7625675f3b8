// C twin of ringbuf_comm.py: a ring buffer record with the task's comm.
typedef unsigned int __u32;
typedef unsigned long long __u64;

#define SEC(name) __attribute__((section(name), used))
#define __uint(name, val) int (*name)[val]
#define __type(name, val) typeof(val) *name
#define BPF_MAP_TYPE_RINGBUF 27

static __u64 (*bpf_ktime_get_ns)(void) = (void *)5;
static __u32 (*bpf_get_smp_processor_id)(void) = (void *)8;
static __u64 (*bpf_get_current_pid_tgid)(void) = (void *)14;
static long (*bpf_get_current_comm)(void *buf, __u32 size) = (void *)16;
static void *(*bpf_ringbuf_reserve)(void *ringbuf, __u64 size, __u64 flags) = (void *)131;
static void (*bpf_ringbuf_submit)(void *data, __u64 flags) = (void *)132;

struct exec_event_t {
	__u32 pid;
	__u32 cpu;
	__u64 ts;
	char comm[16];
};

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 4194304);
} events SEC(".maps");

__u64 lost = 0;

SEC("tracepoint/syscalls/sys_enter_getppid")
int emit_ringbuf(void *ctx)
{
	struct exec_event_t *rec = bpf_ringbuf_reserve(&events, sizeof(*rec), 0);

	if (!rec) {
		__sync_fetch_and_add(&lost, 1);
		return 0;
	}
	rec->pid = (__u32)bpf_get_current_pid_tgid();
	rec->cpu = bpf_get_smp_processor_id();
	rec->ts = bpf_ktime_get_ns();
	bpf_get_current_comm(rec->comm, sizeof(rec->comm));
	bpf_ringbuf_submit(rec, 0);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
