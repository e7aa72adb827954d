# The tutorial's sample_process: start N processes; each prints its index, its PID and its
# parent's PID. The tutorial joins only the last one (join=last): the main process may then go
# on while the others still run.
import os
import time
import multiprocessing as mp

from _lesson import mark, options, result


def child(i, n, pace):
    time.sleep(0.1 * (n - 1 - i) * pace)  # the last one started ends first
    print('child #%d: pid %d, parent pid %d' % (i, os.getpid(), os.getppid()), flush=True)


if __name__ == '__main__':
    args = options(__doc__, ('processes', int, 3, 'how many children'),
                   ('join', str, 'last', "'last' (as the tutorial) or 'all'"))
    procs = [mp.Process(target=child, args=(i, args.processes, args.pace), name='child-%d' % i)
             for i in range(args.processes)]
    for p in procs:
        p.start()
    if args.join == 'all':
        for p in procs:
            p.join()
        mark('host: join() returned for every child')
    else:
        procs[-1].join()
        mark('host: join() of the last child returned')
    moved_on = [p.is_alive() for p in procs]
    for p in procs:
        p.join()
    result({'children': [
        {'index': i, 'pid': p.pid, 'aliveWhenHostMovedOn': moved_on[i],
         'aliveAfterExit': p.is_alive(), 'exitCode': p.exitcode}
        for i, p in enumerate(procs)]})
