# Processes: this one's start (hello) and output, its forked children, the exits it reaps,
# the processes multiprocessing and subprocess start for it, the signals it sends.
import os
import sys

from . import wire
from .wire import send

# The Process being started in this process (set around BaseProcess.start): a child forked
# meanwhile takes its name from it.
_starting = None
_launcher = int(os.environ.get('POOLSCOPE_LAUNCHER') or 0)


def role_of_name(name):
    """'sender-0' -> 'sender'; 'ForkPoolWorker-3' -> 'worker'; 'Process-1' -> 'process'."""
    if 'PoolWorker' in name:
        return 'worker'
    base = name.rsplit('-', 1)[0] if name.rsplit('-', 1)[-1].isdigit() else name
    return base.lower() or 'process'


def _self_name():
    argv = sys.argv
    if '--multiprocessing-fork' in argv:
        return 'spawn child', 'process'
    cmd = ' '.join(argv[1:3]) if argv[:1] == ['-c'] else ''
    joined = ' '.join(getattr(sys, 'orig_argv', None) or _cmdline())
    if 'multiprocessing.forkserver import main' in joined or 'forkserver import main' in cmd:
        return 'forkserver', 'forkserver'
    if 'resource_tracker import main' in joined or 'semaphore_tracker import main' in joined:
        return 'resource_tracker', 'tracker'
    if os.getppid() == _launcher:
        return 'MainProcess', 'main'
    script = os.path.basename(argv[0]) if argv and argv[0] else 'python'
    return script or 'python', 'python'


def _cmdline():
    """This process's command line (Python < 3.10 has no sys.orig_argv)."""
    try:
        with open('/proc/self/cmdline', 'rb') as f:
            return os.fsdecode(f.read()).split('\0')
    except OSError:
        return sys.argv


def _open_streams():
    me = os.getpid()
    for fd in (1, 2):
        s = wire.connect(b'{"type":"stream","fd":%d,"pid":%d}\n' % (fd, me))
        if s is None:
            continue
        try:
            os.dup2(s.fileno(), fd)
        finally:
            s.close()


class _Output:
    """sys.stdout/sys.stderr: each write is also an event on this process's connection, so that
    it takes its place among the process's other events (a print inside a lock stays inside)."""

    _CHUNK = 16000

    def __init__(self, inner, kind):
        self._ps_inner = inner
        self._ps_kind = kind

    def write(self, text):
        if wire.connected() and isinstance(text, str):
            for i in range(0, len(text), self._CHUNK):
                send(self._ps_kind, pid=wire.pid(), text=text[i:i + self._CHUNK])
            return len(text)
        return self._ps_inner.write(text)

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def __getattr__(self, name):
        return getattr(self._ps_inner, name)


def _wrap_output():
    for name, kind in (('stdout', 'stdout'), ('stderr', 'stderr')):
        current = getattr(sys, name, None)
        if current is not None and not isinstance(current, _Output):
            setattr(sys, name, _Output(current, kind))


def _hello(name, role):
    send('proc.spawn', pid=os.getpid(), ppid=os.getppid(), name=name, role=role,
         argv=list(getattr(sys, 'orig_argv', sys.argv)), hello=True)


def start():
    wire.open_events()
    _open_streams()
    name, role = _self_name()
    _hello(name, role)
    _wrap_output()
    os.register_at_fork(after_in_child=_after_fork)
    _wrap_os()


def _after_fork():
    try:
        wire.open_events()
        _open_streams()
        p = _starting
        if p is not None:
            _hello(p.name, role_of_name(p.name))
        else:
            _hello('fork child', 'fork')
    except Exception:
        pass


def _exit_fields(status):
    if os.WIFSIGNALED(status):
        return {'code': None, 'signum': os.WTERMSIG(status)}
    if os.WIFEXITED(status):
        return {'code': os.WEXITSTATUS(status), 'signum': None}
    return None


def _wrap_os():
    waitpid = os.waitpid
    wait = os.wait
    kill = os.kill

    def _reaped(pid, status):
        if pid > 0:
            f = _exit_fields(status)
            if f is not None:
                send('proc.exit', pid=pid, code=f['code'], signum=f['signum'], by=wire.pid())

    def poolscope_waitpid(pid, options):
        r = waitpid(pid, options)
        _reaped(r[0], r[1])
        return r

    def poolscope_wait():
        r = wait()
        _reaped(r[0], r[1])
        return r

    def poolscope_kill(pid, sig):
        kill(pid, sig)
        if sig:
            send('signal', pid=wire.pid(), target=pid, signum=int(sig))

    for new, old in ((poolscope_waitpid, waitpid), (poolscope_wait, wait), (poolscope_kill, kill)):
        new.__name__ = old.__name__
        new.__doc__ = old.__doc__
    os.waitpid = poolscope_waitpid
    os.wait = poolscope_wait
    os.kill = poolscope_kill


def patch_process(m):
    """multiprocessing.process: name the children this process starts (read before start():
    it deletes the target)."""
    base = m.BaseProcess
    orig_start = base.start

    def start(self):
        global _starting
        prev = _starting
        _starting = self
        try:
            return orig_start(self)
        finally:
            _starting = prev
            child = getattr(self, '_popen', None)
            pid = getattr(child, 'pid', None)
            if pid:
                ppid = _os_parent(child)
                extra = {'parent': wire.pid()} if ppid != wire.pid() else {}
                send('proc.spawn', pid=pid, ppid=ppid, name=self.name,
                     role=role_of_name(self.name), named=True, **extra)

    base.start = start


def _os_parent(popen):
    """The child's OS parent: this process, or the forkserver that forked it."""
    if type(popen).__module__.endswith('popen_forkserver'):
        fs = sys.modules.get('multiprocessing.forkserver')
        pid = getattr(getattr(fs, '_forkserver', None), '_forkserver_pid', None)
        if pid:
            return pid
    return wire.pid()


def patch_subprocess(m):
    """subprocess: a child is named by its command even if it never runs Python."""
    cls = m.Popen
    orig = cls._execute_child

    def _execute_child(self, args, executable, *rest, **kw):
        orig(self, args, executable, *rest, **kw)
        try:
            first = args if isinstance(args, (str, bytes)) else args[0]
            name = os.path.basename(os.fsdecode(executable or first).split()[0])
        except Exception:
            name = 'subprocess'
        send('proc.spawn', pid=self.pid, ppid=wire.pid(), name=name, role='subprocess',
             named=True)

    cls._execute_child = _execute_child
