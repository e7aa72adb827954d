# multiprocessing's queues, locks and pipes. Objects a user creates are declared to the host
# (which names them); objects multiprocessing makes for itself (a Queue's pipe and locks, a
# Pool's queues) are marked internal where they are made and never reported. An object that
# arrives unmarked in a spawned child is reported by id; the host drops ids it was not told of.
import os

from . import wire
from .wire import hot, ns, send

# > 0 while multiprocessing builds one of its own objects (a Queue, a Pool, an executor).
_inside = 0


class internal:
    def __enter__(self):
        global _inside
        _inside += 1

    def __exit__(self, *exc):
        global _inside
        _inside -= 1


def build_internally(cls, name):
    """Wraps cls.name (an __init__ or __setstate__) so that what it creates is internal."""
    orig = cls.__dict__.get(name)
    if orig is None:
        return

    def wrapper(self, *a, **k):
        with internal():
            return orig(self, *a, **k)

    wrapper.__name__ = orig.__name__
    wrapper.__qualname__ = orig.__qualname__
    setattr(cls, name, wrapper)


def _ino(conn):
    return os.fstat(conn.fileno()).st_ino


# ---- queues ---------------------------------------------------------------------------------
def _qid(q):
    """The queue's id ('q' + its pipe's inode), False if it is internal."""
    qid = q.__dict__.get('_ps_id')
    if qid is None:
        try:
            qid = 'q%d' % _ino(q._reader)
        except Exception:
            qid = False
        q._ps_id = qid
    return qid


def mark_internal(*objs):
    for o in objs:
        try:
            o._ps_id = False
            if o.__dict__.pop('_ps_acq', None) is not None:  # a lock tracked by mistake
                o.acquire, o.release = o._semlock.acquire, o._semlock.release
        except Exception:
            pass


def _depth(q):
    try:
        return q._maxsize - q._sem._semlock._get_value()
    except Exception:
        return -1


def _wrap_put(cls):
    orig = cls.put

    def put(self, obj, block=True, timeout=None):
        qid = self.__dict__.get('_ps_id')
        if qid is None:
            qid = _qid(self)
        if not qid:
            return orig(self, obj, block, timeout)
        try:
            sem = self._sem._semlock
            waited = block and sem._get_value() == 0  # full: this put waits
        except Exception:
            sem, waited = None, False
        if waited:
            send('queue.wait', queue=qid, pid=wire.pid(), op='put')
        try:
            r = orig(self, obj, block, timeout)
        except BaseException:
            if waited:
                send('queue.timeout', queue=qid, pid=wire.pid(), op='put')
            raise
        try:
            depth = self._maxsize - sem._get_value()
        except Exception:
            depth = -1
        hot('queue.put', qid, ns(), depth, 0, waited)
        return r

    put.__qualname__ = orig.__qualname__
    cls.put = put


def _empty(q):
    try:
        return q._maxsize - q._sem._semlock._get_value() <= 0
    except Exception:
        return False


def _wrap_get(cls, simple):
    orig = cls.get

    def get(self, *a, **k):
        qid = self.__dict__.get('_ps_id')
        if qid is None:
            qid = _qid(self)
        if not qid:
            return orig(self, *a, **k)
        block = (a[0] if a else k.get('block', True)) if not simple else True
        waited = block and (self.empty() if simple else _empty(self))
        if waited:
            send('queue.wait', queue=qid, pid=wire.pid(), op='get')
        try:
            r = orig(self, *a, **k)
        except BaseException:
            if waited:
                send('queue.timeout', queue=qid, pid=wire.pid(), op='get')
            raise
        hot('queue.get', qid, ns(), -1 if simple else _depth(self))
        return r

    get.__qualname__ = orig.__qualname__
    cls.get = get


def _wrap_simple_put(cls):
    orig = cls.put

    def put(self, obj):
        qid = _qid(self)
        r = orig(self, obj)
        if qid:
            hot('queue.put', qid, ns())
        return r

    put.__qualname__ = orig.__qualname__
    cls.put = put


def _declare_after_init(cls, kind, id_of):
    orig = cls.__init__

    def __init__(self, *a, **k):
        outer = '_ps_building' not in self.__dict__  # JoinableQueue.__init__ calls Queue's
        if not outer:
            return orig(self, *a, **k)
        self._ps_building = True
        try:
            with internal():
                orig(self, *a, **k)
        finally:
            del self._ps_building
        if _inside:
            mark_internal(self)
        else:
            oid = id_of(self)
            if oid:
                send('obj', kind=kind, ids=[oid], user=True)

    __init__.__qualname__ = orig.__qualname__
    cls.__init__ = __init__


def _mark_parts_after_setstate(cls):
    orig = cls.__setstate__

    def __setstate__(self, state):
        orig(self, state)
        parts = ('_reader', '_writer', '_rlock', '_wlock', '_sem', '_cond')
        mark_internal(*(getattr(self, p, None) for p in parts))

    cls.__setstate__ = __setstate__


def patch_queues(m):
    for cls in (m.Queue, m.JoinableQueue, m.SimpleQueue):
        if '__init__' in cls.__dict__:
            _declare_after_init(cls, 'queue', _qid)
        if '__setstate__' in cls.__dict__:
            _mark_parts_after_setstate(cls)
    _wrap_put(m.Queue)
    _wrap_put(m.JoinableQueue)
    _wrap_get(m.Queue, False)
    _wrap_simple_put(m.SimpleQueue)
    _wrap_get(m.SimpleQueue, True)


# ---- locks ----------------------------------------------------------------------------------
def _lock_id(lock):
    sl = lock._semlock
    name = getattr(sl, 'name', None)
    return 'L' + name if name else 'L%d:%d' % (os.getpid(), sl.handle)


def _track(lock, lid):
    c_acquire = lock._semlock.acquire
    c_release = lock._semlock.release

    def acquire(block=True, timeout=None):
        if c_acquire(False):
            hot('lock.acquire', lid, ns())
            return True
        if not block:
            return False
        send('lock.wait', lock=lid, pid=wire.pid())
        ok = c_acquire(True, timeout)
        if ok:
            hot('lock.acquire', lid, ns())
        else:
            send('lock.timeout', lock=lid, pid=wire.pid())
        return ok

    def release():
        # Stamped before the release: another process's acquire, stamped after it returns,
        # then always comes later.
        t = ns()
        c_release()
        hot('lock.release', lid, t)

    lock.acquire = acquire
    lock.release = release
    lock._ps_acq = acquire


def patch_locks(m):
    semlock = m.SemLock
    user_kinds = (m.Lock, m.RLock)
    orig_make = semlock._make_methods
    orig_init = semlock.__init__

    def _make_methods(self):
        orig_make(self)
        if isinstance(self, user_kinds) and self.__dict__.get('_ps_id') is not False:
            if _inside:
                self._ps_id = False
            else:
                _track(self, _lock_id(self))

    def __init__(self, *a, **k):
        orig_init(self, *a, **k)
        if isinstance(self, user_kinds) and not _inside:
            send('obj', kind='lock', ids=[_lock_id(self)], user=True)

    def __enter__(self):
        acq = self.__dict__.get('_ps_acq')
        return acq() if acq is not None else self._semlock.__enter__()

    def __exit__(self, *args):
        if '_ps_acq' in self.__dict__:
            return self.release()
        return self._semlock.__exit__(*args)

    semlock._make_methods = _make_methods
    semlock.__init__ = __init__
    semlock.__enter__ = __enter__
    semlock.__exit__ = __exit__


# ---- pipes ----------------------------------------------------------------------------------
def _cid(conn):
    cid = conn.__dict__.get('_ps_id')
    if cid is None:
        try:
            cid = 'p%d' % _ino(conn)
        except Exception:
            cid = False
        conn._ps_id = cid
    return cid


def patch_connection(m):
    orig_pipe = m.Pipe
    base = m._ConnectionBase
    pickler = m._ForkingPickler

    def Pipe(duplex=True):
        a, b = orig_pipe(duplex)
        if _inside:
            mark_internal(a, b)
        else:
            ids = sorted({_cid(a), _cid(b)})
            send('obj', kind='pipe', ids=ids, user=True)
        return a, b

    def send_(self, obj):
        cid = _cid(self)
        if not cid:
            return orig_send(self, obj)
        self._check_closed()
        self._check_writable()
        buf = pickler.dumps(obj)
        self._send_bytes(buf)
        hot('pipe.send', cid, ns(), -1, len(buf))

    def recv(self):
        cid = _cid(self)
        if not cid:
            return orig_recv(self)
        self._check_closed()
        self._check_readable()
        buf = self._recv_bytes()
        view = buf.getbuffer()
        hot('pipe.recv', cid, ns(), -1, len(view))
        return pickler.loads(view)

    def close(self):
        cid = self.__dict__.get('_ps_id')
        was_open = self._handle is not None
        orig_close(self)
        if cid and was_open:
            send('pipe.close', pipe=cid, pid=wire.pid())

    orig_send, orig_recv, orig_close = base.send, base.recv, base.close
    for new, old in ((send_, orig_send), (recv, orig_recv), (close, orig_close)):
        new.__name__, new.__qualname__ = old.__name__, old.__qualname__
    base.send, base.recv, base.close = send_, recv, close
    m.Pipe = Pipe
