# PoolScope's launcher for a watched Python program (run as `python -I -S launcher.py HOST_PID
# NICE PROGRAM...`, itself never instrumented). It makes itself the subreaper of the program's tree,
# so that orphans (a double fork, setsid) come back to it: it reaps every process of the tree
# and reports each exit to the host, and it exits once the tree is empty, with the program's
# status. SIGTERM (from the host, or sent by the kernel when the host dies) ends the whole tree:
# SIGTERM to every descendant, SIGKILL to what is left a grace period later.
import ctypes
import json
import os
import signal
import socket
import sys
import time

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


def main():
    host_pid, nice, argv = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3:]
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)
    libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
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
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.connect(os.environ['POOLSCOPE_SOCK'])

    def report(obj):
        obj['ns'] = time.monotonic_ns()
        try:
            sock.sendall((json.dumps(obj) + '\n').encode())
        except OSError:
            pass

    if nice:
        try:
            os.nice(nice)  # the tree runs below the host (as scenario children do)
        except OSError:
            pass
    env = dict(os.environ, POOLSCOPE_LAUNCHER=str(os.getpid()))
    try:
        main_pid = os.fork()
    except OSError as e:
        report({'type': 'launcher', 'error': str(e)})
        return 127
    if main_pid == 0:
        try:
            signal.signal(signal.SIGINT, signal.SIG_DFL)
            signal.signal(signal.SIGTERM, signal.SIG_DFL)
            os.execve(argv[0], argv, env)
        except BaseException as e:  # noqa: B902 - the child must never return
            os.write(2, ('poolscope: cannot start %s: %s\n' % (argv[0], e)).encode())
        os._exit(127)
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
