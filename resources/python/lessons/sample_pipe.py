# The tutorial's sample_pipe: a Pipe between two children; the sender sends the message and
# closes its end, the receiver receives it and prints it.
import multiprocessing as mp

from _lesson import options, result


def send(conn, message, count):
    for _ in range(count):
        conn.send(message)
    conn.close()


def receive(conn, message, count, received):
    ok = True
    for _ in range(count):
        got = conn.recv()
        print(got, flush=True)
        received.value += 1
        ok = ok and got == message
    raise SystemExit(0 if ok else 1)


if __name__ == '__main__':
    args = options(__doc__, ('message', str, 'Hello World', 'what is sent'),
                   ('count', int, 1, 'how many times'))
    a, b = mp.Pipe()
    received = mp.Value('i', 0, lock=False)
    receiver = mp.Process(target=receive, args=(b, args.message, args.count, received),
                          name='receiver')
    sender = mp.Process(target=send, args=(a, args.message, args.count), name='sender')
    receiver.start()
    sender.start()
    sender.join()
    receiver.join()
    result({'received': received.value, 'allMatch': receiver.exitcode == 0})
