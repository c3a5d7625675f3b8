package bench

import (
	"encoding/binary"
	"syscall"
)

// packets are the test packets a "# packet:" line may name. Each is a
// well-formed frame (correct lengths, an IPv4 header checksum) so that the
// parsers take their full path to the map update, which is the work worth
// measuring; a zeroed packet would leave at the first EtherType test.
var packets = map[string]func() []byte{
	"ipv4-udp":     func() []byte { return ipv4Frame(17, udpHeader(40000, 53, 18)) },
	"ipv4-tcp-syn": func() []byte { return ipv4Frame(6, tcpHeader(40000, 443, 0x02)) },
	"ipv6-tcp":     func() []byte { return ipv6Frame(6, tcpHeader(40000, 443, 0x10)) },
}

// minFrame pads frames to the Ethernet minimum (without FCS), as a NIC
// would deliver them.
const minFrame = 60

func ethernet(etherType uint16) []byte {
	b := []byte{
		0x02, 0, 0, 0, 0, 0x02, // destination: locally administered
		0x02, 0, 0, 0, 0, 0x01, // source
		0, 0,
	}
	binary.BigEndian.PutUint16(b[12:], etherType)
	return b
}

func ipv4Frame(proto byte, l4 []byte) []byte {
	ip := make([]byte, 20)
	ip[0] = 0x45 // version 4, 5 words
	binary.BigEndian.PutUint16(ip[2:], uint16(20+len(l4)))
	ip[8] = 64 // TTL
	ip[9] = proto
	copy(ip[12:], []byte{192, 0, 2, 1})
	copy(ip[16:], []byte{192, 0, 2, 2})
	binary.BigEndian.PutUint16(ip[10:], checksum(ip))
	return pad(append(append(ethernet(0x0800), ip...), l4...))
}

func ipv6Frame(next byte, l4 []byte) []byte {
	ip := make([]byte, 40)
	ip[0] = 0x60
	binary.BigEndian.PutUint16(ip[4:], uint16(len(l4)))
	ip[6] = next
	ip[7] = 64 // hop limit
	ip[8], ip[9], ip[23] = 0x20, 0x01, 1
	ip[24], ip[25], ip[39] = 0x20, 0x01, 2
	return pad(append(append(ethernet(0x86DD), ip...), l4...))
}

func udpHeader(sport, dport, length uint16) []byte {
	b := make([]byte, 8, length)
	binary.BigEndian.PutUint16(b[0:], sport)
	binary.BigEndian.PutUint16(b[2:], dport)
	binary.BigEndian.PutUint16(b[4:], length)
	return b[:length]
}

func tcpHeader(sport, dport uint16, flags byte) []byte {
	b := make([]byte, 20)
	binary.BigEndian.PutUint16(b[0:], sport)
	binary.BigEndian.PutUint16(b[2:], dport)
	binary.BigEndian.PutUint32(b[4:], 1)
	b[12] = 5 << 4 // data offset: 5 words
	b[13] = flags
	binary.BigEndian.PutUint16(b[14:], 65535)
	return b
}

func pad(b []byte) []byte {
	for len(b) < minFrame {
		b = append(b, 0)
	}
	return b
}

// checksum is the Internet checksum (RFC 1071) of b.
func checksum(b []byte) uint16 {
	var sum uint32
	for i := 0; i+1 < len(b); i += 2 {
		sum += uint32(binary.BigEndian.Uint16(b[i:]))
	}
	if len(b)%2 == 1 {
		sum += uint32(b[len(b)-1]) << 8
	}
	for sum > 0xFFFF {
		sum = sum&0xFFFF + sum>>16
	}
	return ^uint16(sum)
}

// triggers are the events a "# trigger:" line may name: each call fires
// the program's tracepoint once in this process. getppid is the usual
// choice because it does no work of its own and few processes call it,
// so the measured runs are nearly all ours.
var triggers = map[string]func(){
	"getppid": func() { syscall.Getppid() },
}
