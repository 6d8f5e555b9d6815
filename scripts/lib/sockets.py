#!/usr/bin/env python3
"""The sockets a process has open, read from /proc (no other tool needed).

    sockets.py PID            prints one line per socket: protocol, local address, state
    sockets.py PID --loopback exits 1, naming them, if any socket is bound elsewhere than
                              127.0.0.1 / ::1 (a listening or bound socket on 0.0.0.0 or a
                              public address); exits 1 too if the process has no socket.
Threads share the process's descriptors, so /proc/PID/fd covers every thread.
"""
import os
import socket
import struct
import sys

TCP_STATES = {"0A": "LISTEN", "01": "ESTABLISHED", "06": "TIME_WAIT", "08": "CLOSE_WAIT"}


def inodes(pid):
    out = set()
    for fd in os.listdir(f"/proc/{pid}/fd"):
        try:
            target = os.readlink(f"/proc/{pid}/fd/{fd}")
        except OSError:
            continue
        if target.startswith("socket:["):
            out.add(target[8:-1])
    return out


def address(hex_addr):
    ip_hex, port_hex = hex_addr.split(":")
    raw = bytes.fromhex(ip_hex)
    if len(raw) == 4:
        ip = socket.inet_ntop(socket.AF_INET, struct.pack("<I", struct.unpack(">I", raw)[0]))
    else:
        words = struct.unpack("<4I", raw)
        ip = socket.inet_ntop(socket.AF_INET6, struct.pack(">4I", *words))
    return ip, int(port_hex, 16)


def sockets(pid):
    mine = inodes(pid)
    found = []
    for proto in ("tcp", "tcp6", "udp", "udp6"):
        try:
            lines = open(f"/proc/{pid}/net/{proto}").read().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            fields = line.split()
            if fields[9] not in mine:
                continue
            ip, port = address(fields[1])
            state = TCP_STATES.get(fields[3], fields[3]) if proto.startswith("tcp") else "bound"
            found.append((proto, ip, port, state))
    return sorted(found)


def loopback(ip):
    return ip.startswith("127.") or ip == "::1" or ip.startswith("::ffff:127.")


def main():
    pid = sys.argv[1]
    found = sockets(pid)
    for proto, ip, port, state in found:
        print(f"{proto:5} {ip}:{port} {state}")
    if "--loopback" in sys.argv[2:]:
        if not found:
            print(f"process {pid} has no socket", file=sys.stderr)
            sys.exit(1)
        outside = [s for s in found if not loopback(s[1])]
        if outside:
            for proto, ip, port, state in outside:
                print(f"NOT LOOPBACK: {proto} {ip}:{port} {state}", file=sys.stderr)
            sys.exit(1)
        print(f"ok: all {len(found)} sockets of process {pid} are on loopback")


if __name__ == "__main__":
    main()
