import math

import pytest

from grader.checklib import assert_scalar

TOL = dict(rtol=1e-9, atol=1e-15)


def _lr(learner, *args, **kw):
    out = learner.lr_at(*args, **kw)
    assert isinstance(out, float), f"lr_at should return a float, got {type(out).__name__}"
    return out


def _cos(step, base, warmup, total, min_lr):
    p = (step - warmup) / (total - warmup)
    return min_lr + 0.5 * (base - min_lr) * (1 + math.cos(math.pi * p))


def test_worked_example(learner):
    """The worked schedule from the statement (base 0.1, warmup 3, total 10, min_lr 0.01), steps 0..11."""
    expected = [0.1 / 3, 0.2 / 3, 0.1] + [_cos(s, 0.1, 3, 10, 0.01) for s in range(3, 10)] + [0.01, 0.01]
    for s, e in enumerate(expected):
        assert_scalar(_lr(learner, s, 0.1, 3, 10, 0.01), e, what=f"lr at step {s}", **TOL)


def test_first_warmup_step_is_not_zero(learner):
    """Step 0 gets base_lr / warmup (warmup counts steps from 1, never a zero learning rate)."""
    assert_scalar(_lr(learner, 0, 2e-3, 100, 1000), 2e-5, what="lr at step 0", **TOL)
    assert_scalar(_lr(learner, 49, 2e-3, 100, 1000), 1e-3, what="lr at step 49", **TOL)


def test_base_at_end_of_warmup_and_start_of_decay(learner):
    """Steps warmup - 1 and warmup both give exactly base_lr (within rounding)."""
    for warmup in (1, 7, 50):
        assert_scalar(_lr(learner, warmup - 1, 0.3, warmup, 200, 0.05), 0.3, what=f"lr at step warmup-1 (warmup={warmup})", **TOL)
        assert_scalar(_lr(learner, warmup, 0.3, warmup, 200, 0.05), 0.3, what=f"lr at step warmup (warmup={warmup})", **TOL)


def test_end_of_schedule(learner):
    """Step total - 1 is just above min_lr (cosine over total - warmup steps); steps >= total give min_lr."""
    base, warmup, total, mn = 1e-3, 20, 120, 1e-5
    assert_scalar(_lr(learner, total - 1, base, warmup, total, mn), _cos(total - 1, base, warmup, total, mn),
                  what="lr at step total - 1", **TOL)
    for s in (total, total + 1, total + 50, 10 * total):
        assert_scalar(_lr(learner, s, base, warmup, total, mn), mn, what=f"lr at step {s} (after total)", **TOL)


def test_midpoint_of_decay(learner):
    """Halfway through the decay phase the rate is the average of base_lr and min_lr."""
    assert_scalar(_lr(learner, 60, 0.5, 10, 110, 0.1), 0.3, what="lr halfway through the decay", **TOL)


def test_monotone_after_warmup(learner):
    """The rate never increases from step warmup on (including past total), and rises during warmup."""
    base, warmup, total, mn = 0.01, 5, 40, 0.001
    lrs = [_lr(learner, s, base, warmup, total, mn) for s in range(0, total + 10)]
    for s in range(warmup, total + 9):
        assert lrs[s + 1] <= lrs[s] + 1e-15, f"lr increases from step {s} to step {s + 1}"
    for s in range(warmup - 1):
        assert lrs[s + 1] > lrs[s], f"lr does not increase during warmup at step {s}"


def test_no_warmup(learner):
    """warmup = 0: step 0 already gives base_lr and the cosine spans all total steps (min_lr defaults to 0)."""
    assert_scalar(_lr(learner, 0, 0.2, 0, 10), 0.2, what="lr at step 0 with warmup=0", **TOL)
    assert_scalar(_lr(learner, 5, 0.2, 0, 10), 0.1, what="lr at step 5 with warmup=0", **TOL)
    assert_scalar(_lr(learner, 9, 0.2, 0, 10), _cos(9, 0.2, 0, 10, 0.0), what="lr at step 9 with warmup=0", **TOL)
    assert_scalar(_lr(learner, 10, 0.2, 0, 10), 0.0, what="lr at step 10 with warmup=0", **TOL)


def test_no_decay_phase(learner):
    """total == warmup: warmup steps as usual, then min_lr from step total on (no division by zero)."""
    for warmup in (4, 1):
        for s in range(warmup):
            assert_scalar(_lr(learner, s, 0.3, warmup, warmup, 0.02), 0.3 * (s + 1) / warmup,
                          what=f"lr at step {s} (warmup = total = {warmup})", **TOL)
        for s in (warmup, warmup + 1, warmup + 7):
            assert_scalar(_lr(learner, s, 0.3, warmup, warmup, 0.02), 0.02,
                          what=f"lr at step {s} (warmup = total = {warmup})", **TOL)
    assert_scalar(_lr(learner, 0, 0.3, 0, 0, 0.02), 0.02, what="lr at step 0 (warmup = total = 0)", **TOL)
    assert_scalar(_lr(learner, 3, 0.3, 0, 0), 0.0, what="lr at step 3 (warmup = total = 0, default min_lr)", **TOL)


def test_keyword_min_lr_and_reference(learner, reference):
    """min_lr passed as a keyword is used; a grid of settings matches the reference."""
    for base, warmup, total, mn in ((1.0, 3, 17, 0.25), (5e-4, 100, 1000, 0.0), (0.05, 1, 2, 0.01)):
        for s in sorted({0, warmup // 2, warmup, (warmup + total) // 3, total - 1, total, total + 3}):
            assert_scalar(_lr(learner, s, base, warmup, total, min_lr=mn),
                          reference.lr_at(s, base, warmup, total, min_lr=mn),
                          what=f"lr at step {s} (warmup={warmup}, total={total}, min_lr={mn})", **TOL)


def test_invalid_arguments_raise(learner):
    """A negative step, a negative warmup, or total < warmup raises ValueError."""
    with pytest.raises(ValueError):
        learner.lr_at(-1, 0.1, 3, 10)
    with pytest.raises(ValueError):
        learner.lr_at(0, 0.1, -2, 10)
    with pytest.raises(ValueError):
        learner.lr_at(4, 0.1, 10, 5)
