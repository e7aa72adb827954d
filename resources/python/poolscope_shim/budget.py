# The per-process event budget: a program that puts, gets, locks or sends faster than PoolScope
# can show would spend its time reporting (one line costs ~5 µs; a Queue.put ~1 µs). Past BUDGET
# events in a WINDOW, the frequent events of one object (same kind, same queue/lock/pipe) are
# merged into one line every FLUSH_NS carrying their number `n` (counts stay exact) and the last
# depth (sampled); the process says so once with a 'coalesce' line, which the run shows. Any
# other event, a fork, os._exit and the interpreter's exit send what is held first.
import atexit
import os

from . import wire

WINDOW_NS = 100_000_000
BUDGET = 250  # POOLSCOPE_BUDGET changes it (tests use a small one)
FLUSH_NS = 5_000_000
# The frequent events, and the field naming their object.
HOT = {'queue.put': 'queue', 'queue.get': 'queue', 'lock.acquire': 'lock',
       'lock.release': 'lock', 'pipe.send': 'pipe', 'pipe.recv': 'pipe'}

_end = 0
_used = 0
_flush_at = 0
_told = False
# (type, object id) -> [count, last fields, last ns, bytes summed]
_pending = {}


def gate(type_, fields, now):
    """True when the event is held to be merged (wire.send then sends nothing now)."""
    global _end, _used, _flush_at, _told
    if now >= _end:
        if _pending:
            flush()
        _end = now + WINDOW_NS
        _used = 0
    field = HOT.get(type_)
    if field is None:
        if _pending:
            flush()  # what was held happened before this
        return False
    if _used < BUDGET:
        _used += 1
        return False
    key = (type_, fields.get(field))
    held = _pending.get(key)
    if held is None:
        if not _pending:
            _flush_at = now + FLUSH_NS
        _pending[key] = [1, fields, now, fields.get('bytes', 0)]
        if not _told:
            _told = True
            wire.emit('coalesce', {'pid': wire.pid(), 'budget': BUDGET,
                                   'window_ms': WINDOW_NS // 1_000_000}, now)
    else:
        held[0] += 1
        held[1] = fields
        held[2] = now
        held[3] += fields.get('bytes', 0)
    if now >= _flush_at:
        flush()
    return True


def flush():
    global _pending
    held, _pending = _pending, {}
    for (type_, _obj), (n, fields, t, nbytes) in held.items():
        merged = dict(fields)
        merged['n'] = n
        if 'bytes' in merged:
            merged['bytes'] = nbytes
        wire.emit(type_, merged, t)


def _forget():
    """In a forked child: what the parent held is the parent's to send."""
    global _pending, _end, _used, _told
    _pending, _end, _used, _told = {}, 0, 0, False


def install():
    global BUDGET
    try:
        BUDGET = max(1, int(os.environ.get('POOLSCOPE_BUDGET') or BUDGET))
    except ValueError:
        pass
    atexit.register(flush)
    os.register_at_fork(before=flush, after_in_child=_forget)
    orig_exit = os._exit

    def _exit(code):
        try:
            flush()
        except Exception:
            pass
        orig_exit(code)

    _exit.__qualname__ = orig_exit.__qualname__
    os._exit = _exit
    wire.gate = gate
