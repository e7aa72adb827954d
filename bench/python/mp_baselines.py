"""Python multiprocessing baselines for PoolScope's benchmarks (bench/*.bench.ts).

Usage: python3 mp_baselines.py KIND N [ARG]; prints one JSON object {"value": ..., "unit": ...}.
  rtt N            Pool(2).apply_async(f, (1,)).get() round trip, µs (median of batches)
  map N CHUNK      Pool(2).map(square, range(N), chunksize=CHUNK or default if 0), ms
                   (after a warm-up run; median of five runs with the default chunksize)
  queue N BYTES    N messages from a child through mp.Queue to the parent, messages/s
                   (first message to last, as the TypeScript side)
  pipe-stream N B  N messages from a child through mp.Pipe to the parent, messages/s (same)
  pipe-rtt N       parent <-> child ping-pong over a duplex mp.Pipe, µs per round trip
"""
import json
import statistics
import multiprocessing as mp
import sys
import time


def echo(x):
    return x


def square(x):
    return x * x


def put_many(q, n, size):
    pad = 'x' * size
    for _ in range(n):
        q.put(pad)


def send_many(conn, n, size):
    pad = 'x' * size
    for _ in range(n):
        conn.send(pad)
    conn.close()


def pong(conn):
    # Stops on None: with fork the child holds a copy of the parent's end, so EOF never comes.
    while True:
        m = conn.recv()
        if m is None:
            return
        conn.send(m)


def out(value, unit):
    print(json.dumps({'value': value, 'unit': unit}))


def main():
    kind, n = sys.argv[1], int(sys.argv[2])
    arg = int(sys.argv[3]) if len(sys.argv) > 3 else 0
    if kind == 'rtt':
        with mp.Pool(2) as pool:
            for _ in range(200):
                pool.apply_async(echo, (1,)).get()
            t = time.perf_counter()
            for _ in range(n):
                pool.apply_async(echo, (1,)).get()
            out((time.perf_counter() - t) / n * 1e6, 'µs')
    elif kind == 'map':
        # As the TypeScript side: a warm-up run, then the median of five (one if N is large).
        with mp.Pool(2) as pool:
            pool.map(square, range(n), chunksize=arg or None)
            runs = []
            for _ in range(5 if arg == 0 else 1):
                t = time.perf_counter()
                pool.map(square, range(n), chunksize=arg or None)
                runs.append((time.perf_counter() - t) * 1e3)
            out(statistics.median(runs), 'ms')
    elif kind == 'queue':
        q = mp.Queue()
        p = mp.Process(target=put_many, args=(q, n, arg))
        p.start()
        q.get()  # timed from the first message to the last, as the TypeScript side
        t = time.perf_counter()
        for _ in range(n - 1):
            q.get()
        out((n - 1) / (time.perf_counter() - t), 'msg/s')
        p.join()
    elif kind == 'pipe-stream':
        a, b = mp.Pipe()
        p = mp.Process(target=send_many, args=(b, n, arg))
        p.start()
        b.close()
        a.recv()
        t = time.perf_counter()
        for _ in range(n - 1):
            a.recv()
        out((n - 1) / (time.perf_counter() - t), 'msg/s')
        p.join()
    elif kind == 'pipe-rtt':
        a, b = mp.Pipe()
        p = mp.Process(target=pong, args=(b,))
        p.start()
        b.close()
        for _ in range(200):
            a.send(1)
            a.recv()
        t = time.perf_counter()
        for _ in range(n):
            a.send(1)
            a.recv()
        out((time.perf_counter() - t) / n * 1e6, 'µs')
        a.send(None)
        p.join()
    else:
        raise SystemExit(f'unknown kind {kind}')


if __name__ == '__main__':
    main()
