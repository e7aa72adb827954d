# PoolScope's shim entry. Python imports this at start-up because PoolScope put this folder on
# PYTHONPATH for a program it watches. Outside such a run (no POOLSCOPE_SOCK) it does nothing but
# run the sitecustomize it shadows (Debian ships one), which it always does, first.
def _poolscope_boot():
    import os
    import sys

    here = os.path.dirname(os.path.abspath(__file__))
    try:
        from importlib.machinery import PathFinder

        rest = [p for p in sys.path if os.path.abspath(p or os.curdir) != here]
        spec = PathFinder.find_spec('sitecustomize', rest)
        if spec is not None and spec.loader is not None:
            from importlib.util import module_from_spec

            shadowed = module_from_spec(spec)
            spec.loader.exec_module(shadowed)
    except Exception:
        # The shadowed file's own failure is reported as Python would, without stopping us.
        import traceback

        traceback.print_exc()
    if os.environ.get('POOLSCOPE_SOCK'):
        try:
            import poolscope_shim

            poolscope_shim.install()
        except Exception:
            pass  # never let the shim stop the program


_poolscope_boot()
del _poolscope_boot
