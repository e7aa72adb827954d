# Pool and ProcessPoolExecutor tasks: queued in the parent, started and ended in the worker.
# A task is reported by key 'job.chunk' (the host numbers them).
from . import wire
from .mpobjs import build_internally, mark_internal
from .wire import send


def _fname(f):
    return getattr(f, '__qualname__', None) or getattr(f, '__name__', None) or repr(f)


class _TaskIn:
    """The worker's inqueue: each task it hands out is reported as started."""

    def __init__(self, q):
        self._q = q

    def __getattr__(self, name):
        return getattr(self._q, name)

    def get(self, *a, **k):
        task = self._q.get(*a, **k)
        if task is not None:
            try:
                send('task.start', key='%d.%d' % (task[0], task[1]), worker=wire.pid())
            except Exception:
                pass
        return task


class _TaskOut:
    """The worker's outqueue: each result it puts is reported as the task's end."""

    def __init__(self, q):
        self._q = q

    def __getattr__(self, name):
        return getattr(self._q, name)

    def put(self, item):
        try:
            job, i, (ok, value) = item
            if ok:
                send('task.end', key='%d.%d' % (job, i), worker=wire.pid(), ok=True)
            else:
                send('task.end', key='%d.%d' % (job, i), worker=wire.pid(), ok=False,
                     error='%s: %s' % (type(value).__name__, value))
        except Exception:
            pass
        return self._q.put(item)


def patch_pool(m):
    pool_cls = m.Pool
    build_internally(pool_cls, '__init__')
    orig_worker = m.worker

    def worker(inqueue, outqueue, *a, **k):
        mark_internal(inqueue, outqueue)
        return orig_worker(_TaskIn(inqueue), _TaskOut(outqueue), *a, **k)

    # Spawn pickles a pool's worker by reference: keep its name so it is found again.
    worker.__module__ = orig_worker.__module__
    worker.__qualname__ = orig_worker.__qualname__
    worker.__name__ = orig_worker.__name__
    m.worker = worker

    orig_apply = pool_cls.apply_async
    orig_result_init = m.ApplyResult.__init__
    applying = []

    def apply_async(self, func, *a, **k):
        applying.append(func)
        try:
            return orig_apply(self, func, *a, **k)
        finally:
            applying.pop()

    def result_init(self, *a, **k):
        orig_result_init(self, *a, **k)
        # Reported here: the job has its number and is not yet on the task queue.
        if type(self) is m.ApplyResult and applying:
            send('task.queued', key='%d.0' % self._job, name=_fname(applying[-1]))

    m.ApplyResult.__init__ = result_init

    orig_gen = pool_cls._guarded_task_generation

    def _guarded_task_generation(self, result_job, func, iterable):
        for task in orig_gen(self, result_job, func, iterable):
            try:
                args = task[3][0]
                name = _fname(args[0]) if func is m.mapstar or func is m.starmapstar else _fname(func)
                size = len(args[1]) if func in (m.mapstar, m.starmapstar) else 1
                send('task.queued', key='%d.%d' % (task[0], task[1]),
                     name=name if size == 1 else '%s ×%d' % (name, size))
            except Exception:
                pass
            yield task

    apply_async.__qualname__ = orig_apply.__qualname__
    pool_cls.apply_async = apply_async
    pool_cls._guarded_task_generation = _guarded_task_generation


def patch_futures(m):
    """concurrent.futures.process: the executor's queues are its own; its worker reports."""
    build_internally(m.ProcessPoolExecutor, '__init__')
    orig_worker = m._process_worker

    class _CallIn(_TaskIn):
        def get(self, *a, **k):
            item = self._q.get(*a, **k)
            if item is not None:
                send('task.start', key='f.%d' % item.work_id, worker=wire.pid())
            return item

    class _ResultOut(_TaskOut):
        def put(self, item, *a, **k):
            try:
                if getattr(item, 'work_id', None) is not None:
                    exc = getattr(item, 'exception', None)
                    send('task.end', key='f.%d' % item.work_id, worker=wire.pid(), ok=exc is None,
                         **({} if exc is None else {'error': str(exc)[:500]}))
            except Exception:
                pass
            return self._q.put(item, *a, **k)

    def _process_worker(call_queue, result_queue, *a, **k):
        mark_internal(call_queue, result_queue)
        return orig_worker(_CallIn(call_queue), _ResultOut(result_queue), *a, **k)

    _process_worker.__module__ = orig_worker.__module__
    _process_worker.__qualname__ = orig_worker.__qualname__
    _process_worker.__name__ = orig_worker.__name__
    m._process_worker = _process_worker

    orig_submit = m.ProcessPoolExecutor.submit

    def submit(self, fn, /, *args, **kwargs):
        fut = orig_submit(self, fn, *args, **kwargs)
        send('task.queued', key='f.%d' % (self._queue_count - 1), name=_fname(fn))
        return fut

    m.ProcessPoolExecutor.submit = submit
