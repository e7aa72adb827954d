# One connection per process to the PoolScope host; one JSON line per event, sent with one
# sendall() as it happens (nothing buffered: os._exit, SIGKILL and crashes lose nothing already
# reported). No thread and no lock: a line is small and the kernel writes it whole.
import os
import time
import _socket
from _json import encode_basestring_ascii as _q

_path = os.environ.get('POOLSCOPE_SOCK', '')
_sock = None
_pid = 0
ns = time.monotonic_ns


def connect(kind=b''):
    """A new connection to the host, or None (no host: the program runs on unwatched)."""
    try:
        s = _socket.socket(_socket.AF_UNIX, _socket.SOCK_STREAM)
        s.connect(_path)
        if kind:
            s.sendall(kind)
        return s
    except OSError:
        return None


def open_events():
    """(Re)opens this process's event connection (at start, and in a forked child)."""
    global _sock, _pid
    old = _sock
    _sock = connect()
    _pid = os.getpid()
    if old is not None:
        try:
            old.close()  # the parent's copy: its own stays open in the parent
        except OSError:
            pass


def connected():
    return _sock is not None


def pid():
    return _pid


def _value(v):
    if v is None:
        return 'null'
    if v is True:
        return 'true'
    if v is False:
        return 'false'
    if isinstance(v, str):
        return _q(v)
    if isinstance(v, int):
        return str(int(v))
    if isinstance(v, (list, tuple)):
        return '[' + ','.join(_value(x) for x in v) + ']'
    return _q(str(v))


# budget.gate once installed: it may hold a frequent event back to merge it (budget.py).
gate = None


def send(type_, **fields):
    """Reports one event of `kind` (a RunEvent type, or a declaration) now. Never raises."""
    if _sock is not None:
        send_at(ns(), type_, **fields)


def send_at(t, type_, **fields):
    """Reports an event stamped `t`, taken before the act it reports (a release: another
    process's acquire, stamped after it returns, then always comes later). Never raises."""
    if _sock is None:
        return
    try:
        if gate is not None and gate(type_, fields, t):
            return
    except Exception:
        pass
    emit(type_, fields, t)


def emit(type_, fields, t):
    """Sends one event line stamped `t` (CLOCK_MONOTONIC ns). Never raises."""
    s = _sock
    if s is None:
        return
    try:
        parts = ['{"type":', _q(type_), ',"ns":', str(t)]
        for k, v in fields.items():
            parts.append(',"%s":%s' % (k, _value(v)))
        parts.append('}\n')
        s.sendall(''.join(parts).encode('utf-8', 'replace'))
    except Exception:
        pass
