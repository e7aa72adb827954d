# Post-import hooks: a module is patched right after the program imports it, never before
# (the shim imports nothing of multiprocessing by itself).
import sys

_pending = {}
# Where the shim's bytecode is cached (sitecustomize.py), for the patch modules loaded later.
_pycache = None


class _Finder:
    """First on sys.meta_path; for a watched name, finds the module with the other finders and
    wraps its loader so that the patch runs once the module has executed."""

    _busy = set()  # a finder that asks the import system again does not come back here

    def find_spec(self, name, path=None, target=None):
        if name not in _pending or name in self._busy:
            return None
        self._busy.add(name)
        spec = None
        try:
            for finder in sys.meta_path:
                find = getattr(finder, 'find_spec', None)
                if finder is self or find is None:
                    continue
                spec = find(name, path, target)
                if spec is not None:
                    break
        except Exception:
            return None
        finally:
            self._busy.discard(name)
        loader = getattr(spec, 'loader', None)
        if loader is None or not hasattr(loader, 'exec_module'):
            return None
        spec.loader = _Loader(loader, name)
        return spec


class _Loader:
    def __init__(self, loader, name):
        self._loader = loader
        self._name = name

    def create_module(self, spec):
        return self._loader.create_module(spec)

    def exec_module(self, module):
        self._loader.exec_module(module)
        _run(self._name, module)

    def __getattr__(self, attr):
        return getattr(self._loader, attr)


def _resolve(patch):
    """A patch given as 'module.function' (a module of this package), loaded now."""
    if not isinstance(patch, str):
        return patch
    mod, func = patch.split('.')
    saved = sys.pycache_prefix, sys.dont_write_bytecode
    if _pycache:
        sys.pycache_prefix, sys.dont_write_bytecode = _pycache, False
    try:
        __import__(__package__ + '.' + mod)
    finally:
        sys.pycache_prefix, sys.dont_write_bytecode = saved
    return getattr(sys.modules[__package__ + '.' + mod], func)


def _apply(patch, module):
    try:
        _resolve(patch)(module)
    except Exception:
        pass  # a patch that fails leaves the module as it was


def _run(name, module):
    for patch in _pending.pop(name, ()):
        _apply(patch, module)


def when_imported(name, patch):
    """Runs patch(module) once `name` is imported (now, if it already is). `patch` is a
    function, or 'module.function' in this package."""
    module = sys.modules.get(name)
    if module is not None:
        _apply(patch, module)
        return
    _pending.setdefault(name, []).append(patch)


def install(pycache=None):
    global _pycache
    _pycache = pycache
    sys.meta_path.insert(0, _Finder())
