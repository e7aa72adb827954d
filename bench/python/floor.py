"""The least any launcher costs, for PoolScope's shim benchmark (bench/shim.bench.ts).

Usage: python3 -I -S floor.py NICE PROGRAM [ARGS...]
An interpreter that loads nothing (as the launcher runs) starts the program below itself at
NICE (as the launcher does) and waits for it: a watched run cannot cost less than this, whatever
the shim and the host do. Exits with the program's status.
"""
import os
import sys


def main():
    nice, argv = int(sys.argv[1]), sys.argv[2:]
    pid = os.posix_spawn(argv[0], argv, os.environ)
    if nice:
        os.setpriority(os.PRIO_PROCESS, pid, os.getpriority(os.PRIO_PROCESS, 0) + nice)
    _, status = os.waitpid(pid, 0)
    return os.WEXITSTATUS(status) if os.WIFEXITED(status) else 128 + os.WTERMSIG(status)


if __name__ == '__main__':
    sys.exit(main())
