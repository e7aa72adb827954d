# The writers of `mix` and `lock`: N processes each print one line in pieces with small random
# pauses, with or without one Lock held around the whole line. A start gate (a Queue) lets them
# begin together, so that their writes can meet.
import os
import random
import sys
import time
import multiprocessing as mp

from _lesson import mark, options


def write_line(i, pieces, jitter_s, gate, lock):
    gate.get()
    if lock is not None:
        lock.acquire()
    try:
        line = 'process #%d (pid %d) writes its line\n' % (i, os.getpid())
        size = -(-len(line) // pieces)
        for k in range(0, len(line), size):
            sys.stdout.write(line[k:k + size])
            sys.stdout.flush()
            time.sleep(random.random() * jitter_s)
    finally:
        if lock is not None:
            lock.release()


def main(doc, with_lock):
    args = options(doc, ('processes', int, 3, 'writer processes'),
                   ('pieces', int, 4, 'pieces per line'),
                   ('jitterMs', float, 5, 'random pause after each piece, ms'))
    lock = mp.Lock() if with_lock else None
    gate = mp.Queue()
    writers = [mp.Process(target=write_line, name='writer-%d' % i,
                          args=(i, args.pieces, args.jitterMs * args.pace / 1000, gate, lock))
               for i in range(args.processes)]
    for p in writers:
        p.start()
    time.sleep(0.2 * args.pace)
    mark('host: every writer started; opening the start gate')
    for _ in writers:
        gate.put('go')
    for p in writers:
        p.join()
