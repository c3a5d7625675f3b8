/* A tracepoint that does not exist: AttachAll must say so and name it. */
#include "bpf.h"

SEC("tracepoint/syscalls/sys_enter_nope")
int on_nope(void *ctx)
{
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
