import numpy as np
import pandas as pd
from grader.checklib import assert_array, assert_frame, assert_raises, covers

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


@covers("in-order", "no-skipping", "later-repeat-counts", "conversion", "columns-index", "dtypes")
def test_worked_example(learner):
    """The worked example: 4 viewers, 2 added to cart after viewing, 1 bought after that."""
    _check(learner.ordered_funnel(_example(), ["view", "cart", "buy"]), ["view", "cart", "buy"], [4, 2, 1])


@covers("in-order")
def test_step_two_only_before_step_one(learner):
    """A user who did step 2 only before step 1 does not count for step 2."""
    ev = _ev([("a", "signup", 5), ("a", "login", 1), ("b", "login", 0), ("b", "signup", 2), ("b", "login", 3)])
    _check(learner.ordered_funnel(ev, ["login", "signup"]), ["login", "signup"], [2, 2])
    _check(learner.ordered_funnel(ev, ["signup", "login"]), ["signup", "login"], [2, 1])


@covers("distinct-users", "later-repeat-counts")
def test_repeated_events(learner):
    """Repeated events count once; a step repeated before and after the previous step still matches."""
    ev = _ev([("a", "cart", 0), ("a", "view", 5), ("a", "view", 6), ("a", "cart", 9),
              ("b", "view", 1), ("b", "view", 2), ("b", "view", 3),
              ("c", "cart", 1), ("c", "view", 2), ("c", "cart", 3), ("c", "pay", 0), ("c", "pay", 4)])
    _check(learner.ordered_funnel(ev, ["view", "cart", "pay"]), ["view", "cart", "pay"], [3, 2, 1])


@covers("no-skipping")
def test_skipping_a_middle_step(learner):
    """A user who skips a middle step stops at the step before it, even if later steps follow."""
    ev = _ev([("a", "s1", 0), ("a", "s3", 1), ("a", "s4", 2),
              ("b", "s1", 0), ("b", "s2", 1), ("b", "s4", 3),
              ("c", "s1", 0), ("c", "s2", 1), ("c", "s3", 2), ("c", "s4", 3)])
    _check(learner.ordered_funnel(ev, ["s1", "s2", "s3", "s4"]), ["s1", "s2", "s3", "s4"], [3, 2, 1, 1])


@covers("equal-times")
def test_same_timestamp_counts(learner):
    """A step at exactly the same time as the previous step's match counts (at or after)."""
    ev = _ev([("a", "open", 3), ("a", "click", 3), ("b", "click", 2), ("b", "open", 3)])
    _check(learner.ordered_funnel(ev, ["open", "click"]), ["open", "click"], [2, 1])


@covers("conversion")
def test_conversion_from_previous_step(learner):
    """Conversion divides by the previous step's users (not step 1); step 1 is 1.0."""
    rows = [(f"u{i}", "a", 0) for i in range(8)] + [(f"u{i}", "b", 1) for i in range(6)] \
        + [(f"u{i}", "c", 2) for i in range(3)] + [("u0", "d", 3), ("u0", "e", 4)]
    _check(learner.ordered_funnel(_ev(rows), ["a", "b", "c", "d", "e"]), ["a", "b", "c", "d", "e"], [8, 6, 3, 1, 1])


@covers("conversion-after-empty", "columns-index", "dtypes")
def test_nobody_reaches_a_step(learner):
    """A step nobody reaches has 0 users; a step after it has 0 users and conversion 0.0."""
    ev = _ev([("a", "x", 0), ("b", "x", 1), ("a", "z", 2)])
    _check(learner.ordered_funnel(ev, ["x", "y", "z"]), ["x", "y", "z"], [2, 0, 0])


@covers("in-order", "earliest-match", "equal-times", "later-repeat-counts", "no-skipping", "distinct-users")
def test_random_events_match_oracle(learner):
    """A random event log (other event types, ties in time, shuffled rows) matches an oracle."""
    rng = np.random.default_rng(11)
    m = 1500
    ev = pd.DataFrame({"user_id": rng.integers(0, 200, m),
                       "event": rng.choice(["land", "search", "item", "cart", "pay", "help"], m),
                       "timestamp": T0 + pd.to_timedelta(rng.integers(0, 300, m), unit="min")})
    for steps in (["land", "search", "item", "cart", "pay"], ["item", "search"], ["cart"]):
        _check(learner.ordered_funnel(ev, steps), steps, _oracle_counts(ev, steps))


@covers("bad-steps-raise")
def test_bad_steps_raise(learner):
    """An empty step list or a repeated step raises ValueError."""
    with assert_raises(ValueError, "an empty step list"):
        learner.ordered_funnel(_example(), [])
    with assert_raises(ValueError, "a step list with a repeated name"):
        learner.ordered_funnel(_example(), ["view", "cart", "view"])
    with assert_raises(ValueError, "a step list repeating its last name"):
        learner.ordered_funnel(_example(), ["view", "buy", "buy"])


@covers("inputs-unchanged")
def test_input_not_modified(learner):
    """The events DataFrame and the steps list are left unchanged."""
    ev = _example().iloc[::-1]
    steps = ["view", "cart", "buy"]
    _, after = learner.ordered_funnel.call_keep_args(ev.copy(deep=True), list(steps))
    assert_frame(after[0], ev, what="your events DataFrame after the call")
    assert after[1] == steps, "your function changed the steps list"
    shuffled = _example().sample(frac=1.0, random_state=3).assign(channel="web")
    _, after = learner.ordered_funnel.call_keep_args(shuffled.copy(deep=True), ["cart", "view"])
    assert_frame(after[0], shuffled, what="your events DataFrame (shuffled rows) after the call")
    assert after[1] == ["cart", "view"], "your function changed the steps list"


@covers("earliest-match")
def test_each_step_matched_at_earliest_event(learner):
    """Each step is matched at its earliest qualifying event, so later steps can follow it."""
    ev = _ev([("a", "view", 1), ("a", "view", 6), ("a", "cart", 3),
              ("b", "view", 0), ("b", "cart", 2), ("b", "cart", 8), ("b", "buy", 5),
              ("c", "view", 9), ("c", "view", 2), ("c", "cart", 4), ("c", "cart", 7), ("c", "buy", 6)])
    _check(learner.ordered_funnel(ev, ["view", "cart", "buy"]), ["view", "cart", "buy"], [3, 3, 2])


@covers("distinct-users")
def test_users_counted_once(learner):
    """A user with several qualifying events at every step is counted once per step."""
    rows = [("a", "s", 0), ("a", "s", 1), ("a", "t", 2), ("a", "t", 3), ("a", "t", 4),
            ("b", "s", 0), ("b", "t", 0), ("b", "t", 1), ("c", "s", 5), ("c", "s", 6)]
    _check(learner.ordered_funnel(_ev(rows), ["s", "t"]), ["s", "t"], [3, 2])


@covers("any-layout")
def test_shuffled_rows_extra_columns_integer_ids(learner):
    """Shuffled rows, integer user ids, extra columns placed first and other events: matches an oracle."""
    rng = np.random.default_rng(12)
    m = 900
    ev = pd.DataFrame({"session": rng.integers(0, 50, m),
                       "timestamp": T0 + pd.to_timedelta(rng.integers(0, 120, m), unit="min"),
                       "event": rng.choice(["a", "b", "c", "noise", "other"], m),
                       "user_id": rng.integers(1000, 1100, m),
                       "amount": rng.normal(size=m)})
    ev = ev.sort_values("timestamp", ascending=False, kind="stable").reset_index(drop=True)
    for steps in (["a", "b", "c"], ["c", "a"]):
        _check(learner.ordered_funnel(ev, steps), steps, _oracle_counts(ev, steps))
    shuffled = ev.sample(frac=1.0, random_state=4)
    steps = ["b", "c", "a"]
    _check(learner.ordered_funnel(shuffled, steps), steps, _oracle_counts(shuffled, steps))


@covers("dtypes", "columns-index")
def test_dtypes_on_every_branch(learner):
    """users is int64 and conversion float64 with one step, when nobody reaches step 1, and when all convert."""
    ev = _example()
    _check(learner.ordered_funnel(ev, ["view"]), ["view"], [4])
    _check(learner.ordered_funnel(ev, ["signup", "view"]), ["signup", "view"], [0, 0])
    _check(learner.ordered_funnel(ev, ["signup"]), ["signup"], [0])
    rows = [(u, "a", 0) for u in "pqr"] + [(u, "b", 1) for u in "pqr"]
    _check(learner.ordered_funnel(_ev(rows), ["a", "b"]), ["a", "b"], [3, 3])
