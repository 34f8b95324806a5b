import itertools

import numpy as np
import pytest
from scipy.stats import chi2

from grader.checklib import probe_call, stream

_ALPHA = 1e-8  # a correct sampler fails a look with probability 1e-8 (0 of 1000 simulated seeds came close)


def _rng(learner, seed):
    """A fresh np.random.Generator living in the sandbox (passed to the learner as a handle)."""
    return learner.invoke("numpy.random.default_rng", seed)


def _one_shot(learner, start, n):
    """A one-pass iterator with no len() living in the sandbox: itertools.islice(itertools.count(start), n)."""
    return learner.invoke("itertools.islice", learner.invoke("itertools.count", start), n)


def _call(fn, stream, k, rng):
    out = fn(stream, k, rng)
    assert type(out) is list, f"reservoir_sample should return a list, got {type(out).__name__}"
    return out


def _subset_chi_square(learner, n, k, runs, seed):
    cells = {c: i for i, c in enumerate(itertools.combinations(range(n), k))}
    counts = np.zeros(len(cells))
    g = _rng(learner, seed)
    for _ in range(runs):
        out = _call(learner.reservoir_sample, list(range(n)), k, g)
        key = tuple(sorted(out))
        assert len(out) == k and key in cells, f"expected {k} distinct items of the stream 0..{n - 1}, got {out}"
        counts[cells[key]] += 1
    e = runs / len(cells)
    stat = float(((counts - e) ** 2 / e).sum())
    df = len(cells) - 1
    assert stat <= chi2.isf(_ALPHA, df), (
        f"over {runs} runs with a stream of {n} items and k={k}, the chosen subsets are not uniform "
        f"(chi-square {stat:.1f} with {df} degrees of freedom; counts {counts.astype(int).tolist()})")


def test_uniform_single_slot(learner):
    """k=1 of a 3-item stream, 100 runs: each item is chosen about 1/3 of the time (chi-square)."""
    _subset_chi_square(learner, 3, 1, 100, 2024)


def test_uniform_subsets(learner):
    """k=2 of a 5-item stream, 120 runs: all 10 possible pairs are equally likely (chi-square)."""
    _subset_chi_square(learner, 5, 2, 120, 2025)


def test_works_on_one_pass_iterator(learner):
    """A one-shot iterator without len() (islice of count) gives k distinct items of the stream."""
    out = _call(learner.reservoir_sample, _one_shot(learner, 100, 50), 5, _rng(learner, 1))
    assert len(out) == 5 and len(set(out)) == 5, f"expected 5 distinct items, got {out}"
    assert all(type(x) is int and 100 <= x < 150 for x in out), f"every item should come from the stream 100..149, got {out}"
    out = _call(learner.reservoir_sample, learner.invoke("builtins.iter", ["a", "b", "c", "d"]), 2, _rng(learner, 2))
    assert len(out) == 2 and set(out) <= {"a", "b", "c", "d"} and len(set(out)) == 2, \
        f"expected 2 distinct items of ['a', 'b', 'c', 'd'], got {out}"


def test_short_stream_returns_everything(learner):
    """A stream with fewer than k items (or exactly k) returns all of them in stream order; empty gives []."""
    assert _call(learner.reservoir_sample, [7, 3, 9], 5, _rng(learner, 3)) == [7, 3, 9], \
        "a stream of 3 items with k=5 should return all 3 items in stream order"
    assert _call(learner.reservoir_sample, _one_shot(learner, 0, 4), 4, _rng(learner, 4)) == [0, 1, 2, 3], \
        "a stream of exactly k items should return all of them in stream order"
    assert _call(learner.reservoir_sample, [], 3, _rng(learner, 5)) == [], "an empty stream should give []"


def test_k_zero_gives_empty(learner):
    """k = 0 returns an empty list."""
    assert _call(learner.reservoir_sample, [1, 2, 3], 0, _rng(learner, 6)) == [], "k=0 should return []"


def test_randomness_comes_from_rng(learner):
    """Same seed gives the same sample; other seeds or a second call on one generator give other samples."""
    stream = list(range(1000))
    a = _call(learner.reservoir_sample, stream, 10, _rng(learner, 7))
    b = _call(learner.reservoir_sample, stream, 10, _rng(learner, 7))
    assert a == b, "two generators with the same seed should give the same sample"
    c = _call(learner.reservoir_sample, stream, 10, _rng(learner, 8))
    assert sorted(a) != sorted(c), "generators with different seeds gave the same sample"
    g = _rng(learner, 9)
    first = _call(learner.reservoir_sample, stream, 10, g)
    second = _call(learner.reservoir_sample, stream, 10, g)
    assert sorted(first) != sorted(second), "two calls with the same generator object gave the same sample"
    assert len(set(a)) == 10, "the sample should contain 10 distinct items of the stream"


def test_negative_k_raises(learner):
    """k < 0 raises ValueError."""
    with pytest.raises(ValueError):
        learner.reservoir_sample([1, 2, 3], -1, _rng(learner, 11))


def test_input_not_modified(learner):
    """A list passed as the stream is left unchanged (rule G1)."""
    stream = list(range(20))
    _, after = learner.reservoir_sample.call_keep_args(stream, 4, _rng(learner, 12))
    assert after[0] == list(range(20)), "your function changed the list it was given"


def test_keeps_only_k_items_in_memory(learner):
    """One pass over a 20,000-item stream with k=10 peaks under 200 KB of memory (the stream held in a list needs ~700 KB)."""
    values = np.arange(10**6, 10**6 + 20_000)
    out, probe = probe_call(learner.fn("reservoir_sample", timeout=20.0), stream(learner, values), 10,
                            _rng(learner, 30), memory=True)
    assert type(out) is list and len(out) == 10 and len(set(out)) == 10, "expected 10 distinct items of the stream"
    assert all(10**6 <= x < 10**6 + 20_000 for x in out), "every item should come from the stream"
    assert probe.peak_bytes is not None and probe.peak_bytes < 200_000, (
        f"the call's memory peaked at {probe.peak_bytes / 1e3:.0f} KB for k=10 over 20,000 items: "
        "keep only the k items of the reservoir, do not hold the stream")
