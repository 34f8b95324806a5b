import numpy as np
import pytest

from grader.checklib import assert_array, finite_difference


def _forward(x, k, s):
    """Max pooling forward pass (trusted oracle for the finite-difference checks)."""
    n, c, h, w = x.shape
    ho, wo = (h - k) // s + 1, (w - k) // s + 1
    out = np.empty((n, c, ho, wo))
    for i in range(ho):
        for j in range(wo):
            out[:, :, i, j] = x[:, :, i * s:i * s + k, j * s:j * s + k].max(axis=(2, 3))
    return out


def _tie_free(seed, shape):
    """Distinct values at least 0.01 apart, so finite differences never cross a tie."""
    rng = np.random.default_rng(seed)
    size = int(np.prod(shape))
    return (rng.permutation(size) * 0.01 - 1.0).reshape(shape)


def _dout(seed, x, k, s):
    n, c, h, w = x.shape
    return np.random.default_rng(seed).normal(size=(n, c, (h - k) // s + 1, (w - k) // s + 1))


def _check_fd(learner, x, k, s, seed):
    dout = _dout(seed, x, k, s)
    fd = finite_difference(lambda v: float(np.sum(_forward(v, k, s) * dout)), x)
    assert_array(learner.maxpool_backward(x, dout, k, s), fd, rtol=1e-6, atol=1e-7,
                 what=f"dx for k={k}, s={s} (vs finite differences)")


def test_worked_example(learner, reference):
    """The worked example from the statement (4x4 input, k=2, with s=2 and with s=1)."""
    x = np.array([[[[1.0, 3.0, 2.0, 0.0], [4.0, 2.0, 5.0, 5.0], [0.0, 1.0, 1.0, 1.0], [2.0, 6.0, 1.0, 1.0]]]])
    dout = np.array([[[[10.0, 20.0], [30.0, 40.0]]]])
    assert_array(learner.maxpool_backward(x, dout, 2, 2), reference.maxpool_backward(x, dout, 2, 2),
                 what="dx for s=2")
    dout1 = np.arange(1.0, 10.0).reshape(1, 1, 3, 3)
    assert_array(learner.maxpool_backward(x, dout1, 2, 1), reference.maxpool_backward(x, dout1, 2, 1),
                 what="dx for s=1")


def test_finite_differences_non_overlapping(learner):
    """Tie-free input (N=2, C=3, 6x6), k=2, s=2: shape (N, C, H, W), float64, matches finite differences."""
    x = _tie_free(1, (2, 3, 6, 6))
    dx = learner.maxpool_backward(x, _dout(1, x, 2, 2), 2, 2)
    assert type(dx) is np.ndarray and dx.shape == x.shape and dx.dtype == np.float64, \
        f"dx should be a float64 array of shape {x.shape}"
    _check_fd(learner, x, 2, 2, seed=1)


def test_finite_differences_stride_one(learner):
    """Overlapping windows, k=3 and s=1 (1x2x5x6 tie-free input): gradients accumulate."""
    _check_fd(learner, _tie_free(2, (1, 2, 5, 6)), 3, 1, seed=2)


def test_finite_differences_stride_smaller_than_kernel(learner):
    """Overlapping windows, k=3 and s=2 on 2x1x7x7 tie-free input."""
    _check_fd(learner, _tie_free(3, (2, 1, 7, 7)), 3, 2, seed=3)


def test_stride_larger_than_kernel_and_leftover_border(learner):
    """k=2, s=3 on 8x7 (skipped rows/columns get 0) and k=2, s=2 on 5x7 (the last row/column is unused)."""
    _check_fd(learner, _tie_free(4, (1, 2, 8, 7)), 2, 3, seed=4)
    _check_fd(learner, _tie_free(5, (2, 1, 5, 7)), 2, 2, seed=5)


def test_constant_input_ties_first_element(learner):
    """Constant input, k=2, s=2: each window's whole gradient goes to its top-left element."""
    x = np.full((1, 2, 4, 6), 3.0)
    dout = _dout(6, x, 2, 2)
    expected = np.zeros_like(x)
    expected[:, :, ::2, ::2] = dout
    assert_array(learner.maxpool_backward(x, dout, 2, 2), expected, what="dx for constant input")


def test_constant_input_overlapping_accumulates(learner):
    """Constant input, k=3, s=1: every window sends its gradient to its top-left element, which adds up."""
    x = np.full((2, 1, 5, 5), -1.5)
    dout = _dout(7, x, 3, 1)
    expected = np.zeros_like(x)
    expected[:, :, :3, :3] = dout
    assert_array(learner.maxpool_backward(x, dout, 3, 1), expected, what="dx for constant input")


def test_ties_in_row_major_order(learner):
    """A tie between positions (0, 1) and (1, 0) of a window goes to (0, 1), the first in row-major order."""
    x = np.array([[[[1.0, 5.0, 5.0, 1.0], [5.0, 0.0, 2.0, 5.0]]]])
    dout = np.array([[[[7.0, 11.0]]]])
    expected = np.array([[[[0.0, 7.0, 11.0, 0.0], [0.0, 0.0, 0.0, 0.0]]]])
    assert_array(learner.maxpool_backward(x, dout, 2, 2), expected, what="dx with tied maxima")


def test_wrong_dout_shape_raises(learner):
    """dout whose shape does not match the pooled output raises ValueError."""
    x = _tie_free(8, (1, 1, 6, 6))
    with pytest.raises(ValueError):
        learner.maxpool_backward(x, np.ones((1, 1, 2, 2)), 2, 2)


def test_inputs_not_modified(learner):
    """x and dout are left unchanged."""
    x = np.full((1, 2, 4, 4), 2.0)
    x[0, 1] = _tie_free(9, (4, 4))
    dout = _dout(9, x, 2, 1)
    _, after = learner.maxpool_backward.call_keep_args(x, dout, 2, 1)
    assert_array(after[0], x, rtol=0, atol=0, what="your x after the call")
    assert_array(after[1], dout, rtol=0, atol=0, what="your dout after the call")
