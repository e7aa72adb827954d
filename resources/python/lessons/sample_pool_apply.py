# Pool.apply_async: a pool of workers; one task, square(x); get() waits for its result.
import multiprocessing as mp

from _lesson import options, result


def square(x):
    return x * x


if __name__ == '__main__':
    args = options(__doc__, ('processes', int, 4, 'pool size'), ('x', int, 10, 'the number'))
    pool = mp.Pool(args.processes)
    value = pool.apply_async(square, (args.x,)).get()
    print(value, flush=True)
    pool.close()  # then join: the workers finish and exit with code 0
    pool.join()
    result({'result': value})
