# The tutorial's sample_queue: N senders put one greeting each on one Queue; the main process
# gets `reads` of them. By default 2 of 3 are read: one message is left in the queue. With
# maxsize > 0 a full queue blocks put; a sender that cannot put within a while gives up.
import queue as queue_mod
import time
import multiprocessing as mp

from _lesson import mark, options, result


def sender(q, i, patience, ready):
    ready[i] = 1  # about to put: the main process reads once every sender got this far
    try:
        q.put('Hello World #%d' % i, timeout=patience)
    except queue_mod.Full:
        print('sender #%d: the queue stayed full, giving up' % i, flush=True)


if __name__ == '__main__':
    args = options(__doc__, ('senders', int, 3, 'sender processes'),
                   ('reads', int, 2, 'messages the main process gets'),
                   ('maxsize', int, 0, '0 = unbounded'))
    q = mp.Queue(args.maxsize)
    patience = 3.0 * max(1.0, args.pace)
    ready = mp.RawArray('b', args.senders)
    senders = [mp.Process(target=sender, args=(q, i, patience, ready), name='sender-%d' % i)
               for i in range(args.senders)]
    for p in senders:
        p.start()
    target = min(args.senders, args.maxsize) if args.maxsize > 0 else args.senders
    while (q.qsize() < target or not all(ready)) and any(p.is_alive() for p in senders):
        time.sleep(0.005)
    time.sleep(0.2 * args.pace)
    got = []
    for _ in range(min(args.reads, args.senders)):
        got.append(q.get())
        print(got[-1], flush=True)
        time.sleep(0.1 * args.pace)
    for p in senders:
        p.join()
    mark('host: %d message(s) left unread in the queue' % q.qsize())
    result({'got': got, 'left': q.qsize()})
