import numpy as np

from grader.checklib import assert_array


def _qkv(seed, lead, tq, tk, d, dv, scale=1.0):
    rng = np.random.default_rng(seed)
    Q = rng.normal(scale=scale, size=lead + (tq, d))
    K = rng.normal(scale=scale, size=lead + (tk, d))
    V = rng.normal(size=lead + (tk, dv))
    return Q, K, V


def _run(fn, *args):
    res = fn(*args)
    assert type(res) is tuple and len(res) == 2, "attention should return a tuple (output, weights)"
    return res


def _compare(res, expected, what=""):
    assert_array(res[1], expected[1], what=f"weights{what}")
    assert_array(res[0], expected[0], what=f"output{what}")


def test_worked_example(learner, reference):
    """The worked example from the statement (one partly and one fully masked row)."""
    Q = np.array([[1.0, 0.0], [0.0, 2.0], [1.0, 1.0]])
    K = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]])
    V = np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])
    mask = np.array([[True, True, True], [True, False, True], [False, False, False]])
    _compare(_run(learner.attention, Q, K, V, mask), reference.attention(Q, K, V, mask))
    _compare(_run(learner.attention, Q, K, V), reference.attention(Q, K, V), what=" without a mask")


def test_no_mask_matches_reference(learner, reference):
    """No mask, Tq=5, Tk=7, d=8, dv=3: scores scaled by 1/sqrt(d), correct output and weights."""
    Q, K, V = _qkv(1, (), 5, 7, 8, 3, scale=1.5)
    _compare(_run(learner.attention, Q, K, V), reference.attention(Q, K, V))


def test_weights_sum_to_one_over_keys(learner):
    """Without a mask every query row of the weights is non-negative and sums to 1 over the keys."""
    Q, K, V = _qkv(2, (), 4, 6, 3, 2, scale=2.0)
    _, w = _run(learner.attention, Q, K, V)
    assert_array(w.sum(axis=-1), np.ones(4), what="row sums of the weights (sum over keys)")
    assert np.all(w >= 0), "some attention weights are negative"


def test_batch_dimensions(learner, reference):
    """Two leading batch axes (2, 3) with a full-shape mask: each batch element is attended on its own."""
    Q, K, V = _qkv(3, (2, 3), 5, 6, 4, 2)
    mask = np.random.default_rng(30).random((2, 3, 5, 6)) < 0.7
    mask[..., 0] = True  # no fully masked row here
    out, w = _run(learner.attention, Q, K, V, mask)
    _compare((out, w), reference.attention(Q, K, V, mask))
    one = reference.attention(Q[1, 2], K[1, 2], V[1, 2], mask[1, 2])
    _compare((out[1, 2], w[1, 2]), one, what=" of batch element [1, 2]")


def test_shared_mask_broadcasts(learner, reference):
    """A single (Tq, Tk) mask broadcasts over a batch of 3 problems."""
    Q, K, V = _qkv(4, (3,), 4, 5, 6, 3)
    mask = np.array([[True, False, True, True, False],
                     [False, True, True, False, False],
                     [True, True, True, True, True],
                     [False, False, False, True, False]])
    _compare(_run(learner.attention, Q, K, V, mask), reference.attention(Q, K, V, mask))


def test_hidden_keys_get_zero_weight(learner, reference):
    """Hidden keys get weight exactly 0 and the kept weights of each row sum to 1 (True = keep)."""
    Q, K, V = _qkv(5, (), 6, 8, 4, 3, scale=2.0)
    mask = np.random.default_rng(50).random((6, 8)) < 0.5
    mask[:, 3] = True
    out, w = _run(learner.attention, Q, K, V, mask)
    assert np.all(w[~mask] == 0.0), "a key whose mask entry is False should get weight exactly 0"
    assert_array(w.sum(axis=-1), np.ones(6), what="row sums of the weights")
    _compare((out, w), reference.attention(Q, K, V, mask))


def test_fully_masked_row_gives_zeros(learner, reference):
    """A fully masked query row gives zero weights and a zero output row (no NaN, no RuntimeWarning)."""
    Q, K, V = _qkv(6, (2,), 4, 5, 3, 2)
    mask = np.ones((2, 4, 5), dtype=bool)
    mask[0, 1] = False
    mask[1, 3] = False
    mask[1, 0, 2:] = False
    f = learner.fn("attention", warnings="error")
    out, w = _run(f, Q, K, V, mask)
    assert not np.any(np.isnan(out)) and not np.any(np.isnan(w)), "fully masked rows should give zeros, not NaN"
    assert_array(w[0, 1], np.zeros(5), what="weights of the fully masked row [0, 1]")
    assert_array(out[1, 3], np.zeros(2), what="output of the fully masked row [1, 3]")
    _compare((out, w), reference.attention(Q, K, V, mask))
    out0, w0 = _run(f, Q[0], K[0], V[0], np.zeros((4, 5), dtype=bool))
    assert_array(out0, np.zeros((4, 2)), what="output when every key is hidden")
    assert_array(w0, np.zeros((4, 5)), what="weights when every key is hidden")


def test_large_scores_stable(learner, reference):
    """Scores with magnitudes in the thousands (masked and unmasked) give correct, finite results without warnings."""
    Q, K, V = _qkv(7, (2,), 5, 6, 4, 3, scale=40.0)
    f = learner.fn("attention", warnings="error")
    _compare(_run(f, Q, K, V), reference.attention(Q, K, V), what=" (large scores, no mask)")
    mask = np.random.default_rng(70).random((2, 5, 6)) < 0.6
    mask[0, 0] = False
    _compare(_run(f, Q, K, V, mask), reference.attention(Q, K, V, mask), what=" (large scores, with a mask)")


def test_all_true_mask_equals_no_mask(learner):
    """A mask of all True gives the same result as mask=None."""
    Q, K, V = _qkv(8, (), 3, 4, 5, 2)
    a = _run(learner.attention, Q, K, V, np.ones((3, 4), dtype=bool))
    b = _run(learner.attention, Q, K, V)
    _compare(a, b, what=" with an all-True mask")


def test_single_key(learner):
    """With a single key (Tk = 1) every weight is 1 and every output row equals that value vector."""
    Q, K, V = _qkv(9, (), 4, 1, 3, 5)
    out, w = _run(learner.attention, Q, K, V)
    assert_array(w, np.ones((4, 1)), what="weights")
    assert_array(out, np.repeat(V, 4, axis=0), what="output")


def test_inputs_not_modified(learner):
    """Q, K, V and the mask are left unchanged."""
    Q, K, V = _qkv(10, (2,), 3, 4, 2, 2)
    mask = np.random.default_rng(100).random((2, 3, 4)) < 0.5
    _, after = learner.attention.call_keep_args(Q, K, V, mask)
    for name, sent, got in zip(("Q", "K", "V", "mask"), (Q, K, V, mask), after):
        assert_array(got, sent, rtol=0, atol=0, what=f"your {name} after the call")
