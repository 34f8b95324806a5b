"""Attacks on a numpy-only problem's ban of pandas, scikit-learn and SciPy (issue 17): every route by which a
notebook could still reach them must come back empty.

Each entry tries a family of routes and reports the ones that reached a real library ("got"); a library
counts as reached when the route yields a module with its `__version__` (the stand-in package of a hidden
library raises ModuleNotFoundError instead, and an empty folder would give an empty namespace). The
notebook never passes (it raises its report), so the evidence is the report itself: nothing reached, every
route tried.
"""
from __future__ import annotations

from tests.attacks.catalog import NOT_PASSED, Attack
from tests.attacks.harness import AttackSucceeded, Run

# Shared by every entry: what counts as reaching a library, and the report of routes tried and reached.
_COMMON = r'''
import importlib, importlib.util, types
ATK_LIBS = ("pandas", "sklearn", "scipy")
atk_got, atk_tried = [], [0]


def atk_real(m):
    return isinstance(m, types.ModuleType) and getattr(m, "__version__", None) is not None


def atk_try(route, fn):
    atk_tried[0] += 1
    if route in atk_got:  # reached already: once is enough (and re-importing whole libraries costs memory)
        return
    try:
        m = fn()
    except BaseException:
        return
    if atk_real(m) and route not in atk_got:
        atk_got.append(route)


def atk_clear():
    for k in [k for k in sys.modules if k.split(".")[0] in ATK_LIBS]:
        del sys.modules[k]


atk_loaded = sorted({k.split(".")[0] for k in sys.modules} & set(ATK_LIBS))
'''

_REPORT = r'''
atk_text = atk_report(got=atk_got, n=atk_tried[0], loaded=atk_loaded)


def softmax(z, axis=-1):
    raise PermissionError(atk_text)
'''

# importlib, __import__, builtins, exec and eval of strings, find_spec, runpy.
IMPORTS = r'''
import builtins, runpy
for name in ATK_LIBS + ("scipy.stats", "scipy.special", "sklearn.linear_model", "pandas.core.frame"):
    top = name.split(".")[0]
    atk_try("import_module", lambda: (atk_clear(), importlib.import_module(name), sys.modules[top])[2])
    atk_try("__import__", lambda: (atk_clear(), __import__(name))[1])
    atk_try("builtins", lambda: (atk_clear(), builtins.__import__(name, {}, {}, ["*"]))[1])
    atk_try("exec", lambda: (atk_clear(), exec("import %s as _m" % name, {}), sys.modules[top])[2])
    atk_try("eval", lambda: (atk_clear(), eval("__import__(%r)" % top))[1])
    atk_try("compile", lambda: (atk_clear(), exec(compile("from %s import *" % name, "x", "exec"), {}),
                                 sys.modules[top])[2])


def _spec(name):
    atk_clear()
    spec = importlib.util.find_spec(name)
    m = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(m)
    return m


for name in ATK_LIBS:
    atk_try("find_spec", lambda: _spec(name))
    atk_try("runpy", lambda: (atk_clear(), runpy.run_module(name + ".__init__"), sys.modules.get(name))[2])
'''

# Objects already in the process: sys.modules, gc.get_objects(), modules reachable from loaded modules
# (numpy's included), classes reachable from object.__subclasses__().
OBJECTS = r'''
import gc
for name in ATK_LIBS:
    atk_try("sys.modules", lambda: sys.modules[name])
for key, mod in list(sys.modules.items()):
    if key.split(".")[0] in ATK_LIBS:
        atk_try("sys.modules-scan", lambda: mod if atk_real(mod) else sys.modules[key.split(".")[0]])


def _gc_modules():
    for o in gc.get_objects():
        if isinstance(o, types.ModuleType) and str(getattr(o, "__name__", "")).split(".")[0] in ATK_LIBS:
            return o
        if type(o).__module__.split(".")[0] in ATK_LIBS:
            return sys.modules.get(type(o).__module__.split(".")[0]) or types.SimpleNamespace(__version__="obj")


atk_try("gc", _gc_modules)


def _reachable():
    seen, todo = set(), [m for m in list(sys.modules.values()) if isinstance(m, types.ModuleType)]
    while todo:
        m = todo.pop()
        if id(m) in seen:
            continue
        seen.add(id(m))
        if str(getattr(m, "__name__", "")).split(".")[0] in ATK_LIBS:
            return m
        for v in list(getattr(m, "__dict__", {}).values()):
            if isinstance(v, types.ModuleType):
                todo.append(v)
            elif isinstance(v, type) and str(v.__module__).split(".")[0] in ATK_LIBS:
                return sys.modules.get(v.__module__)


atk_try("module-graph", _reachable)


def _subclasses():
    seen, todo = set(), [object]
    while todo:
        c = todo.pop()
        try:
            subs = type.__subclasses__(c)
        except TypeError:
            continue
        for s in subs:
            if id(s) not in seen:
                seen.add(id(s))
                if str(s.__module__).split(".")[0] in ATK_LIBS:
                    return sys.modules.get(s.__module__) or types.SimpleNamespace(__version__="class")
                todo.append(s)


atk_try("subclasses", _subclasses)
import numpy as np
for attr in ("lib", "testing", "_core", "linalg", "random", "fft", "polynomial", "ma"):
    atk_try("numpy." + attr, lambda: next((v for v in vars(getattr(np, attr)).values()
                                           if isinstance(v, types.ModuleType)
                                           and v.__name__.split(".")[0] in ATK_LIBS), None))
'''

# The libraries' files, loaded by path: beside numpy, in every site folder a sandbox might show (the base
# interpreter's, the system's, a container's), via spec_from_file_location and via sys.path.
PATHS = r'''
import glob
import numpy
_site = os.path.dirname(os.path.dirname(numpy.__file__))
_bases = {_site, sys.prefix, sys.base_prefix, "/usr", "/usr/local", "/opt/venv", *glob.glob("/root/.pyenv/versions/*")}
_dirs = set()
for b in _bases:
    for pattern in ("%s", "lib*/python3*/site-packages/%s", "lib*/python3*/dist-packages/%s",
                    "lib/python3/dist-packages/%s"):
        for name in ATK_LIBS:
            _dirs.update(glob.glob(os.path.join(b, pattern % name)))


def _by_path(d):
    atk_clear()
    name = os.path.basename(d)
    spec = importlib.util.spec_from_file_location(name, os.path.join(d, "__init__.py"), submodule_search_locations=[d])
    m = importlib.util.module_from_spec(spec)
    sys.modules[name] = m
    spec.loader.exec_module(m)
    return m


def _by_sys_path(d):
    atk_clear()
    sys.path.insert(0, os.path.dirname(d))
    try:
        return importlib.import_module(os.path.basename(d))
    finally:
        sys.path.pop(0)


for d in sorted(_dirs):
    atk_try("spec_from_file_location", lambda: _by_path(d))
    atk_try("sys.path", lambda: _by_sys_path(d))
    atk_try("files", lambda: types.SimpleNamespace(__version__="files")
            if len([f for f in os.listdir(d) if f != "__init__.py"]) > 0 else None)
'''

# Another process: this interpreter and every other python visible, with PYTHONPATH over every site folder;
# pip from the index (no network) or from any wheel found, and ensurepip's own pip, into /tmp.
PROCESSES = r'''
import glob, subprocess
_probe = "import importlib,sys\nfor n in %r:\n    try:\n        m = importlib.import_module(n); print('OK', n, m.__version__)\n    except Exception: pass" % (ATK_LIBS,)
_sites = sorted(set(glob.glob("/usr/lib*/python3*/*-packages") + glob.glob("/usr/local/lib*/python3*/*-packages")
                    + glob.glob(sys.base_prefix + "/lib*/python3*/site-packages")
                    + glob.glob("/root/.pyenv/versions/*/lib/python3*/site-packages")))
_pythons = sorted(set([sys.executable] + glob.glob("/usr/bin/python3*") + glob.glob("/usr/local/bin/python3*")
                      + glob.glob(sys.base_prefix + "/bin/python3*") + glob.glob("/root/.pyenv/versions/*/bin/python3")))


def _run(argv, env=None, timeout=20):
    out = subprocess.run(argv, capture_output=True, text=True, timeout=timeout, env=env).stdout
    return types.SimpleNamespace(__version__="subprocess") if "OK " in out else None


for exe in _pythons[:8]:
    if os.access(exe, os.X_OK) and not exe.endswith("-config"):
        atk_try("python", lambda: _run([exe, "-c", _probe]))
        atk_try("python-path", lambda: _run([exe, "-c", _probe], env={"PYTHONPATH": ":".join(_sites), "PATH": "/usr/bin:/bin"}))
_wheels = [w for pat in ("/usr/share/python-wheels/*.whl", "/usr/lib/python3*/ensurepip/_bundled/*.whl",
                         sys.base_prefix + "/lib/python3*/ensurepip/_bundled/*.whl", "/tmp/*.whl",
                         os.path.expanduser("~") + "/.cache/pip/**/*.whl", "/root/.cache/pip/**/*.whl")
           for w in glob.glob(pat, recursive=True)][:50]


def _pip(pip_argv):
    target = "/tmp/atk-pip-%d" % atk_tried[0]
    links = sorted({os.path.dirname(w) for w in _wheels})
    args = pip_argv + ["install", "--disable-pip-version-check", "--retries", "0", "--timeout", "2", "--target", target,
                       *[x for d in links for x in ("--find-links", d)], "scipy", "pandas", "scikit-learn"]
    subprocess.run(args, capture_output=True, timeout=60)
    return _run([sys.executable, "-c", _probe], env={"PYTHONPATH": target, "PATH": "/usr/bin:/bin"})


atk_try("pip", lambda: _pip([sys.executable, "-m", "pip"]))


def _ensurepip():
    root = "/tmp/atk-ensurepip"
    subprocess.run([sys.executable, "-m", "ensurepip", "--root", root], capture_output=True, timeout=60)
    found = glob.glob(root + "/**/site-packages", recursive=True)
    if not found:
        return None
    subprocess.run([sys.executable, "-c", "import sys; sys.path.insert(0, %r); from pip._internal.cli.main import main;"
                    "sys.exit(main(['install','--retries','0','--timeout','2','--target','/tmp/atk-ep','scipy']))"
                    % found[0]], capture_output=True, timeout=60)
    return _run([sys.executable, "-c", _probe], env={"PYTHONPATH": "/tmp/atk-ep", "PATH": "/usr/bin:/bin"})


atk_try("ensurepip", _ensurepip)
'''


def ev_unreachable(minimum: int):
    """Nothing reached, no forbidden library loaded before the notebook ran, and at least `minimum` routes tried."""
    def check(run: Run) -> None:
        rep = run.report()
        if rep["got"]:
            raise AttackSucceeded(f"a forbidden library was reached by: {', '.join(map(str, rep['got']))}")
        if rep["loaded"]:
            raise AttackSucceeded(f"the kernel had {', '.join(rep['loaded'])} loaded before the notebook ran")
        assert rep["n"] >= minimum, f"only {rep['n']} routes were tried: the attack did not run as written"
    return check


_SLOW = {"cell_s": 90, "total_s": 150}
_PROC = "process fallback: NOT isolated, the libraries stay reachable (documented; the static check remains)"

FORBIDDEN: list[Attack] = [
    Attack("F1-imports", "a numpy-only problem reaching pandas/sklearn/scipy by importlib, __import__, exec, eval",
           (_COMMON, IMPORTS, _REPORT), statuses=NOT_PASSED, limits=_SLOW, evidence=ev_unreachable(48), process=_PROC),
    Attack("F1-objects", "... through sys.modules, gc.get_objects(), modules and classes reachable from numpy",
           (_COMMON, OBJECTS, _REPORT), statuses=NOT_PASSED, limits=_SLOW, evidence=ev_unreachable(12), process=_PROC),
    Attack("F1-paths", "... by loading the packages' files by path (spec_from_file_location, sys.path)",
           (_COMMON, PATHS, _REPORT), statuses=NOT_PASSED, limits=_SLOW, evidence=ev_unreachable(9), process=_PROC),
    Attack("F1-processes", "... from another python process, pip or ensurepip into /tmp",
           (_COMMON, PROCESSES, _REPORT), statuses=NOT_PASSED, limits={"cell_s": 240, "total_s": 300, "pids": 128},
           evidence=ev_unreachable(3), process=_PROC),
    # The detector's control: the same notebook on the same problem with nothing forbidden must reach them.
    Attack("F1-control", "control: F1-imports where nothing is forbidden (the detector must fire)",
           (_COMMON, IMPORTS, _REPORT), statuses=NOT_PASSED, limits={**_SLOW, "memory_mb": 1024, "forbidden": frozenset()},
           evidence=ev_unreachable(48), process=_PROC,
           xfail={"*": "control: with nothing forbidden the libraries are reachable, and the attack must say so"}),
]
