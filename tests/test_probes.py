"""Probes for the classes of weak checks (issue 16): strict callables, the RNG guard, resource measurement.

The fast tests use the in-process fake sandbox (the same agent and probe code); one slow test runs the
probes shipped as source into a real kernel.
"""
from __future__ import annotations

import numpy as np
import pytest

from grader.checklib import ArgSpec, assert_raises, assert_scales, call_log, covers, probe_call, stream, strict_callable
from grader.proxy import Channel, Learner, RemoteError, agent_source
from grader.sandbox.base import Sandbox
from grader.sandbox.fake import FakeSandbox
from grader.sandbox.limits import Limits

LEARNER = '''
import heapq
import random
import numpy as np
import scipy.stats
from numpy.random import default_rng

def apply(f, *args, **kwargs):
    return f(*args, **kwargs)

def apply_to_list(f, x):
    return f(list(x))

def resample_means(x, stat, rng, k):
    return [stat(x[rng.integers(0, len(x), len(x))]) for _ in range(k)]

def draw(rng, how):
    if how == "rng":
        return float(rng.normal())
    if how == "passthrough":
        return float(np.random.default_rng(rng).normal())  # default_rng(Generator) returns it: allowed
    if how == "isinstance":
        return isinstance(rng, np.random.Generator) and float(rng.random())
    if how == "global":
        return float(np.random.normal())
    if how == "seed":
        np.random.seed(1)
        return float(rng.normal())
    if how == "imported-fresh":
        return float(default_rng(int(rng.integers(100))).normal())
    if how == "module-fresh":
        return float(np.random.Generator(np.random.PCG64(3)).normal())
    if how == "legacy":
        return float(np.random.RandomState(0).normal())
    if how == "stdlib":
        return random.random()
    if how == "stdlib-instance":
        return random.Random(4).random()
    if how == "library-global":
        return float(scipy.stats.norm.rvs())
    raise ValueError(how)

def keep_all(stream, k):
    return sorted(list(stream))[:k]

def keep_k(stream, k):
    return heapq.nsmallest(k, stream)

def same(x):
    return x

def view(x):
    return x[::2]

def fresh(x):
    return x.copy(), x[0]

def first_int(k):
    return k

def big_array(n):
    return float(np.ones(n).sum())

def linear(x):
    return float(np.sort(x)[0])

def quadratic(x):
    values = x.tolist()
    return sum(1 for a in values for b in values if a < b)  # all pairs: O(n^2)
'''


def _learner(sandbox) -> Learner:
    session = sandbox.open(Limits())
    assert session.run_cells([(0, LEARNER)], 1e12).state == "ok"
    session.install_agent(agent_source())
    return Learner(Channel(session, 30.0))


@pytest.fixture
def learner() -> Learner:
    return _learner(FakeSandbox())


def test_a_strict_callable_passes_through_and_records(learner):
    stat = strict_callable(learner, "numpy.mean", ArgSpec("ndarray", ndim=1, dtype="f"))
    x = np.arange(12.0)
    out = learner.resample_means(x, stat, learner.invoke("numpy.random.default_rng", 0), 5)
    log = call_log(stat)
    assert log.calls == 5 and log.shapes == (((12,),),) * 5 and not log.violations
    assert list(log.returned) == [float(v) for v in out]


@pytest.mark.parametrize("call, violation", [
    (lambda L, f: L.apply_to_list(f, np.arange(3.0)), "argument 1 should be an ndarray, got list"),
    (lambda L, f: L.apply(f, np.ones((2, 2))), "argument 1 should have 1 dimension(s), got 2"),
    (lambda L, f: L.apply(f, np.arange(3)), "argument 1 should have a dtype of kind 'f', got int64"),
    (lambda L, f: L.apply(f, np.arange(3.0), axis=0), "was called with keyword arguments ['axis']"),
    (lambda L, f: L.apply(f, np.arange(3.0), 0), "takes 1 positional argument(s) but was called with 2"),
])
def test_a_strict_callable_fails_the_learners_call_that_breaks_the_promise(learner, call, violation):
    stat = strict_callable(learner, "numpy.mean", ArgSpec("ndarray", ndim=1, dtype="f"))
    with assert_raises(TypeError, "a call breaking the promise") as caught:
        call(learner, stat)
    assert violation in str(caught.value)
    log = call_log(stat)
    assert log.calls == 1 and len(log.violations) == 1 and log.violations[0].startswith(violation)
    with pytest.raises(AssertionError, match="the function you were given: " + violation[:20]):
        log.assert_clean()


def test_a_strict_callable_can_return_given_numbers_in_turn(learner):
    seq = strict_callable(learner, None, ArgSpec("ndarray"), returns=[3.0, 1.0, 2.0])
    assert [learner.apply(seq, np.zeros(1)) for _ in range(4)] == [3.0, 1.0, 2.0, 3.0]


@pytest.mark.parametrize("how, sources", [
    ("rng", ()), ("passthrough", ()), ("isinstance", ()),
    ("global", ("np.random.normal", "numpy's global RandomState")),
    ("seed", ("np.random.seed", "numpy's global RandomState")),
    ("imported-fresh", ("np.random.default_rng",)),
    ("module-fresh", ("np.random.PCG64", "np.random.Generator")),
    ("legacy", ("np.random.RandomState",)),
    ("stdlib", ("random.random", "the random module's global generator")),
    ("stdlib-instance", ("random.Random",)),
    ("library-global", ("numpy's global RandomState",)),
])
def test_the_rng_guard_records_every_other_source_of_randomness(learner, how, sources):
    rng = learner.invoke("numpy.random.default_rng", 5)
    value, probe = probe_call(learner.fn("draw"), rng, how, rng="record")
    assert value is not None and probe.random_sources == sources
    if sources:
        with pytest.raises(AssertionError, match="draw only from the rng argument"):
            probe.assert_rng_only()
    else:
        probe.assert_rng_only()


def test_the_rng_guard_can_fail_the_draw_and_restores_everything(learner):
    import random

    rng = learner.invoke("numpy.random.default_rng", 5)
    before = (np.random.normal, np.random.default_rng, np.random.Generator, random.random)
    with pytest.raises(AssertionError, match="used np.random.normal"):
        probe_call(learner.fn("draw"), rng, "global", rng="fail")
    assert (np.random.normal, np.random.default_rng, np.random.Generator, random.random) == before
    assert learner.draw(rng, "imported-fresh") is not None  # the notebook's own names are restored too
    with pytest.raises(ValueError):  # the learner's own exception still comes back as itself
        probe_call(learner.fn("draw"), rng, "unknown", rng="record")


def test_peak_memory_sees_numpy_buffers_and_tells_keeping_k_from_keeping_all(learner):
    _, probe = probe_call(learner.fn("big_array"), 10**6, memory=True)
    assert probe.peak_bytes is not None and probe.peak_bytes >= 8_000_000
    values = np.random.default_rng(0).random(100_000)
    _, all_items = probe_call(learner.fn("keep_all"), stream(learner, values), 5, memory=True)
    _, k_items = probe_call(learner.fn("keep_k"), stream(learner, values), 5, memory=True)
    assert all_items.peak_bytes is not None and k_items.peak_bytes is not None
    assert all_items.peak_bytes > 2_000_000 and k_items.peak_bytes < 20_000  # 100k floats vs 5 kept


def test_aliasing_finds_a_returned_argument_or_a_view_of_it(learner):
    x = np.arange(6.0)
    for fn, aliases in (("same", (0,)), ("view", (0,)), ("fresh", ())):
        _, probe = probe_call(learner.fn(fn), x, aliasing=True)
        assert probe.aliases == aliases, fn
    assert probe_call(learner.fn("first_int"), 3, aliasing=True)[1].aliases == ()  # a number is not an object
    with pytest.raises(AssertionError, match=r"shares memory with\) argument 1"):
        probe_call(learner.fn("view"), x, aliasing=True)[1].assert_new()


def test_time_ratio_tells_linear_from_quadratic(learner):
    make = lambda n: (np.random.default_rng(n).random(n),)
    ratio = assert_scales(learner.fn("linear"), make, 200_000, factor=10, max_ratio=35)
    assert ratio < 35
    with pytest.raises(AssertionError, match="times longer on 10x the input"):
        assert_scales(learner.fn("quadratic"), make, 150, factor=10, max_ratio=35)


def test_assert_raises_reports_what_happened(learner):
    with assert_raises(ValueError, "an unknown mode") as caught:
        learner.draw(learner.invoke("numpy.random.default_rng", 0), "unknown")
    assert isinstance(caught.value, RemoteError)
    length = learner.invoke("importlib.import_module", "builtins").len
    with pytest.raises(AssertionError, match="an empty x should raise ValueError, but no exception was raised"), \
            assert_raises(ValueError, "an empty x"):
        learner.apply(length, [])
    with pytest.raises(AssertionError, match="should raise ValueError, but raised TypeError"), \
            assert_raises(ValueError, "a list"):
        learner.apply_to_list(strict_callable(learner, "numpy.mean", ArgSpec()), np.zeros(2))
    # a failure of the check itself is not turned into a verdict
    with pytest.raises(KeyError), assert_raises(ValueError, "x"):
        raise KeyError("grader-side")


def test_covers_marks_a_check_and_refuses_bad_ids():
    @covers("sums-to-one")
    @covers("dtype", "sums-to-one")
    def check() -> None:
        """A check."""

    assert check.__grader_covers__ == ("dtype", "sums-to-one")  # type: ignore[attr-defined]
    for bad in ((), ("Not An Id",), ("a_b",)):
        with pytest.raises(ValueError, match="rule ids"):
            covers(*bad)


@pytest.mark.slow
def test_probes_work_in_a_real_kernel():
    from grader.sandbox.fork import ForkSandbox

    sandbox: Sandbox = ForkSandbox()
    if sandbox.unavailable_reason():
        from grader.sandbox.process import ProcessSandbox

        sandbox = ProcessSandbox()
    learner = _learner(sandbox)
    try:
        stat = strict_callable(learner, "numpy.mean", ArgSpec("ndarray", ndim=1, dtype="f"))
        with assert_raises(TypeError, "a list"):
            learner.apply_to_list(stat, np.arange(3.0))
        assert call_log(stat).violations == ("argument 1 should be an ndarray, got list",)
        rng = learner.invoke("numpy.random.default_rng", 5)
        assert probe_call(learner.fn("draw"), rng, "rng", rng="record")[1].random_sources == ()
        assert probe_call(learner.fn("draw"), rng, "imported-fresh", rng="record")[1].random_sources == (
            "np.random.default_rng",)
        _, probe = probe_call(learner.fn("big_array"), 10**6, memory=True, time=True)
        assert probe.peak_bytes is not None and probe.peak_bytes >= 8_000_000
        assert probe.cpu_s is not None and probe.cpu_s >= 0
    finally:
        learner._channel.session.close()
