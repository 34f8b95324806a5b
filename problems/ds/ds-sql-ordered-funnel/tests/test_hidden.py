import numpy as np
import pandas as pd
import pytest

from grader.checklib import assert_array, assert_frame

T0 = pd.Timestamp("2024-03-01 09:00")


def _ev(rows):
    """rows: (user, event, minutes after T0)."""
    return pd.DataFrame({"user_id": [r[0] for r in rows], "event": [r[1] for r in rows],
                         "timestamp": [T0 + pd.Timedelta(minutes=r[2]) for r in rows]})


def _example():
    return _ev([("u1", "view", 1), ("u2", "cart", 1), ("u1", "cart", 2), ("u3", "view", 1),
                ("u4", "cart", 1), ("u2", "view", 2), ("u1", "buy", 3), ("u3", "buy", 2),
                ("u4", "view", 2), ("u5", "buy", 4), ("u4", "cart", 3)])


def _oracle_counts(events, steps):
    """Independent oracle: per user, greedily match each step at or after the previous match."""
    counts = [0] * len(steps)
    for _, g in events.groupby("user_id"):
        t = None
        for i, s in enumerate(steps):
            times = g.loc[g["event"] == s, "timestamp"]
            if t is not None:
                times = times[times >= t]
            if times.empty:
                break
            t = times.min()
            counts[i] += 1
    return counts


def _check(out, steps, counts):
    assert isinstance(out, pd.DataFrame), f"expected a DataFrame, got {type(out).__name__}"
    assert list(out.columns) == ["step", "users", "conversion"], f"columns should be ['step', 'users', 'conversion'], got {list(out.columns)!r}"
    assert list(out["step"]) == list(steps), "the 'step' column should list the steps in order"
    assert isinstance(out.index, pd.RangeIndex) and out.index.start == 0 and len(out) == len(steps), "expected a default RangeIndex 0..len(steps)-1"
    assert_array(out["users"].to_numpy(), np.asarray(counts, dtype=np.int64), what="users column")
    conv = [1.0] + [counts[i] / counts[i - 1] if counts[i - 1] else 0.0 for i in range(1, len(counts))]
    assert_array(out["conversion"].to_numpy(), np.asarray(conv, dtype=np.float64), rtol=1e-12, atol=0, what="conversion column")


def test_worked_example(learner):
    """The worked example: 4 viewers, 2 added to cart after viewing, 1 bought after that."""
    _check(learner.ordered_funnel(_example(), ["view", "cart", "buy"]), ["view", "cart", "buy"], [4, 2, 1])


def test_step_two_only_before_step_one(learner):
    """A user who did step 2 only before step 1 does not count for step 2."""
    ev = _ev([("a", "signup", 5), ("a", "login", 1), ("b", "login", 0), ("b", "signup", 2), ("b", "login", 3)])
    _check(learner.ordered_funnel(ev, ["login", "signup"]), ["login", "signup"], [2, 2])
    _check(learner.ordered_funnel(ev, ["signup", "login"]), ["signup", "login"], [2, 1])


def test_repeated_events(learner):
    """Repeated events count once; a step repeated before and after the previous step still matches."""
    ev = _ev([("a", "cart", 0), ("a", "view", 5), ("a", "view", 6), ("a", "cart", 9),
              ("b", "view", 1), ("b", "view", 2), ("b", "view", 3),
              ("c", "cart", 1), ("c", "view", 2), ("c", "cart", 3), ("c", "pay", 0), ("c", "pay", 4)])
    _check(learner.ordered_funnel(ev, ["view", "cart", "pay"]), ["view", "cart", "pay"], [3, 2, 1])


def test_skipping_a_middle_step(learner):
    """A user who skips a middle step stops at the step before it, even if later steps follow."""
    ev = _ev([("a", "s1", 0), ("a", "s3", 1), ("a", "s4", 2),
              ("b", "s1", 0), ("b", "s2", 1), ("b", "s4", 3),
              ("c", "s1", 0), ("c", "s2", 1), ("c", "s3", 2), ("c", "s4", 3)])
    _check(learner.ordered_funnel(ev, ["s1", "s2", "s3", "s4"]), ["s1", "s2", "s3", "s4"], [3, 2, 1, 1])


def test_same_timestamp_counts(learner):
    """A step at exactly the same time as the previous step's match counts (at or after)."""
    ev = _ev([("a", "open", 3), ("a", "click", 3), ("b", "click", 2), ("b", "open", 3)])
    _check(learner.ordered_funnel(ev, ["open", "click"]), ["open", "click"], [2, 1])


def test_conversion_from_previous_step(learner):
    """Conversion divides by the previous step's users (not step 1); step 1 is 1.0."""
    rows = [(f"u{i}", "a", 0) for i in range(8)] + [(f"u{i}", "b", 1) for i in range(6)] \
        + [(f"u{i}", "c", 2) for i in range(3)] + [("u0", "d", 3)]
    _check(learner.ordered_funnel(_ev(rows), ["a", "b", "c", "d"]), ["a", "b", "c", "d"], [8, 6, 3, 1])


def test_nobody_reaches_a_step(learner):
    """A step nobody reaches has 0 users; a step after it has 0 users and conversion 0.0."""
    ev = _ev([("a", "x", 0), ("b", "x", 1), ("a", "z", 2)])
    _check(learner.ordered_funnel(ev, ["x", "y", "z"]), ["x", "y", "z"], [2, 0, 0])


def test_random_events_match_oracle(learner):
    """A random event log (other event types, ties in time, shuffled rows) matches an oracle."""
    rng = np.random.default_rng(11)
    m = 1500
    ev = pd.DataFrame({"user_id": rng.integers(0, 200, m),
                       "event": rng.choice(["land", "search", "item", "cart", "pay", "help"], m),
                       "timestamp": T0 + pd.to_timedelta(rng.integers(0, 300, m), unit="min")})
    for steps in (["land", "search", "item", "cart", "pay"], ["item", "search"], ["cart"]):
        _check(learner.ordered_funnel(ev, steps), steps, _oracle_counts(ev, steps))


def test_bad_steps_raise(learner):
    """An empty step list or a repeated step raises ValueError."""
    with pytest.raises(ValueError):
        learner.ordered_funnel(_example(), [])
    with pytest.raises(ValueError):
        learner.ordered_funnel(_example(), ["view", "cart", "view"])


def test_input_not_modified(learner):
    """The events DataFrame and the steps list are left unchanged."""
    ev = _example().iloc[::-1]
    steps = ["view", "cart", "buy"]
    _, after = learner.ordered_funnel.call_keep_args(ev.copy(deep=True), list(steps))
    assert_frame(after[0], ev, what="your events DataFrame after the call")
    assert after[1] == steps, "ordered_funnel changed the steps list"
