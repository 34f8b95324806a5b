import numpy as np

from grader.checklib import assert_array, assert_raises, covers, probe_call


def _data(seed, N, T, d, scale=None):
    rng = np.random.default_rng(seed)
    s = 1.0 / np.sqrt(d) * 1.5 if scale is None else scale
    X = rng.normal(size=(N, T, d))
    Wq, Wk, Wv, Wo = (rng.normal(scale=s, size=(d, d)) for _ in range(4))
    return X, Wq, Wk, Wv, Wo


def _single_head(x, Wq, Wk, Wv):
    """One sequence, one head, written out independently of the reference (trusted side)."""
    q, k, v = x @ Wq, x @ Wk, x @ Wv
    s = q @ k.T / np.sqrt(q.shape[1])
    w = np.exp(s - s.max(axis=1, keepdims=True))
    return (w / w.sum(axis=1, keepdims=True)) @ v


@covers("formula", "head-blocks", "head-scale", "output-projection")
def test_worked_example(learner, reference):
    """The worked example from the statement (identity projections, 2 heads)."""
    X = np.array([[[1.0, 0.0, 1.0, 0.0], [0.0, 1.0, 0.0, 2.0], [1.0, 1.0, -1.0, 0.0]]])
    I = np.eye(4)
    Wo = np.eye(4)
    Wo[3, 2] = 1.0
    assert_array(learner.mha(X, I, I, I, Wo, 2), reference.mha(X, I, I, I, Wo, 2))


@covers("heads-positive")
def test_non_positive_heads_raise(learner):
    """n_heads = 0 and negative head counts raise ValueError."""
    X, Wq, Wk, Wv, Wo = _data(8, 1, 3, 4)
    for h in (0, -1, -2, -4):
        with assert_raises(ValueError, f"n_heads={h} with d=4"):
            learner.mha(X, Wq, Wk, Wv, Wo, h)


@covers("heads-divide")
def test_indivisible_width_raises(learner):
    """d not divisible by n_heads raises ValueError (fewer and more heads than d, uneven splits)."""
    for seed, d, h in ((7, 6, 4), (8, 8, 3), (9, 4, 8), (10, 5, 2), (11, 9, 6)):
        X, Wq, Wk, Wv, Wo = _data(seed, 1, 3, d)
        with assert_raises(ValueError, f"n_heads={h} with d={d}"):
            learner.mha(X, Wq, Wk, Wv, Wo, h)


@covers("formula", "projections", "head-blocks", "head-scale", "output-projection", "dtype")
def test_two_heads_vs_per_head_loop(learner, reference):
    """N=2, T=5, d=8, 2 heads: float64 (N, T, d) output matching a per-head loop reference."""
    X, Wq, Wk, Wv, Wo = _data(1, 2, 5, 8)
    assert_array(learner.mha(X, Wq, Wk, Wv, Wo, 2), reference.mha(X, Wq, Wk, Wv, Wo, 2))


@covers("formula", "projections", "head-blocks", "head-scale", "output-projection")
def test_more_heads(learner, reference):
    """d=12 with 3, 4, 6 and 12 heads (head widths 4, 3, 2 and 1) match the reference."""
    X, Wq, Wk, Wv, Wo = _data(2, 3, 6, 12)
    for h in (3, 4, 6, 12):
        assert_array(learner.mha(X, Wq, Wk, Wv, Wo, h), reference.mha(X, Wq, Wk, Wv, Wo, h),
                     what=f"result with n_heads={h}")


@covers("formula", "projections", "head-scale", "output-projection")
def test_one_head_is_single_head_attention(learner):
    """n_heads = 1 is plain single-head attention followed by the output projection."""
    X, Wq, Wk, Wv, Wo = _data(3, 2, 4, 6)
    expected = np.stack([_single_head(X[n], Wq, Wk, Wv) @ Wo for n in range(2)])
    assert_array(learner.mha(X, Wq, Wk, Wv, Wo, 1), expected)


@covers("head-blocks", "projections", "head-scale")
def test_heads_are_contiguous_blocks(learner):
    """With an identity output projection, each head's columns depend only on its own block of the projections."""
    X, Wq, Wk, Wv, _ = _data(4, 1, 5, 6)
    out = learner.mha(X, Wq, Wk, Wv, np.eye(6), 3)
    for h in range(3):
        c = slice(2 * h, 2 * h + 2)
        expected = _single_head(X[0], Wq[:, c], Wk[:, c], Wv[:, c])
        assert_array(out[0][:, c], expected, what=f"columns of head {h} (Wo = identity)")


@covers("batch-independent")
def test_sequences_independent(learner, reference):
    """Each sequence of the batch gives the same result alone as in the batch."""
    X, Wq, Wk, Wv, Wo = _data(5, 3, 4, 8)
    full = learner.mha(X, Wq, Wk, Wv, Wo, 4)
    for n in range(3):
        alone = learner.mha(X[n:n + 1].copy(), Wq, Wk, Wv, Wo, 4)
        assert_array(full[n], alone[0], what=f"sequence {n} in the batch vs alone")
    assert_array(full, reference.mha(X, Wq, Wk, Wv, Wo, 4))


@covers("formula")
def test_permuting_positions_permutes_output(learner):
    """Without a mask, permuting the positions of X permutes the output rows the same way."""
    X, Wq, Wk, Wv, Wo = _data(6, 2, 6, 8)
    perm = np.array([3, 0, 5, 1, 4, 2])
    out = learner.mha(X, Wq, Wk, Wv, Wo, 2)
    out_p = learner.mha(X[:, perm].copy(), Wq, Wk, Wv, Wo, 2)
    assert_array(out_p, out[:, perm], what="output for permuted positions")


@covers("shape", "dtype", "formula")
def test_small_shapes(learner, reference):
    """Length-1 axes keep their place: N=1, T=1, d=1 and combinations give float64 (N, T, d) arrays."""
    for seed, (N, T, d, h) in enumerate([(1, 4, 6, 2), (3, 1, 4, 2), (2, 3, 1, 1), (1, 1, 1, 1), (1, 1, 4, 4)]):
        X, Wq, Wk, Wv, Wo = _data(20 + seed, N, T, d)
        assert_array(learner.mha(X, Wq, Wk, Wv, Wo, h), reference.mha(X, Wq, Wk, Wv, Wo, h),
                     what=f"result for N={N}, T={T}, d={d}, n_heads={h}")


@covers("stable", "no-warnings")
def test_large_scores_stable(learner, reference):
    """Scores with magnitudes in the thousands give correct, finite results with no RuntimeWarning."""
    X, Wq, Wk, Wv, Wo = _data(9, 2, 5, 8, scale=10.0)
    f = learner.fn("mha", warnings="error")
    assert_array(f(X, Wq, Wk, Wv, Wo, 2), reference.mha(X, Wq, Wk, Wv, Wo, 2))


@covers("stable")
def test_rows_on_different_scales(learner, reference):
    """Sequences and heads whose scores differ by thousands (one huge, one small) are each correct."""
    X, Wq, Wk, Wv, Wo = _data(12, 3, 5, 4, scale=1.0)
    X[0] *= 40.0   # scores of sequence 0 in the thousands
    X[1] *= 0.05   # sequence 1: scores near 0
    X[2] = -X[0]   # sequence 2: the same magnitudes, other signs
    Wq[:, 2:] *= 0.01  # head 1's scores stay small in every sequence
    expected = reference.mha(X, Wq, Wk, Wv, Wo, 2)
    assert np.all(np.isfinite(expected))
    assert_array(learner.mha(X, Wq, Wk, Wv, Wo, 2), expected, what="result with rows on very different scales")


@covers("new-array")
def test_inputs_not_modified(learner):
    """X and the four weight matrices are left unchanged, and the result is a new array."""
    args = _data(10, 2, 3, 4)
    _, after = learner.mha.call_keep_args(*args, 2)
    for name, sent, got in zip(("X", "Wq", "Wk", "Wv", "Wo"), args, after):
        assert_array(got, sent, rtol=0, atol=0, what=f"your {name} after the call")
    _, probe = probe_call(learner.fn("mha"), *_data(11, 2, 3, 4), 2, aliasing=True)
    probe.assert_new("the array you return")
