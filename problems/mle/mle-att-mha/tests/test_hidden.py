import numpy as np
import pytest

from grader.checklib import assert_array


def _data(seed, N, T, d, scale=None):
    rng = np.random.default_rng(seed)
    s = 1.0 / np.sqrt(d) * 1.5 if scale is None else scale
    X = rng.normal(size=(N, T, d))
    Wq, Wk, Wv, Wo = (rng.normal(scale=s, size=(d, d)) for _ in range(4))
    return X, Wq, Wk, Wv, Wo


def _single_head(x, Wq, Wk, Wv):
    q, k, v = x @ Wq, x @ Wk, x @ Wv
    s = q @ k.T / np.sqrt(q.shape[1])
    w = np.exp(s - s.max(axis=1, keepdims=True))
    return (w / w.sum(axis=1, keepdims=True)) @ v


def test_worked_example(learner, reference):
    """The worked example from the statement (identity projections, 2 heads)."""
    X = np.array([[[1.0, 0.0, 1.0, 0.0], [0.0, 1.0, 0.0, 2.0], [1.0, 1.0, -1.0, 0.0]]])
    I = np.eye(4)
    Wo = np.eye(4)
    Wo[3, 2] = 1.0
    assert_array(learner.mha(X, I, I, I, Wo, 2), reference.mha(X, I, I, I, Wo, 2))


def test_two_heads_vs_per_head_loop(learner, reference):
    """N=2, T=5, d=8, 2 heads: float64 (N, T, d) output matching a per-head loop reference."""
    X, Wq, Wk, Wv, Wo = _data(1, 2, 5, 8)
    assert_array(learner.mha(X, Wq, Wk, Wv, Wo, 2), reference.mha(X, Wq, Wk, Wv, Wo, 2))


def test_more_heads(learner, reference):
    """d=12 with 3, 4 and 12 heads (head widths 4, 3 and 1) match the per-head loop reference."""
    X, Wq, Wk, Wv, Wo = _data(2, 3, 6, 12)
    for h in (3, 4, 12):
        assert_array(learner.mha(X, Wq, Wk, Wv, Wo, h), reference.mha(X, Wq, Wk, Wv, Wo, h),
                     what=f"result with n_heads={h}")


def test_one_head_is_single_head_attention(learner):
    """n_heads = 1 equals single-head attention softmax(Q K^T / sqrt(d)) V followed by @ Wo."""
    X, Wq, Wk, Wv, Wo = _data(3, 2, 4, 6)
    expected = np.stack([_single_head(X[n], Wq, Wk, Wv) @ Wo for n in range(2)])
    assert_array(learner.mha(X, Wq, Wk, Wv, Wo, 1), expected)


def test_heads_are_contiguous_blocks(learner):
    """Head h uses columns h*dh..(h+1)*dh-1 and its output lands in the same columns before Wo."""
    X, Wq, Wk, Wv, _ = _data(4, 1, 5, 6)
    out = learner.mha(X, Wq, Wk, Wv, np.eye(6), 3)
    for h in range(3):
        c = slice(2 * h, 2 * h + 2)
        expected = _single_head(X[0], Wq[:, c], Wk[:, c], Wv[:, c])
        assert_array(out[0][:, c], expected, what=f"columns of head {h} (Wo = identity)")


def test_sequences_independent(learner, reference):
    """Each sequence of the batch gives the same result alone as in the batch."""
    X, Wq, Wk, Wv, Wo = _data(5, 3, 4, 8)
    full = learner.mha(X, Wq, Wk, Wv, Wo, 4)
    for n in range(3):
        alone = learner.mha(X[n:n + 1].copy(), Wq, Wk, Wv, Wo, 4)
        assert_array(full[n], alone[0], what=f"sequence {n} in the batch vs alone")
    assert_array(full, reference.mha(X, Wq, Wk, Wv, Wo, 4))


def test_permuting_positions_permutes_output(learner):
    """Without a mask, permuting the positions of X permutes the output rows the same way."""
    X, Wq, Wk, Wv, Wo = _data(6, 2, 6, 8)
    perm = np.array([3, 0, 5, 1, 4, 2])
    out = learner.mha(X, Wq, Wk, Wv, Wo, 2)
    out_p = learner.mha(X[:, perm].copy(), Wq, Wk, Wv, Wo, 2)
    assert_array(out_p, out[:, perm], what="output for permuted positions")


def test_indivisible_width_raises(learner):
    """d not divisible by n_heads (d=6 with 4 heads, d=8 with 3 heads) and n_heads=0 raise ValueError."""
    X, Wq, Wk, Wv, Wo = _data(7, 1, 3, 6)
    with pytest.raises(ValueError):
        learner.mha(X, Wq, Wk, Wv, Wo, 4)
    X8, Wq8, Wk8, Wv8, Wo8 = _data(8, 1, 3, 8)
    with pytest.raises(ValueError):
        learner.mha(X8, Wq8, Wk8, Wv8, Wo8, 3)
    with pytest.raises(ValueError):
        learner.mha(X8, Wq8, Wk8, Wv8, Wo8, 0)


def test_large_scores_stable(learner, reference):
    """Scores with magnitudes in the thousands give correct, finite results with no RuntimeWarning."""
    X, Wq, Wk, Wv, Wo = _data(9, 2, 5, 8, scale=10.0)
    f = learner.fn("mha", warnings="error")
    assert_array(f(X, Wq, Wk, Wv, Wo, 2), reference.mha(X, Wq, Wk, Wv, Wo, 2))


def test_inputs_not_modified(learner):
    """X and the four weight matrices are left unchanged."""
    args = _data(10, 2, 3, 4)
    _, after = learner.mha.call_keep_args(*args, 2)
    for name, sent, got in zip(("X", "Wq", "Wk", "Wv", "Wo"), args, after):
        assert_array(got, sent, rtol=0, atol=0, what=f"your {name} after the call")
