import numpy as np
import pytest
from scipy.signal import correlate2d

from grader.checklib import assert_array, probe_call


def _scipy_conv(x, w, b, stride=1, pad=0):
    """Oracle: per-channel scipy correlate2d (valid) on the padded input, summed, then subsampled."""
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    N, C = x.shape[:2]
    F = w.shape[0]
    out = []
    for n in range(N):
        maps = []
        for f in range(F):
            full = sum(correlate2d(xp[n, c], w[f, c], mode="valid") for c in range(C))
            maps.append(full[::stride, ::stride] + b[f])
        out.append(maps)
    return np.array(out, dtype=np.float64)


def _data(seed, xshape, wshape):
    rng = np.random.default_rng(seed)
    return rng.normal(size=xshape), rng.normal(size=wshape), rng.normal(size=wshape[0])


def _check(learner, x, w, b, stride=1, pad=0, what="conv2d output", fn=None):
    out = (fn or learner.conv2d)(x, w, b, stride, pad)
    assert_array(out, _scipy_conv(x, w, b, stride, pad), what=what)


def test_worked_example(learner, reference):
    """The worked example from the statement (stride 1 without padding, stride 2 with pad 1)."""
    x = np.arange(16, dtype=float).reshape(1, 1, 4, 4)
    w = np.array([[[[1.0, 2.0], [0.0, -1.0]]]])
    b = np.array([0.5])
    assert_array(learner.conv2d(x, w, b), reference.conv2d(x, w, b))
    assert_array(learner.conv2d(x, w, b, stride=2, pad=1), reference.conv2d(x, w, b, stride=2, pad=1))


def test_matches_scipy_correlate_multichannel(learner):
    """3 channels, 4 filters with asymmetric 3x2 kernels, stride 1, no padding: matches scipy correlate2d."""
    x, w, b = _data(1, (2, 3, 6, 7), (4, 3, 3, 2))
    _check(learner, x, w, b)


def test_zero_padding(learner):
    """pad = 1 and pad = 2 add zeros on every side (stride 1)."""
    x, w, b = _data(2, (2, 2, 5, 6), (3, 2, 3, 3))
    _check(learner, x, w, b, 1, 1, what="output with pad=1")
    _check(learner, x, w, b, 1, 2, what="output with pad=2")


def test_odd_sizes_stride_two(learner):
    """Odd sizes with stride 2 (with and without padding) drop windows past the edge (floor)."""
    x, w, b = _data(3, (1, 3, 7, 9), (2, 3, 3, 2))
    _check(learner, x, w, b, 2, 0, what="output with stride=2, pad=0")
    _check(learner, x, w, b, 2, 1, what="output with stride=2, pad=1")
    x, w, b = _data(4, (2, 1, 8, 11), (2, 1, 2, 4))
    _check(learner, x, w, b, 3, 1, what="output with stride=3, pad=1")


def test_output_shapes(learner):
    """Output shape is (N, F, floor((H+2p-KH)/s)+1, floor((W+2p-KW)/s)+1) for several settings."""
    for H, W, KH, KW, s, p in ((5, 5, 3, 3, 2, 0), (6, 9, 3, 4, 2, 1), (10, 7, 5, 1, 3, 2), (4, 4, 4, 4, 1, 0)):
        x, w, b = _data(5, (2, 2, H, W), (3, 2, KH, KW))
        out = learner.conv2d(x, w, b, s, p)
        expected = (2, 3, (H + 2 * p - KH) // s + 1, (W + 2 * p - KW) // s + 1)
        assert type(out) is np.ndarray, f"conv2d should return a numpy array, got {type(out).__name__}"
        assert out.shape == expected, f"output shape {out.shape}, expected {expected} for H={H}, W={W}, " \
                                      f"kernel {KH}x{KW}, stride {s}, pad {p}"
        assert out.dtype == np.float64, f"output dtype is {out.dtype}, expected float64"


def test_bias_broadcast(learner):
    """With a zero input (and pad=1) every output value of filter f equals b[f]."""
    _, w, _ = _data(6, (1, 2, 5, 5), (4, 2, 3, 3))
    b = np.array([1.0, -2.0, 3.5, 0.0])
    out = learner.conv2d(np.zeros((3, 2, 5, 5)), w, b, 1, 1)
    assert_array(out, np.broadcast_to(b[None, :, None, None], (3, 4, 5, 5)).copy(), what="output for a zero input")


def test_spec_size_under_two_seconds(learner):
    """x (8, 3, 32, 32) with w (16, 3, 3, 3) matches the oracle within 2 s of CPU time (measured in the
    sandbox for the call alone)."""
    x, w, b = _data(7, (8, 3, 32, 32), (16, 3, 3, 3))
    out, probe = probe_call(learner.fn("conv2d", timeout=10.0), x, w, b, 1, 0, time=True)
    assert_array(out, _scipy_conv(x, w, b, 1, 0), what="conv2d output")
    assert probe.cpu_s is not None and probe.cpu_s <= 2.0, \
        f"your function used {probe.cpu_s:.2f} s of CPU time; the limit is 2 s (vectorise it)"


def test_large_batch_under_two_seconds(learner, reference):
    """x (16, 3, 64, 64) with w (16, 3, 5, 5), pad 2 matches the reference within 2 s of CPU time (measured
    in the sandbox for the call alone)."""
    x, w, b = _data(8, (16, 3, 64, 64), (16, 3, 5, 5))
    out, probe = probe_call(learner.fn("conv2d", timeout=10.0), x, w, b, 1, 2, time=True)
    assert_array(out, reference.conv2d(x, w, b, 1, 2), what="output of the large batch")
    assert probe.cpu_s is not None and probe.cpu_s <= 2.0, \
        f"your function used {probe.cpu_s:.2f} s of CPU time; the limit is 2 s (vectorise it)"


def test_bad_shapes_raise(learner):
    """Mismatched channel counts, or a kernel larger than the padded input, raise ValueError."""
    x, w, b = _data(9, (1, 3, 5, 5), (2, 2, 3, 3))
    with pytest.raises(ValueError):
        learner.conv2d(x, w, b)
    x, w, b = _data(10, (1, 1, 3, 3), (1, 1, 6, 6))
    with pytest.raises(ValueError):
        learner.conv2d(x, w, b, 1, 1)


def test_inputs_not_modified(learner):
    """x, w and b are left unchanged (rule G1)."""
    x, w, b = _data(11, (2, 2, 5, 5), (3, 2, 2, 2))
    _, after = learner.conv2d.call_keep_args(x, w, b, 2, 1)
    for name, i, sent in (("x", 0, x), ("w", 1, w), ("b", 2, b)):
        assert_array(after[i], sent, rtol=0, atol=0, what=f"your {name} after the call")
