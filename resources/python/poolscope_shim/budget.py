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

_end = 0
_used = 0
_flush_at = 0
_told = False
# (type, object id) -> [count, last ns, last depth, bytes summed, last blocked]
_pending = {}


def hold(type_, oid, t, depth, nbytes, blocked):
    """True when the frequent event is held to be merged (wire.hot then sends nothing now)."""
    global _end, _used, _flush_at, _told
    if t >= _end:
        if _pending:
            flush()
        _end = t + WINDOW_NS
        _used = 0
    if _used < BUDGET:
        _used += 1
        return False
    key = (type_, oid)
    held = _pending.get(key)
    if held is None:
        if not _pending:
            _flush_at = t + FLUSH_NS
        _pending[key] = [1, t, depth, nbytes, blocked]
        if not _told:
            _told = True
            wire.emit('coalesce', {'pid': wire.pid(), 'budget': BUDGET,
                                   'window_ms': WINDOW_NS // 1_000_000}, t)
    else:
        held[0] += 1
        held[1] = t
        held[2] = depth
        held[3] += nbytes
        held[4] = blocked
    if t >= _flush_at:
        flush()
    return True


def before_other(t):
    """Before any other event: what was held happened before it."""
    global _end, _used
    if t >= _end:
        _end = t + WINDOW_NS
        _used = 0
    if _pending:
        flush()


def flush():
    """Sends what is held, one merged line per object, in one write."""
    global _pending
    held, _pending = _pending, {}
    wire.send_lines([wire.hot_line(type_, oid, t, depth, nbytes, blocked, n)
                     for (type_, oid), (n, t, depth, nbytes, blocked) in held.items()])


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
    wire.hold = hold
    wire.before_other = before_other
