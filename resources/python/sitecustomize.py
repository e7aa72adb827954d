# PoolScope's shim entry. Python imports this at start-up because PoolScope put this folder on
# PYTHONPATH for a program it watches. Outside such a run (no POOLSCOPE_SOCK) it does nothing but
# run the sitecustomize it shadows (Debian ships one), which it always does, first.
# It runs in every process of the program: it imports nothing but what start-up has loaded.
def _poolscope_boot():
    import os
    import sys
    from _frozen_importlib import module_from_spec
    from _frozen_importlib_external import PathFinder

    here = os.path.dirname(os.path.abspath(__file__))
    try:
        rest = [p for p in sys.path if os.path.abspath(p or os.curdir) != here]
        spec = PathFinder.find_spec('sitecustomize', rest)
        if spec is not None and spec.loader is not None:
            shadowed = module_from_spec(spec)
            spec.loader.exec_module(shadowed)
    except Exception:
        # The shadowed file's own failure is reported as Python would, without stopping us.
        import traceback

        traceback.print_exc()
    if os.environ.get('POOLSCOPE_SOCK'):
        # The shim's bytecode goes to PoolScope's cache (POOLSCOPE_PYCACHE), whatever the
        # program's own settings, which are put back at once: compiling it costs more than
        # everything else the shim does at start-up.
        saved = sys.pycache_prefix, sys.dont_write_bytecode
        cache = os.environ.get('POOLSCOPE_PYCACHE')
        if cache:
            sys.pycache_prefix, sys.dont_write_bytecode = cache, False
        try:
            import poolscope_shim

            poolscope_shim.install(cache)
        except Exception:
            pass  # never let the shim stop the program
        finally:
            sys.pycache_prefix, sys.dont_write_bytecode = saved


_poolscope_boot()
del _poolscope_boot
