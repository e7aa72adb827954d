# PoolScope's shim: reports what a Python program does with processes, queues, locks, pipes
# and pools to the PoolScope host watching it (see wire.py). Loaded by sitecustomize only for
# programs PoolScope starts; nothing in it may change what the program does.
from . import hooks, procs

_installed = False


def install(pycache=None):
    global _installed
    if _installed:
        return
    _installed = True
    procs.start()
    from . import budget

    budget.install()
    hooks.install(pycache)
    # The patches of what the program has not imported (yet) are named, not imported: a
    # program that never uses multiprocessing never loads mpobjs or pools.
    hooks.when_imported('multiprocessing.process', procs.patch_process)
    hooks.when_imported('subprocess', procs.patch_subprocess)
    hooks.when_imported('multiprocessing.synchronize', 'mpobjs.patch_locks')
    hooks.when_imported('multiprocessing.connection', 'mpobjs.patch_connection')
    hooks.when_imported('multiprocessing.queues', 'mpobjs.patch_queues')
    hooks.when_imported('multiprocessing.pool', 'pools.patch_pool')
    hooks.when_imported('concurrent.futures.process', 'pools.patch_futures')
