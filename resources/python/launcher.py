# PoolScope's launcher for a watched Python program (run as `python -I -S launcher.py HOST_PID
# NICE PROGRAM...`, itself never instrumented). It makes itself the subreaper of the program's tree,
# so that orphans (a double fork, setsid) come back to it: it reaps every process of the tree
# and reports each exit to the host, and it exits once the tree is empty, with the program's
# status. SIGTERM (from the host, or sent by the kernel when the host dies) ends the whole tree:
# SIGTERM to every descendant, SIGKILL to what is left a grace period later.
# Its start is part of every watched run's cost, so it imports only built-in C modules: `signal`,
# `socket`, `json` and `ctypes` would cost ~25 ms of CPU more (enum, re, selectors), measured in
# docs/measurements.md.
import _ctypes
import _signal as signal
import _socket
import os
import sys
from time import monotonic_ns

PR_SET_PDEATHSIG = 1
PR_SET_CHILD_SUBREAPER = 36
GRACE_S = float(os.environ.get('POOLSCOPE_GRACE_S') or 2.0)


def descendants(root):
    """PIDs under `root` in the process tree, read from /proc (deepest last)."""
    children = {}
    for name in os.listdir('/proc'):
        if not name.isdigit():
            continue
        try:
            with open('/proc/%s/stat' % name, 'rb') as f:
                stat = f.read()
        except OSError:
            continue
        fields = stat[stat.rindex(b')') + 2:].split()
        children.setdefault(int(fields[1]), []).append(int(name))
    out, todo = [], [root]
    while todo:
        for pid in children.get(todo.pop(), ()):
            out.append(pid)
            todo.append(pid)
    return out


def signal_tree(sig):
    for pid in descendants(os.getpid()):
        try:
            os.kill(pid, sig)
        except OSError:
            pass


class _Int(_ctypes._SimpleCData):
    _type_ = 'i'


class _CFunc(_ctypes.CFuncPtr):
    _flags_ = _ctypes.FUNCFLAG_CDECL | _ctypes.FUNCFLAG_USE_ERRNO
    _restype_ = _Int


class _Process:
    """This process's own symbols (libc among them), as ctypes.CDLL(None) finds them."""
    _handle = _ctypes.dlopen(None, os.RTLD_NOW)


def _json(value):
    """A JSON value of the few kinds the launcher reports (None, int, str)."""
    if value is None:
        return 'null'
    if isinstance(value, int):
        return str(value)
    if value.isalnum() or value in ('launcher', 'proc.exit'):
        return '"%s"' % value
    from _json import encode_basestring_ascii  # a shared library: loaded only for an error

    return encode_basestring_ascii(str(value))


def main():
    host_pid, nice, argv = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3:]
    prctl = _CFunc(('prctl', _Process()))
    prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)
    prctl(PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
    if os.getppid() != host_pid:  # the host died before the line above
        return 1

    def kill_rest(*_):
        signal_tree(signal.SIGKILL)

    def end_tree(*_):
        signal_tree(signal.SIGTERM)
        signal.signal(signal.SIGALRM, kill_rest)
        signal.setitimer(signal.ITIMER_REAL, GRACE_S, 0.25)

    signal.signal(signal.SIGTERM, end_tree)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # a Ctrl-C reaches the program, not us
    sock = _socket.socket(_socket.AF_UNIX, _socket.SOCK_STREAM)
    sock.connect(os.environ['POOLSCOPE_SOCK'])

    def report(obj):
        obj['ns'] = monotonic_ns()
        line = ','.join('"%s":%s' % (k, _json(v)) for k, v in obj.items())
        try:
            sock.sendall(('{%s}\n' % line).encode())
        except OSError:
            pass

    env = dict(os.environ, POOLSCOPE_LAUNCHER=str(os.getpid()))
    # posix_spawn (vfork and exec) rather than fork: a third of the CPU and wall time here.
    try:
        main_pid = os.posix_spawn(argv[0], argv, env,
                                  setsigdef=(signal.SIGINT, signal.SIGTERM))
    except OSError as e:
        os.write(2, ('poolscope: cannot start %s: %s\n' % (argv[0], e)).encode())
        report({'type': 'launcher', 'error': 'cannot start %s: %s' % (argv[0], e)})
        return 127
    if nice:
        # The tree runs below the host (as scenario children do); the launcher itself does not:
        # it only waits, and the run ends as soon as it has seen every exit. (The program has
        # only just been exec'd: it starts nothing before this.)
        try:
            os.setpriority(os.PRIO_PROCESS, main_pid, os.getpriority(os.PRIO_PROCESS, 0) + nice)
        except OSError:
            pass
    report({'type': 'launcher', 'main': main_pid, 'pid': os.getpid()})
    status = 127
    while True:
        try:
            pid, st = os.wait()
        except ChildProcessError:
            break
        if os.WIFSIGNALED(st):
            code, signum = None, os.WTERMSIG(st)
        elif os.WIFEXITED(st):
            code, signum = os.WEXITSTATUS(st), None
        else:
            continue
        report({'type': 'proc.exit', 'pid': pid, 'code': code, 'signum': signum, 'by': 0})
        if pid == main_pid:
            status = code if code is not None else 128 + signum
    sock.close()
    return status


if __name__ == '__main__':
    sys.exit(main())
