"""Trusted-side API of the kernel-side probes (grader/probes.py); checks import it from `grader.checklib`.

- `strict_callable(learner, target, ArgSpec(...), ...)`: a function living in the sandbox, to pass
  where the statement promises what a callable receives; `call_log(handle)` reads what it saw.
- `probe_call(fn, *args, rng="record", memory=True, time=True)`: one learner call under the RNG
  guard and/or measured; returns (value, Probe).
- `stream(learner, values)`: an iterator living in the sandbox, for "keep only k items in memory".
- `assert_scales(...)`: time(factor * n) / time(n) against a bound, for complexity rules.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from grader.proxy import RemoteError, RemoteFunction, RemoteObject, remote_exception

PROBES = "_grader_probes"


@dataclass(frozen=True)
class ArgSpec:
    """What the statement promises about one positional argument of a callable it hands over.

    type: "ndarray", "float", "int", "list", "tuple", "number" (any int/float, numpy's too),
    "DataFrame", "Series" or "any"; ndim; dtype: allowed numpy dtype kinds, e.g. "f" or "fiu"; length.
    """

    type: str = "ndarray"
    ndim: int | None = None
    dtype: str | None = None
    length: int | None = None

    def to_json(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if v is not None}


@dataclass(frozen=True)
class CallLog:
    """What a strict callable saw: calls, the shapes of each call's arguments, the numbers it returned, and
    every broken promise (each of which also failed the learner's call)."""

    calls: int
    shapes: tuple[tuple[tuple[int, ...], ...], ...]
    returned: tuple[float, ...]
    violations: tuple[str, ...]

    def assert_clean(self, what: str = "the function you were given") -> None:
        if self.violations:
            raise AssertionError(f"{what}: {self.violations[0]}")


def strict_callable(learner: Any, target: str | RemoteObject | None, *specs: ArgSpec, kwargs: bool = False,
                    returns: Sequence[float] | None = None, extra_args: bool = False) -> RemoteObject:
    """A callable in the sandbox that calls `target` (a dotted path such as "numpy.mean", or a handle) or
    returns the numbers `returns` in turn, after checking each positional argument against `specs`.

    A call that breaks the promise raises TypeError inside the learner's code (so a list passed where
    "a 1-D ndarray" is promised fails the learner's call) and is logged; read the log with `call_log`.
    """
    spec_json = [s.to_json() for s in specs]
    return learner.invoke(f"{PROBES}.StrictCallable", target, spec_json, kwargs,
                          list(returns) if returns is not None else None, extra_args)


def call_log(handle: RemoteObject) -> CallLog:
    """The log of a strict callable (one round trip)."""
    raw = handle.call_method("log")
    if type(raw) is not dict:
        raise AssertionError("the grader's probe could not be read back")
    shapes = tuple(tuple(tuple(int(n) for n in shape) for shape in call) for call in raw.get("shapes", []))
    return CallLog(int(raw.get("calls", 0)), shapes, tuple(float(v) for v in raw.get("returned", [])),
                   tuple(str(v)[:300] for v in raw.get("violations", [])))


def kernel_function(learner: Any, source: str) -> RemoteObject:
    """A function in the sandbox from a one-line lambda with `np` and `math` in scope, e.g.
    kernel_function(learner, "lambda r: float(np.sum(r == 0))"): give it to the learner's code as is,
    or as the target of a strict callable (which also records the numbers it returns)."""
    return learner.invoke(f"{PROBES}.function", source)


def stream(learner: Any, values: Any) -> RemoteObject:
    """An iterator in the sandbox over `values` (sent once, before the call), one Python scalar at a time;
    its `consumed` attribute counts the items taken."""
    return learner.invoke(f"{PROBES}.Stream", values)


@dataclass(frozen=True)
class Probe:
    """What the kernel saw during one learner call."""

    random_sources: tuple[str, ...]
    peak_bytes: int | None  # peak of tracemalloc-traced memory during the call (numpy arrays included)
    cpu_s: float | None  # process CPU time of the call (the least of `repeat` calls)
    wall_s: float | None
    aliases: tuple[int, ...] = ()  # positions of the arguments the result is or shares memory with

    def assert_new(self, what: str = "your result") -> None:
        """The result is a new object: not an argument, not a view of one."""
        if self.aliases:
            raise AssertionError(f"{what} is (or shares memory with) argument {self.aliases[0] + 1}; "
                                 "return a new object")

    def assert_rng_only(self, what: str = "your function") -> None:
        """The call drew only from the generator it was given."""
        if self.random_sources:
            raise AssertionError(f"{what} used {', '.join(self.random_sources[:3])}; "
                                 "draw only from the rng argument (no np.random.*, no new generator, no random module)")


def probe_call(fn: RemoteFunction | tuple[RemoteObject, str], *args: Any, rng: str | None = None,
               memory: bool = False, time: bool = False, repeat: int = 1, aliasing: bool = False,
               **kwargs: Any) -> tuple[Any, Probe]:
    """Call the learner's `fn` (or `(handle, "method")`) once (or `repeat` times, keeping the least
    time and memory) under the probes asked for:

    rng="record" lists every draw from a source other than the generators passed in (numpy's or the
    random module's global state, any new Generator / RandomState / BitGenerator / SeedSequence);
    rng="fail" also makes that draw raise inside the learner's code. memory=True measures the peak of
    traced memory (tracemalloc, which sees numpy's buffers) from the start of the call, arguments
    excluded; time=True the CPU and wall time. Tracing memory slows Python code: measure time separately.
    aliasing=True records which arguments the result is, or is a view of (`Probe.assert_new`).
    The learner's exception is re-raised as usual (after an AssertionError for a forbidden draw).
    """
    options = {"rng": rng, "memory": memory, "time": time, "repeat": repeat, "aliasing": aliasing}
    if isinstance(fn, tuple):
        handle, method = fn
        raw = handle.call_method_probed(method, options, *args, **kwargs)
    else:
        raw = fn.call_probed(options, *args, **kwargs)
    if type(raw) is not dict or type(raw.get("report")) is not dict:
        raise AssertionError("the grader's probe could not be read back")
    rep = raw["report"]
    probe = Probe(tuple(str(s)[:80] for s in rep.get("random_sources") or []),
                  _number(rep.get("peak_bytes"), int), _number(rep.get("cpu_s"), float),
                  _number(rep.get("wall_s"), float),
                  tuple(int(i) for i in rep.get("aliases") or [] if isinstance(i, int) and not isinstance(i, bool)))
    if raw.get("error") is not None:
        if rng is not None:
            probe.assert_rng_only()
        err = raw["error"]
        raise remote_exception(err if type(err) is dict else {"type": "Exception", "module": "builtins"})
    return raw.get("value"), probe


def _number(value: Any, kind: Callable[[Any], Any]) -> Any:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return kind(value)


def assert_scales(fn: RemoteFunction, make_args: Callable[[int], tuple], n: int, *, factor: int = 10,
                  max_ratio: float, repeat: int = 3, what: str = "your function") -> float:
    """CPU time of fn(*make_args(factor * n)) over that of fn(*make_args(n)) is at most `max_ratio`.

    Pick n so that one call takes at least ~20 ms, and a bound halfway (in log scale) between the
    allowed and the forbidden growth: with factor 10, O(n log n) gives about 12, O(n^2) about 100,
    so max_ratio=35 separates them with room for machine noise. Returns the ratio.
    """
    _, small = probe_call(fn, *make_args(n), time=True, repeat=repeat)
    _, big = probe_call(fn, *make_args(factor * n), time=True, repeat=repeat)
    assert small.cpu_s is not None and big.cpu_s is not None
    ratio = big.cpu_s / max(small.cpu_s, 1e-4)
    if ratio > max_ratio:
        raise AssertionError(f"{what} takes {ratio:.0f} times longer on {factor}x the input "
                             f"(at most {max_ratio:.0f} expected); use a faster algorithm")
    return ratio


__all__ = ["ArgSpec", "CallLog", "Probe", "RemoteError", "assert_scales", "call_log", "kernel_function", "probe_call",
           "stream", "strict_callable"]
