package loader

import "github.com/cilium/ebpf"

// The loader's callers must not import cilium/ebpf, so program and map types
// leave this package as the kernel's own names (BPF_PROG_TYPE_XDP → "XDP",
// BPF_MAP_TYPE_PERCPU_HASH → "PERCPU_HASH"), the spelling LANGUAGE.md's
// section table and every kernel document use. cilium's String() names
// ("SchedCLS", "LRUCPUHash") are its own and may change between releases.

var progTypeNames = map[ebpf.ProgramType]string{
	ebpf.UnspecifiedProgram:    "UNSPEC",
	ebpf.SocketFilter:          "SOCKET_FILTER",
	ebpf.Kprobe:                "KPROBE",
	ebpf.SchedCLS:              "SCHED_CLS",
	ebpf.SchedACT:              "SCHED_ACT",
	ebpf.TracePoint:            "TRACEPOINT",
	ebpf.XDP:                   "XDP",
	ebpf.PerfEvent:             "PERF_EVENT",
	ebpf.CGroupSKB:             "CGROUP_SKB",
	ebpf.CGroupSock:            "CGROUP_SOCK",
	ebpf.LWTIn:                 "LWT_IN",
	ebpf.LWTOut:                "LWT_OUT",
	ebpf.LWTXmit:               "LWT_XMIT",
	ebpf.SockOps:               "SOCK_OPS",
	ebpf.SkSKB:                 "SK_SKB",
	ebpf.CGroupDevice:          "CGROUP_DEVICE",
	ebpf.SkMsg:                 "SK_MSG",
	ebpf.RawTracepoint:         "RAW_TRACEPOINT",
	ebpf.CGroupSockAddr:        "CGROUP_SOCK_ADDR",
	ebpf.LWTSeg6Local:          "LWT_SEG6LOCAL",
	ebpf.LircMode2:             "LIRC_MODE2",
	ebpf.SkReuseport:           "SK_REUSEPORT",
	ebpf.FlowDissector:         "FLOW_DISSECTOR",
	ebpf.CGroupSysctl:          "CGROUP_SYSCTL",
	ebpf.RawTracepointWritable: "RAW_TRACEPOINT_WRITABLE",
	ebpf.CGroupSockopt:         "CGROUP_SOCKOPT",
	ebpf.Tracing:               "TRACING",
	ebpf.StructOps:             "STRUCT_OPS",
	ebpf.Extension:             "EXT",
	ebpf.LSM:                   "LSM",
	ebpf.SkLookup:              "SK_LOOKUP",
	ebpf.Syscall:               "SYSCALL",
	ebpf.Netfilter:             "NETFILTER",
}

var mapTypeNames = map[ebpf.MapType]string{
	ebpf.UnspecifiedMap:      "UNSPEC",
	ebpf.Hash:                "HASH",
	ebpf.Array:               "ARRAY",
	ebpf.ProgramArray:        "PROG_ARRAY",
	ebpf.PerfEventArray:      "PERF_EVENT_ARRAY",
	ebpf.PerCPUHash:          "PERCPU_HASH",
	ebpf.PerCPUArray:         "PERCPU_ARRAY",
	ebpf.StackTrace:          "STACK_TRACE",
	ebpf.CGroupArray:         "CGROUP_ARRAY",
	ebpf.LRUHash:             "LRU_HASH",
	ebpf.LRUCPUHash:          "LRU_PERCPU_HASH",
	ebpf.LPMTrie:             "LPM_TRIE",
	ebpf.ArrayOfMaps:         "ARRAY_OF_MAPS",
	ebpf.HashOfMaps:          "HASH_OF_MAPS",
	ebpf.DevMap:              "DEVMAP",
	ebpf.SockMap:             "SOCKMAP",
	ebpf.CPUMap:              "CPUMAP",
	ebpf.XSKMap:              "XSKMAP",
	ebpf.SockHash:            "SOCKHASH",
	ebpf.CGroupStorage:       "CGROUP_STORAGE",
	ebpf.ReusePortSockArray:  "REUSEPORT_SOCKARRAY",
	ebpf.PerCPUCGroupStorage: "PERCPU_CGROUP_STORAGE",
	ebpf.Queue:               "QUEUE",
	ebpf.Stack:               "STACK",
	ebpf.SkStorage:           "SK_STORAGE",
	ebpf.DevMapHash:          "DEVMAP_HASH",
	ebpf.StructOpsMap:        "STRUCT_OPS",
	ebpf.RingBuf:             "RINGBUF",
	ebpf.InodeStorage:        "INODE_STORAGE",
	ebpf.TaskStorage:         "TASK_STORAGE",
	ebpf.BloomFilter:         "BLOOM_FILTER",
	ebpf.UserRingbuf:         "USER_RINGBUF",
	ebpf.CgroupStorage:       "CGRP_STORAGE",
	ebpf.Arena:               "ARENA",
}

func progTypeName(t ebpf.ProgramType) string {
	if n, ok := progTypeNames[t]; ok {
		return n
	}
	return t.String()
}

func mapTypeName(t ebpf.MapType) string {
	if n, ok := mapTypeNames[t]; ok {
		return n
	}
	return t.String()
}

// perCPU reports whether lookups of a map of type t return one value per
// possible CPU (cilium keeps its own predicate unexported).
func perCPU(t ebpf.MapType) bool {
	switch t {
	case ebpf.PerCPUHash, ebpf.PerCPUArray, ebpf.LRUCPUHash, ebpf.PerCPUCGroupStorage:
		return true
	}
	return false
}

// packetProgram reports whether BPF_PROG_TEST_RUN takes packet data for
// programs of type t (and so whether Run supplies a default packet).
func packetProgram(t ebpf.ProgramType) bool {
	switch t {
	case ebpf.XDP, ebpf.SchedCLS, ebpf.SchedACT, ebpf.SocketFilter,
		ebpf.CGroupSKB, ebpf.LWTIn, ebpf.LWTOut, ebpf.LWTXmit, ebpf.LWTSeg6Local,
		ebpf.FlowDissector:
		return true
	}
	return false
}
