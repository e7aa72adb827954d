# One connection per process to the PoolScope host; one JSON line per event, sent with one
# sendall() as it happens (nothing buffered: os._exit, SIGKILL and crashes lose nothing already
# reported). No thread and no lock: a line is small and the kernel writes it whole.
# The frequent events (hot(): puts, gets, lock pairs, pipe messages) take a path of their own,
# positional and without a dict, because past the budget (budget.py) they are only counted.
import os
import time
import _socket
from _json import encode_basestring_ascii as _q

_path = os.environ.get('POOLSCOPE_SOCK', '')
_sock = None
_pid = 0
ns = time.monotonic_ns

# The frequent events, and the field naming their object.
HOT = {'queue.put': 'queue', 'queue.get': 'queue', 'lock.acquire': 'lock',
       'lock.release': 'lock', 'pipe.send': 'pipe', 'pipe.recv': 'pipe'}


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


# Set by budget.install: hold(type_, oid, t, depth, nbytes, blocked) -> True when a frequent
# event is held to be merged; before_other(t) sends what is held before any other event.
hold = None
before_other = None


def send(type_, **fields):
    """Reports one event of `kind` (a RunEvent type, or a declaration) now. Never raises."""
    if _sock is not None:
        send_at(ns(), type_, **fields)


def send_at(t, type_, **fields):
    """Reports an event stamped `t`. Never raises."""
    if _sock is None:
        return
    try:
        if before_other is not None:
            before_other(t)
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


def hot_line(type_, oid, t, depth, nbytes, blocked, n):
    """The line of a frequent event; `n` > 0: the merge of n of them (budget.py)."""
    field = HOT[type_]
    line = '{"type":"%s","ns":%d,"%s":%s,"pid":%d' % (type_, t, field, _q(oid), _pid)
    if field == 'queue':
        line += ',"msg":0,"depth":%d%s' % (depth, ',"blocked":true' if blocked else '')
    elif field == 'pipe':
        line += ',"bytes":%d' % nbytes
    return line + (',"n":%d}\n' % n if n else '}\n')


def hot(type_, oid, t, depth=-1, nbytes=0, blocked=False):
    """Reports a frequent event of object `oid` stamped `t` (a queue's depth after it, a pipe
    message's size). Never raises."""
    s = _sock
    if s is None:
        return
    try:
        if hold is not None and hold(type_, oid, t, depth, nbytes, blocked):
            return
        s.sendall(hot_line(type_, oid, t, depth, nbytes, blocked, 0).encode())
    except Exception:
        pass


def send_lines(lines):
    """Sends lines already made, in one write. Never raises."""
    s = _sock
    if s is None or not lines:
        return
    try:
        s.sendall(''.join(lines).encode('utf-8', 'replace'))
    except Exception:
        pass
