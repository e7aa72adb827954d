# Pool.map: a pool of workers maps square over 1..items; with more items than workers, the
# workers are reused.
import time
import multiprocessing as mp

from _lesson import options, result


def square(x, task_s=0.0):
    if task_s:
        time.sleep(task_s)
    return x * x


def timed_square(arg):
    return square(*arg)


if __name__ == '__main__':
    args = options(__doc__, ('processes', int, 5, 'pool size'),
                   ('items', int, 3, 'maps over 1..items'),
                   ('taskMs', float, 0, 'time each task takes, ms'))
    pool = mp.Pool(args.processes)
    task_s = args.taskMs * args.pace / 1000
    values = pool.map(timed_square, [(x, task_s) for x in range(1, args.items + 1)])
    print(values, flush=True)
    pool.close()
    pool.join()
    result(values)
