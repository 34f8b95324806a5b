"""Kernel-side probes: shipped into the learner's kernel beside the agent as `_grader_probes`.

Standard library and numpy only; never imported by the trusted side except by the in-process fake
sandbox. What a probe reports is data about the learner's own call, decoded by the strict codec
like any return value: a probe helps the checks see honest mistakes (a list passed where an array
is promised, a draw from numpy's global generator, a list of every item kept in memory). It is not
a boundary: code that sets out to forge a probe's record can, as it can forge its own results.

- `StrictCallable`: a function to pass to the learner's code, which checks every argument it gets
  (type, ndim, dtype kind) and fails the call that breaks the promise, recording calls, argument
  shapes, returned numbers and violations.
- `run(options, fn, args, kwargs, error)`: one call of the learner's function under an RNG guard
  (numpy's and the standard library's global generators, new generators of any kind) and/or
  measured (peak traced memory, CPU and wall time).
- `Stream`: an iterator over given values, counting what was consumed, for "keep only k items".
"""
import importlib
import time

MAX_LOG = 20000
_KINDS = {"ndarray": "numpy.ndarray", "DataFrame": "pandas.core.frame.DataFrame", "Series": "pandas.core.series.Series"}
_NUMBERS = ("numpy.float64", "numpy.float32", "numpy.int64", "numpy.int32")


class RandomSourceError(RuntimeError):
    """Raised inside the learner's call (rng guard in "fail" mode) at a draw from a forbidden source."""


def _resolve(target):
    if isinstance(target, str):
        module, _, attr = target.rpartition(".")
        return getattr(importlib.import_module(module or "builtins"), attr)
    if not callable(target):
        raise TypeError("the target of a strict callable must be callable")
    return target


def _a(word):
    return ("an " if word[:1].lower() in "aeio" or word == "ndarray" else "a ") + word


def _type_name(value):
    t = type(value)
    return t.__name__ if t.__module__ == "builtins" else f"{t.__module__}.{t.__qualname__}"


def _shape(value):
    shape = getattr(value, "shape", None)
    if isinstance(shape, tuple) and all(isinstance(n, int) for n in shape):
        return list(shape)
    try:
        return [len(value)]
    except TypeError:
        return []


class StrictCallable:
    """A callable that enforces a statement's promise about its arguments and records its calls.

    `specs` holds one dict per positional argument: {"type": "ndarray" | "float" | "int" | "list" | "tuple" |
    "number" | "DataFrame" | "Series" | "any", "ndim": int, "dtype": kinds such as "f" or "fiu", "length": int}.
    "float", "int", "list" and "tuple" mean exactly that builtin type; "number" any int or float, numpy's too.
    """

    def __init__(self, target=None, specs=(), kwargs_allowed=False, returns=None, extra_args_allowed=False):
        self._target = _resolve(target) if target is not None else None
        self._specs = [dict(s) for s in specs]
        self._kwargs_allowed = bool(kwargs_allowed)
        self._extra = bool(extra_args_allowed)
        self._returns = list(returns) if returns is not None else None
        if self._target is None and not self._returns:
            raise ValueError("a strict callable needs a target or values to return")
        self.reset()

    def reset(self):
        self.calls = 0
        self.shapes = []
        self.returned = []
        self.violations = []

    def _problem(self, args, kwargs):
        if kwargs and not self._kwargs_allowed:
            return f"was called with keyword arguments {sorted(kwargs)[:3]}; pass only positional arguments"
        if len(args) < len(self._specs) or (len(args) > len(self._specs) and not self._extra):
            return f"takes {len(self._specs)} positional argument(s) but was called with {len(args)}"
        for i, (value, spec) in enumerate(zip(args, self._specs, strict=False)):
            what = f"argument {i + 1}"
            kind = spec.get("type", "any")
            if kind == "number":
                if isinstance(value, bool) or not (isinstance(value, (int, float)) or _type_name(value) in _NUMBERS):
                    return f"{what} should be a number, got {_type_name(value)}"
            elif kind != "any" and _type_name(value) != _KINDS.get(kind, kind):
                return f"{what} should be {_a(kind)}, got {_type_name(value)}"
            ndim = spec.get("ndim")
            if ndim is not None and getattr(value, "ndim", None) != ndim:
                return f"{what} should have {ndim} dimension(s), got {getattr(value, 'ndim', 'none')}"
            kinds = spec.get("dtype")
            if kinds is not None:
                dtype = getattr(value, "dtype", None)
                if getattr(dtype, "kind", None) is None or dtype.kind not in kinds:
                    return f"{what} should have a dtype of kind {kinds!r}, got {dtype}"
            length = spec.get("length")
            if length is not None and _shape(value)[:1] != [length]:
                return f"{what} should have length {length}, got {(_shape(value) or ['none'])[0]}"
        return None

    def __call__(self, *args, **kwargs):
        self.calls += 1
        problem = self._problem(args, kwargs)
        if len(self.shapes) < MAX_LOG:
            self.shapes.append([_shape(a) for a in args])
        if problem is not None:
            if len(self.violations) < 100:
                self.violations.append(problem)
            raise TypeError(f"the function you were given {problem}")
        if self._returns is not None:
            value = self._returns[(self.calls - 1) % len(self._returns)]
        else:
            value = self._target(*args, **kwargs)
        number = isinstance(value, (int, float)) and not isinstance(value, bool)
        numpy_scalar = type(value).__module__ == "numpy" and getattr(value, "ndim", 1) == 0
        if len(self.returned) < MAX_LOG and (number or numpy_scalar):
            self.returned.append(float(value))
        return value

    def log(self):
        return {"calls": self.calls, "shapes": self.shapes, "returned": self.returned, "violations": self.violations}


def function(source):
    """A function built in the kernel from a check's one-line lambda, with `np` and `math` in scope
    (e.g. "lambda r: float(np.sum(r == 0))"), to hand to the learner's code or to a strict callable."""
    import math

    import numpy as np

    fn = eval(compile(source, "<check>", "eval"), {"np": np, "math": math, "__builtins__": __builtins__})
    if not callable(fn):
        raise TypeError("the source must evaluate to a function")
    return fn


class Stream:
    """An iterator over `values` (one Python scalar at a time) that counts how many were consumed."""

    def __init__(self, values):
        self._values = values
        self.consumed = 0

    def __iter__(self):
        return self

    def __next__(self):
        if self.consumed >= len(self._values):
            raise StopIteration
        value = self._values[self.consumed]
        self.consumed += 1
        return value.item() if hasattr(value, "item") else value


# ---------------------------------------------------------------- one guarded, measured call

_NUMPY_DRAWS = ("beta", "binomial", "bytes", "chisquare", "choice", "dirichlet", "exponential", "f", "gamma",
                "geometric", "gumbel", "hypergeometric", "laplace", "logistic", "lognormal", "logseries",
                "multinomial", "multivariate_normal", "negative_binomial", "noncentral_chisquare", "noncentral_f",
                "normal", "pareto", "permutation", "poisson", "power", "rand", "randint", "randn", "random",
                "random_integers", "random_sample", "ranf", "rayleigh", "sample", "seed", "set_state", "shuffle",
                "standard_cauchy", "standard_exponential", "standard_gamma", "standard_normal", "standard_t",
                "triangular", "uniform", "vonmises", "wald", "weibull", "zipf", "set_bit_generator")
_NUMPY_MAKERS = ("Generator", "RandomState", "MT19937", "PCG64", "PCG64DXSM", "Philox", "SFC64", "SeedSequence",
                 "BitGenerator")
_STDLIB_DRAWS = ("betavariate", "choice", "choices", "expovariate", "gammavariate", "gauss", "getrandbits",
                 "lognormvariate", "normalvariate", "paretovariate", "randbytes", "randint", "random", "randrange",
                 "sample", "seed", "setstate", "shuffle", "triangular", "uniform", "vonmisesvariate",
                 "weibullvariate", "binomialvariate")


class _RngGuard:
    """Replaces every global draw and generator constructor by a recording wrapper for one call."""

    def __init__(self, mode, namespace):
        self.fail = mode == "fail"
        self.namespace = namespace if isinstance(namespace, dict) else {}
        self.events = []
        self._undo = []

    def _note(self, name):
        if name not in self.events and len(self.events) < 50:
            self.events.append(name)
        if self.fail:
            raise RandomSourceError(f"{name} was used; draw only from the rng you were given")

    def _function(self, name, original):
        guard = self

        def wrapper(*args, **kwargs):
            guard._note(name)
            return original(*args, **kwargs)

        wrapper.__name__ = getattr(original, "__name__", name)
        wrapper.__doc__ = getattr(original, "__doc__", None)
        return wrapper

    def _default_rng(self, original, generator_type):
        guard = self

        def default_rng(*args, **kwargs):
            if not (len(args) == 1 and not kwargs and isinstance(args[0], generator_type)):
                guard._note("np.random.default_rng")  # default_rng(rng) returns rng itself: not a new generator
            return original(*args, **kwargs)

        return default_rng

    def _class(self, name, original):
        guard = self

        class _Recording(type):
            def __call__(cls, *args, **kwargs):
                guard._note(name)
                return original(*args, **kwargs)

            def __instancecheck__(cls, obj):
                return isinstance(obj, original)

            def __subclasscheck__(cls, sub):
                return issubclass(sub, original)

            def __getattr__(cls, attr):
                return getattr(original, attr)

        return _Recording(original.__name__, (), {"__doc__": original.__doc__})

    def _swap(self, owner, attr, new):
        """Replace owner.attr (owner a module or a namespace dict) by `new` until the call ends."""
        old = owner[attr] if isinstance(owner, dict) else getattr(owner, attr)
        self._undo.append((owner, attr, old))
        if isinstance(owner, dict):
            owner[attr] = new
        else:
            setattr(owner, attr, new)
        self._wrappers[id(old)] = new

    def __enter__(self):
        import random

        import numpy as np

        self._wrappers = {}
        self._np_state = np.random.mtrand._rand.get_state(legacy=False)
        self._py_state = random.getstate()
        for name in _NUMPY_DRAWS:
            if hasattr(np.random, name):
                self._swap(np.random, name, self._function(f"np.random.{name}", getattr(np.random, name)))
        generator = np.random.Generator
        for name in _NUMPY_MAKERS:
            original = getattr(np.random, name, None)
            if isinstance(original, type):
                self._swap(np.random, name, self._class(f"np.random.{name}", original))
        self._swap(np.random, "default_rng", self._default_rng(np.random.default_rng, generator))
        for name in _STDLIB_DRAWS:
            if hasattr(random, name):
                self._swap(random, name, self._function(f"random.{name}", getattr(random, name)))
        for name in ("Random", "SystemRandom"):
            self._swap(random, name, self._class(f"random.{name}", getattr(random, name)))
        # Names the notebook imported directly (`from numpy.random import default_rng`) still point at
        # the originals: point them at the wrappers too, for this call.
        for key, value in list(self.namespace.items()):
            wrapper = self._wrappers.get(id(value))
            if wrapper is not None and not isinstance(value, (int, str, bool, float)):
                self._swap(self.namespace, key, wrapper)
        return self

    def __exit__(self, *exc):
        import random

        import numpy as np

        for owner, attr, old in reversed(self._undo):
            if isinstance(owner, dict):
                owner[attr] = old
            else:
                setattr(owner, attr, old)
        self._undo.clear()
        if not _same_state(np.random.mtrand._rand.get_state(legacy=False), self._np_state):
            self.events.append("numpy's global RandomState")
        if random.getstate() != self._py_state:
            self.events.append("the random module's global generator")
        return False


def _same_state(a, b):
    import numpy as np

    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(_same_state(a[k], b[k]) for k in a)
    if isinstance(a, np.ndarray):
        return bool(np.array_equal(a, b))
    return a == b


def run(options, fn, args, kwargs, error, namespace=None):
    """Call `fn(*args, **kwargs)` as `options` say ({"rng": "record" | "fail", "memory": bool, "time": bool,
    "repeat": int, "aliasing": bool}); returns {"value", "error", "report"}, `error` being the learner's
    exception as the agent describes it."""
    import tracemalloc

    options = options if isinstance(options, dict) else {}
    repeat = max(1, min(int(options.get("repeat", 1) or 1), 50))
    guard = _RngGuard(options.get("rng"), namespace) if options.get("rng") in ("record", "fail") else None
    memory = bool(options.get("memory"))
    report: dict = {"random_sources": [], "peak_bytes": None, "cpu_s": None, "wall_s": None, "calls": 0, "aliases": []}
    value, failure = None, None
    cpu_best = wall_best = None
    tracing = tracemalloc.is_tracing()
    try:
        for _ in range(repeat):
            if memory:
                if not tracing:
                    tracemalloc.start()
                tracemalloc.reset_peak()
                base = tracemalloc.get_traced_memory()[0]
            cpu0, wall0 = time.process_time(), time.perf_counter()
            if guard is not None:
                with guard:
                    value = fn(*args, **kwargs)
            else:
                value = fn(*args, **kwargs)
            cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
            report["calls"] += 1
            cpu_best = cpu if cpu_best is None else min(cpu_best, cpu)
            wall_best = wall if wall_best is None else min(wall_best, wall)
            if memory:
                peak = tracemalloc.get_traced_memory()[1] - base
                report["peak_bytes"] = peak if report["peak_bytes"] is None else min(report["peak_bytes"], peak)
    except Exception as exc:  # noqa: BLE001 - the learner's exception is part of the answer
        failure = error(exc)
        value = None
    finally:
        if memory and not tracing:
            tracemalloc.stop()
    if options.get("time"):
        report["cpu_s"], report["wall_s"] = cpu_best, wall_best
    if guard is not None:
        report["random_sources"] = list(guard.events)
    if options.get("aliasing") and failure is None:
        report["aliases"] = _aliases(value, args)
    return {"value": value, "error": failure, "report": report}


def _aliases(value, args):
    """Positions of the arguments that the result is, or shares memory with (a view, a returned input)."""
    import numpy as np

    parts = list(value) if type(value) in (tuple, list) else [value]
    immutable = (int, float, complex, str, bytes, bool, type(None), np.generic)
    found = []
    for i, arg in enumerate(args):
        for part in parts:
            same = part is arg and not isinstance(part, immutable)  # equal small ints are one object
            if not same and isinstance(part, np.ndarray) and isinstance(arg, np.ndarray):
                same = bool(np.shares_memory(part, arg))
            if not same and hasattr(part, "to_numpy") and hasattr(arg, "to_numpy"):
                try:
                    same = bool(np.shares_memory(part.to_numpy(copy=False), arg.to_numpy(copy=False)))
                except Exception:  # noqa: BLE001 - an exotic frame: only identity counts
                    same = False
            if same:
                found.append(i)
                break
    return found

