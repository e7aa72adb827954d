"""Per-operation costs of multiprocessing for PoolScope's shim benchmark (bench/shim.bench.ts).

Run once as plain Python and once watched (the shim loaded by PoolScope's sitecustomize): the
same interpreter, the same program. Usage: python3 shim_ops.py N
Prints one JSON object: µs per Queue.put, per Lock acquire+release pair and per Pipe send (in the
producer), and the wall time (s) of an N-message Queue stream (first put to the consumer's last
get). Plain Python; consumers are child processes started by the platform's start method.
"""
import json
import multiprocessing as mp
import sys
import time


def drain_queue(q, n, done):
    for _ in range(n):
        q.get()
    done.set()


def drain_pipe(conn, n):
    for _ in range(n):
        conn.recv()


def queue_stream(n):
    q = mp.Queue()
    done = mp.Event()
    child = mp.Process(target=drain_queue, args=(q, n, done))
    child.start()
    q.put(0)  # the consumer is running (it got this one) before the clock starts
    t0 = time.perf_counter()
    for i in range(1, n):
        q.put(i)
    t_puts = time.perf_counter() - t0
    done.wait()
    t_all = time.perf_counter() - t0
    child.join()
    return t_puts * 1e6 / (n - 1), t_all


def lock_pairs(n):
    lock = mp.Lock()
    t0 = time.perf_counter()
    for _ in range(n):
        lock.acquire()
        lock.release()
    return (time.perf_counter() - t0) * 1e6 / n


def pipe_sends(n):
    reader, writer = mp.Pipe(duplex=False)
    child = mp.Process(target=drain_pipe, args=(reader, n))
    child.start()
    t0 = time.perf_counter()
    for i in range(n):
        writer.send(i)
    per = (time.perf_counter() - t0) * 1e6 / n
    child.join()
    return per


def main():
    n = int(sys.argv[1])
    put_us, stream_s = queue_stream(n)
    print(json.dumps({'put_us': put_us, 'stream_s': stream_s, 'lock_us': lock_pairs(n),
                      'send_us': pipe_sends(n)}))


if __name__ == '__main__':
    main()
