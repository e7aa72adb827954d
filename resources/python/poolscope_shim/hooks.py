# Post-import hooks: a module is patched right after the program imports it, never before
# (the shim imports nothing of multiprocessing by itself).
import sys

_pending = {}


class _Finder:
    """First on sys.meta_path; for a watched name, finds the module with the other finders and
    wraps its loader so that the patch runs once the module has executed."""

    _busy = set()

    def find_spec(self, name, path=None, target=None):
        if name not in _pending or name in self._busy:
            return None
        self._busy.add(name)
        try:
            from importlib.util import find_spec

            spec = find_spec(name)
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


def _run(name, module):
    for patch in _pending.pop(name, ()):
        try:
            patch(module)
        except Exception:
            pass  # a patch that fails leaves the module as it was


def when_imported(name, patch):
    """Runs patch(module) once `name` is imported (now, if it already is)."""
    module = sys.modules.get(name)
    if module is not None:
        try:
            patch(module)
        except Exception:
            pass
        return
    _pending.setdefault(name, []).append(patch)


def install():
    sys.meta_path.insert(0, _Finder())
