# The tutorial says a Pipe is faster than a Queue. The same stream of messages through each,
# sender process to receiver process, then a round trip (ask, answer) through each; messages per
# second and round trips per second measured here, each leg watched the same way.
import time
import multiprocessing as mp

from _lesson import mark, options, result


def pipe_send(conn, n, payload):
    for _ in range(n):
        conn.send(payload)


def pipe_recv(conn, n):
    for _ in range(n):
        conn.recv()


def queue_send(q, n, payload):
    for _ in range(n):
        q.put(payload)


def queue_recv(q, n):
    for _ in range(n):
        q.get()


def pipe_echo(conn, n):
    for _ in range(n):
        conn.send(conn.recv())


def queue_echo(q_in, q_out, n):
    for _ in range(n):
        q_out.put(q_in.get())


def stream(what, sender, receiver):
    receiver.start()
    mark('%s stream begins' % what)
    t0 = time.monotonic()
    sender.start()
    sender.join()
    receiver.join()
    took = time.monotonic() - t0
    mark('%s stream ends' % what)
    return took


if __name__ == '__main__':
    args = options(__doc__, ('messages', int, 100000, 'messages per stream'),
                   ('bytes', int, 64, 'payload size'), ('trips', int, 2000, 'round trips'))
    payload = b'x' * args.bytes
    n = args.messages
    a, b = mp.Pipe(duplex=False)
    pipe_s = stream('pipe', mp.Process(target=pipe_send, args=(b, n, payload), name='sender'),
                    mp.Process(target=pipe_recv, args=(a, n), name='receiver'))
    q = mp.Queue()
    queue_s = stream('queue', mp.Process(target=queue_send, args=(q, n, payload), name='sender'),
                     mp.Process(target=queue_recv, args=(q, n), name='receiver'))
    # Round trips: the main process asks, an echo process answers.
    here, there = mp.Pipe()
    echo = mp.Process(target=pipe_echo, args=(there, args.trips), name='echo')
    echo.start()
    mark('pipe round trips begin')
    t0 = time.monotonic()
    for _ in range(args.trips):
        here.send(payload)
        here.recv()
    pipe_rt = time.monotonic() - t0
    echo.join()
    q_in, q_out = mp.Queue(), mp.Queue()
    echo = mp.Process(target=queue_echo, args=(q_in, q_out, args.trips), name='echo')
    echo.start()
    mark('queue round trips begin')
    t0 = time.monotonic()
    for _ in range(args.trips):
        q_in.put(payload)
        q_out.get()
    queue_rt = time.monotonic() - t0
    echo.join()
    rates = {'pipeMsgPerS': n / pipe_s, 'queueMsgPerS': n / queue_s,
             'pipeRoundTripUs': pipe_rt / args.trips * 1e6,
             'queueRoundTripUs': queue_rt / args.trips * 1e6}
    print('stream: pipe %.0f msg/s, queue %.0f msg/s (%.2fx); round trip: pipe %.0f us, '
          'queue %.0f us (%.2fx)' % (rates['pipeMsgPerS'], rates['queueMsgPerS'],
                                    rates['pipeMsgPerS'] / rates['queueMsgPerS'],
                                    rates['pipeRoundTripUs'], rates['queueRoundTripUs'],
                                    rates['queueRoundTripUs'] / rates['pipeRoundTripUs']),
          flush=True)
    result(rates)
