"""Helpers for hidden checks: what a check imports, from this one module.

- assertions (`assert_array`, `assert_scalar`, `assert_frame`, `assert_series`, `assert_type`,
  `assert_raises`): each raises AssertionError with a message that names what differs (type, shape,
  dtype, the first mismatching position) without printing the expected data in full;
- `covers(...)`: the rules of meta.yaml a check tests (read by `grader validate`);
- probes in the sandbox (grader/probing.py): `strict_callable`, `call_log`, `kernel_function`,
  `probe_call`, `stream`, `assert_scales`;
- statistical plans with stated power (grader/power.py): `binomial_plan`, `categorical_plan`, `mean_plan`.
"""
from __future__ import annotations

import math
import re
from collections.abc import Callable
from types import TracebackType
from typing import Any, TypeVar

import numpy as np
import pandas as pd

from grader.power import BinomialPlan, CategoricalPlan, MeanPlan, binomial_plan, categorical_plan, mean_plan
from grader.probing import (
    ArgSpec,
    CallLog,
    Probe,
    assert_scales,
    call_log,
    kernel_function,
    probe_call,
    stream,
    strict_callable,
)

__all__ = ["ATOL", "RTOL", "ArgSpec", "BinomialPlan", "CallLog", "CategoricalPlan", "MeanPlan", "Probe",
           "assert_array", "assert_frame", "assert_raises", "assert_scalar", "assert_scales", "assert_series",
           "assert_type", "binomial_plan", "call_log", "categorical_plan", "covers", "finite_difference",
           "kernel_function", "mean_plan", "probe_call", "stream", "strict_callable"]

RTOL = 1e-6
ATOL = 1e-9
_RULE_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
F = TypeVar("F", bound=Callable[..., Any])


def covers(*rule_ids: str) -> Callable[[F], F]:
    """Declare the rules (ids from meta.yaml `rules:`) that a check tests: `@covers("stable", "dtype")`.

    Validation reads the declaration at collection time, without running the check, and requires every
    mutant that breaks a rule to fail one of the checks covering it.
    """
    if not rule_ids or not all(isinstance(r, str) and _RULE_ID.match(r) for r in rule_ids):
        raise ValueError(f"covers() takes rule ids such as 'input-not-modified', got {rule_ids!r}")

    def mark(func: F) -> F:
        before = getattr(func, "__grader_covers__", ())
        func.__grader_covers__ = tuple(dict.fromkeys((*before, *rule_ids)))  # type: ignore[attr-defined]
        return func

    return mark


class assert_raises:
    """`with assert_raises(ValueError, "an empty x"):` the block must raise `kind` (or a subclass).

    No exception, or another exception type from the learner's code, fails the check with a one-line
    message naming `what`. The caught exception is in `.value` afterwards.
    """

    def __init__(self, kind: type[BaseException] | tuple[type[BaseException], ...], what: str = "this call"):
        self.kinds = kind if isinstance(kind, tuple) else (kind,)
        self.what = what
        self.value: BaseException | None = None

    def __enter__(self) -> assert_raises:
        return self

    def __exit__(self, etype: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> bool:
        names = " or ".join(k.__name__ for k in self.kinds)
        if exc is None:
            raise AssertionError(f"{self.what} should raise {names}, but no exception was raised")
        if isinstance(exc, self.kinds):
            self.value = exc
            return True
        from grader.proxy import RemoteError

        if isinstance(exc, RemoteError):
            shown = getattr(exc, "remote_type", "") or type(exc).__name__
            raise AssertionError(f"{self.what} should raise {names}, but raised {shown}: {_first_line(exc)}") from None
        return False  # a grader-side failure (timeout, dead sandbox) keeps its own outcome


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return (text[0] if text else "")[:120]


def _short(x: Any) -> str:
    if isinstance(x, np.generic):
        x = x.item()
    if isinstance(x, float):
        return f"{x:.6g}"
    if isinstance(x, np.ndarray):
        text = np.array2string(np.asarray(x), precision=6, threshold=6, edgeitems=2)
    else:
        text = repr(x)
    return text if len(text) <= 60 else text[:57] + "..."


def assert_type(value: Any, kind: type | tuple[type, ...], what: str = "result") -> None:
    """`value` is exactly of type `kind` (no subclasses: the codec only produces genuine types)."""
    kinds = kind if isinstance(kind, tuple) else (kind,)
    if type(value) not in kinds:
        names = " or ".join(k.__name__ for k in kinds)
        raise AssertionError(f"{what} should be a {names}, got {type(value).__name__}")


def assert_array(actual: Any, expected: Any, rtol: float = RTOL, atol: float = ATOL, what: str = "result",
                 check_dtype: bool = True) -> None:
    """A numpy array equal to `expected` in shape, dtype (kind and size) and values within tolerance."""
    expected = np.asarray(expected)
    assert_type(actual, np.ndarray, what)
    if actual.shape != expected.shape:
        raise AssertionError(f"{what} has shape {actual.shape}, expected {expected.shape}")
    if check_dtype and actual.dtype != expected.dtype:
        raise AssertionError(f"{what} has dtype {actual.dtype}, expected {expected.dtype}")
    if actual.dtype.kind in "fc" or expected.dtype.kind in "fc":
        a = actual.astype(np.float64) if actual.dtype.kind in "biuf" else actual
        e = expected.astype(np.float64) if expected.dtype.kind in "biuf" else expected
        bad = ~np.isclose(a, e, rtol=rtol, atol=atol, equal_nan=True)
    else:
        bad = actual != expected
    if np.any(bad):
        idx = tuple(int(i) for i in np.argwhere(bad)[0]) if actual.ndim else ()
        got = actual[idx] if idx else actual[()]
        want = expected[idx] if idx else expected[()]
        where = f" at index {idx if len(idx) > 1 else idx[0]}" if idx else ""
        raise AssertionError(f"{what} is wrong{where}: got {_short(got)}, expected {_short(want)} "
                             f"({int(np.sum(bad))} of {bad.size} values differ)")


def assert_scalar(actual: Any, expected: float, rtol: float = RTOL, atol: float = ATOL, what: str = "result") -> None:
    """A real number (Python or numpy scalar) close to `expected`; NaN matches NaN."""
    if isinstance(actual, (bool, np.bool_)) or not isinstance(actual, (int, float, np.integer, np.floating)):
        raise AssertionError(f"{what} should be a number, got {type(actual).__name__}")
    a, e = float(actual), float(expected)
    if math.isnan(e) and math.isnan(a):
        return
    if not math.isclose(a, e, rel_tol=rtol, abs_tol=atol):
        raise AssertionError(f"{what} is {a:.6g}, expected {e:.6g}")


def _pandas_equal(compare: Any, kind: type, actual: Any, expected: Any, what: str, kwargs: dict) -> None:
    assert_type(actual, kind, what)
    kwargs.setdefault("rtol", RTOL)
    kwargs.setdefault("atol", ATOL)
    try:
        compare(actual, expected, **kwargs)
    except AssertionError as exc:
        raise AssertionError(f"{what}: {_pandas_message(exc)}") from None


def assert_frame(actual: Any, expected: pd.DataFrame, what: str = "result", **kwargs: Any) -> None:
    """`pd.testing.assert_frame_equal` (dtype checked) with a one-line message."""
    _pandas_equal(pd.testing.assert_frame_equal, pd.DataFrame, actual, expected, what, kwargs)


def assert_series(actual: Any, expected: pd.Series, what: str = "result", **kwargs: Any) -> None:
    """`pd.testing.assert_series_equal` (dtype checked) with a one-line message."""
    _pandas_equal(pd.testing.assert_series_equal, pd.Series, actual, expected, what, kwargs)


def _pandas_message(exc: AssertionError) -> str:
    lines = [ln.strip() for ln in str(exc).splitlines() if ln.strip()]
    head = lines[0] if lines else "differs"
    detail = next((ln for ln in lines[1:] if ln.startswith(("[left]", "Attribute", "At positional"))), "")
    return f"{head} {detail}".strip()


def finite_difference(f: Any, x: np.ndarray, eps: float = 1e-6) -> np.ndarray:
    """Central-difference gradient of scalar `f` at `x` (trusted side; f is usually an oracle)."""
    x = np.array(x, dtype=np.float64)
    grad = np.zeros_like(x)
    it = np.nditer(x, flags=["multi_index"])
    for _ in it:
        i = it.multi_index
        old = x[i]
        x[i] = old + eps
        hi = f(x)
        x[i] = old - eps
        lo = f(x)
        x[i] = old
        grad[i] = (hi - lo) / (2 * eps)
    return grad
