# Processes vs threads under the GIL: the same CPU-bound work split N ways, (a) on N threads of
# one process — the GIL lets one run Python at a time, so about one core is busy — then (b) on N
# processes, which use the cores in parallel. Wall times side by side.
import os
import threading
import time
import multiprocessing as mp

from _lesson import mark, options, result


def spin(n):
    x = 0
    for i in range(n):
        x += i * i
    return x


def calibrate(ms):
    """Loop iterations that take about `ms` of CPU here."""
    n = 200_000
    t = time.process_time()
    spin(n)
    took = max(1e-6, time.process_time() - t)
    return int(n * ms / 1000 / took)


if __name__ == '__main__':
    args = options(__doc__, ('workers', int, max(2, os.cpu_count() or 2), 'N'),
                   ('workMs', int, 1000, 'CPU work per worker, ms'),
                   # the scenario's phase (c), Node's worker_threads: CPython's threads are (a)
                   ('threads', str, 'on', 'accepted for the scenario; no phase (c) here'))
    n = calibrate(args.workMs)
    mark('phase (a): N threads in one process (the GIL) begins')
    t0 = time.monotonic()
    threads = [threading.Thread(target=spin, args=(n,)) for _ in range(args.workers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    a = time.monotonic() - t0
    mark('phase (a): N threads in one process (the GIL) ends')
    time.sleep(0.3 * args.pace)
    mark('phase (b): N worker processes begins')
    t0 = time.monotonic()
    procs = [mp.Process(target=spin, args=(n,), name='worker-%d' % i)
             for i in range(args.workers)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    b = time.monotonic() - t0
    mark('phase (b): N worker processes ends')
    print('threads %.0f ms, processes %.0f ms' % (a * 1000, b * 1000), flush=True)
    result({'threadsMs': a * 1000, 'processesMs': b * 1000})
