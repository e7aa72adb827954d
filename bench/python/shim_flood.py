"""A synthetic shim for PoolScope's host-ingest benchmark (bench/ingest.bench.ts).

Usage (under a ProgramRun, which sets POOLSCOPE_SOCK): python3 shim_flood.py N
Opens its own connection to the host, declares one user queue and writes N queue.put lines
shaped exactly as the shim writes them, as fast as the host reads them (large sendall()s).
"""
import os
import socket
import sys
import time


def main():
    n = int(sys.argv[1])
    pid = os.getpid()
    qid = 'q%d' % pid
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.connect(os.environ['POOLSCOPE_SOCK'])
    base = time.monotonic_ns()
    s.sendall(b'{"type":"obj","ns":%d,"kind":"queue","ids":["%s"],"user":true}\n'
              % (base, qid.encode()))
    line = '{"type":"queue.put","ns":%d,"queue":"' + qid + '","pid":%d,"msg":0,"depth":%d}\n'
    lines = [(line % (base + i, pid, i % 50)).encode() for i in range(n)]
    for at in range(0, n, 2000):
        s.sendall(b''.join(lines[at:at + 2000]))
    s.close()


if __name__ == '__main__':
    main()
