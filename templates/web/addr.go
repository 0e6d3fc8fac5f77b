package web

import (
	"net"
	"net/netip"
	"slices"
)

// Hosts are the addresses at which participants on the local network can
// reach a server listening on addr: addr's own host when it names one,
// else the machine's private IPv4 addresses (then any other non-loopback
// ones), best first. It is empty when only loopback is left.
func Hosts(addr net.Addr) []string {
	tcp, ok := addr.(*net.TCPAddr)
	if !ok {
		return nil
	}
	if ip, ok := netip.AddrFromSlice(tcp.IP); ok && !ip.Unmap().IsUnspecified() {
		if ip.IsLoopback() {
			return nil
		}
		return []string{ip.Unmap().String()}
	}
	ifaces, err := net.Interfaces()
	if err != nil {
		return nil
	}
	var private, other []string
	for _, ifc := range ifaces {
		if ifc.Flags&net.FlagUp == 0 || ifc.Flags&net.FlagLoopback != 0 {
			continue
		}
		addrs, _ := ifc.Addrs()
		for _, a := range addrs {
			pfx, err := netip.ParsePrefix(a.String())
			if err != nil {
				continue
			}
			ip := pfx.Addr().Unmap()
			switch {
			case ip.IsLoopback() || ip.IsLinkLocalUnicast() || ip.IsMulticast():
			case ip.Is4() && ip.IsPrivate():
				private = append(private, ip.String())
			case ip.Is4():
				other = append(other, ip.String())
			}
		}
	}
	slices.Sort(private)
	slices.Sort(other)
	return append(private, other...)
}
