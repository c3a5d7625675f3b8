/* Programs for the run-statistics test: a tracepoint and a raw tracepoint
 * that both fire on getppid(), and an XDP program that cannot be attached
 * as an event. */
#include "bpf.h"

__u64 hits;

SEC("tracepoint/syscalls/sys_enter_getppid")
int on_getppid(void *ctx)
{
	__sync_fetch_and_add(&hits, 1);
	return 0;
}

SEC("raw_tp/sys_enter")
int on_raw(void *ctx)
{
	return 0;
}

SEC("xdp")
int pass(void *ctx)
{
	return 2;
}

char LICENSE[] SEC("license") = "GPL";
