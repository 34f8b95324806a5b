import numpy as np
import pytest

from grader.checklib import assert_array

NEG = -np.inf


def _softmax(x):
    e = np.exp(x - x.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def test_worked_example(learner):
    """The worked example: probabilities [0.1, 0.5, 0.15, 0.25] at p = 0.7 keep tokens 1 and 3."""
    logits = np.log(np.array([0.1, 0.5, 0.15, 0.25]))
    expected = np.array([NEG, logits[1], NEG, logits[3]])
    assert_array(learner.top_p_filter(logits, 0.7), expected, rtol=0, atol=0)


def test_crossing_token_kept(learner):
    """The token whose probability makes the running total reach p is kept (and no token after it)."""
    logits = np.log(np.array([0.2, 0.5, 0.3]))
    for p, keep in [(0.6, [1, 2]), (0.45, [1]), (0.85, [0, 1, 2])]:
        expected = np.where(np.isin(np.arange(3), keep), logits, NEG)
        assert_array(learner.top_p_filter(logits, p), expected, rtol=0, atol=0,
                     what=f"filtered logits for probabilities [0.2, 0.5, 0.3] and p={p}")


def test_reaching_p_exactly_stops(learner):
    """Four equal logits (probability 0.25 each): p = 0.5 keeps exactly 2 tokens, p = 0.51 keeps 3."""
    z = np.zeros(4)
    assert_array(learner.top_p_filter(z, 0.5), np.array([0.0, 0.0, NEG, NEG]), rtol=0, atol=0,
                 what="result for p=0.5 (the total reaches 0.5 after two tokens)")
    assert_array(learner.top_p_filter(z, 0.51), np.array([0.0, 0.0, 0.0, NEG]), rtol=0, atol=0,
                 what="result for p=0.51")


def test_top_token_always_kept(learner):
    """A tiny p keeps only the most probable token."""
    logits = np.array([0.3, -1.0, 2.5, 2.4, 0.0])
    assert_array(learner.top_p_filter(logits, 1e-9), np.array([NEG, NEG, 2.5, NEG, NEG]), rtol=0, atol=0)


def test_p_one_keeps_everything(learner):
    """p = 1 keeps every token, even one whose probability underflows to 0."""
    for logits in (np.array([1.0, 2.0, -900.0]), np.array([0.0, -800.0, 3.0, 1.0])):
        assert_array(learner.top_p_filter(logits, 1.0), logits, rtol=0, atol=0, what="result for p=1")


def test_ties_broken_by_position(learner):
    """Three tied top tokens where p needs only two of them: the two with the lower indices are kept."""
    logits = np.array([1.0, 3.0, 3.0, 0.0, 3.0])
    assert_array(learner.top_p_filter(logits, 0.5), np.array([NEG, 3.0, 3.0, NEG, NEG]), rtol=0, atol=0)


def test_many_ties_broken_by_position(learner):
    """Tied blocks of 20, 40 and 150 top tokens with the cut inside the block keep the lowest indices (1-D and a batch)."""
    rng = np.random.default_rng(20)
    rows = []
    for n, t, k in [(30, 20, 7), (64, 40, 21), (200, 150, 60)]:
        x = np.full(n, -3.0)
        tied = np.sort(rng.choice(n, t, replace=False))
        x[tied] = 0.0
        q = 1.0 / (t + (n - t) * np.exp(-3.0))  # probability of each tied token
        expected = np.full(n, NEG)
        expected[tied[:k]] = 0.0
        out = learner.top_p_filter(x, (k - 0.5) * q)
        assert_array(out, expected, rtol=0, atol=0,
                     what=f"result for {t} tied top tokens among {n} when p needs {k} of them")
        rows.append((x, (k - 0.5) * q, expected))
    batch = np.stack([np.roll(rows[1][0], s) for s in (0, 5, 17)])
    tied_sets = [np.flatnonzero(r == 0.0) for r in batch]
    q = 1.0 / (40 + 24 * np.exp(-3.0))
    expected = np.full(batch.shape, NEG)
    for i, tied in enumerate(tied_sets):
        expected[i, tied[:21]] = 0.0
    assert_array(learner.top_p_filter(batch, 20.5 * q), expected, rtol=0, atol=0,
                 what="result for a (3, 64) batch with 40 tied top tokens per row")


def test_batched_rows(learner, reference):
    """A (6, 10) batch and a (2, 3, 5) batch are filtered row by row along the last axis."""
    rng = np.random.default_rng(0)
    for shape, p in [((6, 10), 0.8), ((2, 3, 5), 0.6)]:
        logits = rng.normal(scale=2.0, size=shape)
        out = learner.top_p_filter(logits, p)
        assert_array(out, reference.top_p_filter(logits, p), rtol=0, atol=0, what=f"result for shape {shape}")


def test_smallest_set_property(learner):
    """On 50 random rows the kept set has mass >= p, and dropping its least probable token goes below p."""
    logits = np.random.default_rng(1).normal(scale=1.5, size=(50, 12))
    p = 0.75
    out = learner.top_p_filter(logits, p)
    assert type(out) is np.ndarray and out.shape == logits.shape, "the result should be an array shaped like logits"
    probs = _softmax(logits)
    for r in range(50):
        kept = np.isfinite(out[r])
        assert np.array_equal(out[r][kept], logits[r][kept]), "kept entries should equal the original logits"
        mass = probs[r][kept].sum()
        assert mass >= p - 1e-12, f"row {r}: the kept tokens have total probability {mass:.4f} < p"
        least = probs[r][kept].min()
        assert probs[r][~kept].max(initial=0.0) <= least, f"row {r}: a dropped token is more probable than a kept one"
        assert mass - least < p, f"row {r}: the kept set is not the smallest one reaching p"


def test_invalid_p_raises(learner):
    """p = 0, p < 0 and p > 1 raise ValueError."""
    for p in (0.0, -0.2, 1.5):
        with pytest.raises(ValueError):
            learner.top_p_filter(np.array([1.0, 2.0]), p)


def test_input_not_modified(learner):
    """The logits array is left unchanged (rule G1)."""
    logits = np.random.default_rng(2).normal(size=(3, 6))
    _, after = learner.top_p_filter.call_keep_args(logits, 0.5)
    assert_array(after[0], logits, rtol=0, atol=0, what="your logits after the call")
