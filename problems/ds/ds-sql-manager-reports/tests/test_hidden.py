import numpy as np
import pandas as pd
import pytest

from grader.checklib import assert_frame


def _example():
    return pd.DataFrame({
        "id": [1, 2, 3, 4, 5, 6, 7, 8, 10],
        "name": ["Maya", "Bo", "Cy", "Di", "Ed", "Flo", "Gus", "Hal", "Ivy"],
        "manager_id": [np.nan, 1, 1, 1, 2, 2, 9, 9, 3]})


def _check(out, expected, what="result"):
    assert type(out) is list, f"{what} should be a list, got {type(out).__name__}"
    bad = [x for x in out if not isinstance(x, str)]
    assert not bad, f"{what} holds a non-string entry: {bad[0]!r}"
    assert len(out) == len(expected), f"{what} has {len(out)} names, expected {len(expected)}"
    assert out == expected, f"{what} has the right length but the wrong names or order"


def _oracle(emp, k):
    """Independent oracle: explicit count per table id with plain Python."""
    mids = [m for m in emp["manager_id"].tolist() if m == m]
    return sorted(n for i, n in zip(emp["id"].tolist(), emp["name"].tolist()) if mids.count(i) >= k)


def test_worked_example(learner):
    """The worked example from the statement (k=2 and k=1)."""
    emp = _example()
    _check(learner.managers_with_reports(emp, 2), ["Bo", "Maya"], "managers_with_reports(emp, 2)")
    _check(learner.managers_with_reports(emp, 1), ["Bo", "Cy", "Maya"], "managers_with_reports(emp, 1)")


def test_exactly_k_included(learner):
    """A manager with exactly k direct reports is included; one with k-1 is not."""
    emp = pd.DataFrame({"id": [10, 20, 30, 31, 32, 33, 34, 35],
                        "name": ["Kai", "Lu", "a", "b", "c", "d", "e", "f"],
                        "manager_id": [np.nan, 10, 10, 10, 20, 20, 20, 10]})
    _check(learner.managers_with_reports(emp, 3), ["Kai", "Lu"], "managers_with_reports(emp, 3)")
    _check(learner.managers_with_reports(emp, 4), ["Kai"], "managers_with_reports(emp, 4)")
    _check(learner.managers_with_reports(emp, 5), [], "managers_with_reports(emp, 5)")


def test_missing_manager_ids_ignored(learner):
    """NaN manager ids count for nobody, however many there are."""
    emp = pd.DataFrame({"id": [1, 2, 3, 4, 5, 6],
                        "name": ["Ann", "Ben", "Col", "Dot", "Eve", "Fin"],
                        "manager_id": [np.nan, np.nan, np.nan, np.nan, 6, 6]})
    _check(learner.managers_with_reports(emp, 2), ["Fin"])


def test_unknown_manager_ids_ignored(learner):
    """Manager ids that are not in the table produce no entry (no NaN, no None)."""
    emp = pd.DataFrame({"id": [1, 2, 3, 4, 5],
                        "name": ["Oz", "Pia", "Quin", "Rae", "Sol"],
                        "manager_id": [77.0, 77.0, 77.0, 1.0, 88.0]})
    _check(learner.managers_with_reports(emp, 1), ["Oz"], "managers_with_reports(emp, 1)")
    _check(learner.managers_with_reports(emp, 2), [], "managers_with_reports(emp, 2)")


def test_shared_names_counted_by_id(learner):
    """Two managers with the same name are counted separately, each qualifying one listed once."""
    emp = pd.DataFrame({"id": [1, 2, 3, 4, 5, 6, 7, 8],
                        "name": ["Kim", "Kim", "Al", "Bea", "Cid", "Dev", "Kim", "Ela"],
                        "manager_id": [np.nan, np.nan, 1, 1, 2, 2, 1, 7]})
    _check(learner.managers_with_reports(emp, 3), ["Kim"], "managers_with_reports(emp, 3)")
    _check(learner.managers_with_reports(emp, 2), ["Kim", "Kim"], "managers_with_reports(emp, 2)")
    emp2 = emp.assign(manager_id=[np.nan, np.nan, 1, 2, 2, 1, 9, 9])
    _check(learner.managers_with_reports(emp2, 3), [], "result when same-named managers have 2 reports each")


def test_names_sorted(learner):
    """Names are sorted ascending, not in table or id order."""
    emp = pd.DataFrame({"id": [5, 3, 9, 1, 7, 2],
                        "name": ["zed", "Yan", "amy", "Bob", "x1", "Al"],
                        "manager_id": [9, 5, 3, 7, 1, 5]},
                       index=[60, 50, 40, 30, 20, 10])
    _check(learner.managers_with_reports(emp, 1), ["Bob", "Yan", "amy", "x1", "zed"])


def test_int_manager_column(learner):
    """An int64 manager_id column (nobody without a manager) works the same way."""
    emp = pd.DataFrame({"id": np.array([1, 2, 3, 4], dtype=np.int64),
                        "name": ["Roy", "Sam", "Tia", "Uma"],
                        "manager_id": np.array([2, 1, 1, 50], dtype=np.int64)})
    _check(learner.managers_with_reports(emp, 2), ["Roy"])


def test_k_below_one_raises(learner):
    """k=0 and negative k raise ValueError."""
    for k in (0, -1):
        with pytest.raises(ValueError):
            learner.managers_with_reports(_example(), k)


def test_random_matches_oracle(learner):
    """A random org chart (NaN, unknown ids, shared names) matches a plain-Python oracle for several k."""
    rng = np.random.default_rng(17)
    n = 300
    ids = rng.permutation(np.arange(1, 400))[:n].astype(np.int64)
    mgr = rng.choice(np.concatenate([ids[:40], np.arange(500, 510)]), size=n).astype(float)
    mgr[rng.random(n) < 0.1] = np.nan
    emp = pd.DataFrame({"id": ids,
                        "name": rng.choice(["Ada", "Ben", "Cy", "Dia", "Eli", "Fox", "Gil", "Hu"], size=n),
                        "manager_id": mgr},
                       index=rng.permutation(n))
    for k in (1, 5, 8, 12):
        _check(learner.managers_with_reports(emp, k), _oracle(emp, k), f"managers_with_reports(emp, {k})")


def test_input_not_modified(learner):
    """The input DataFrame is left unchanged."""
    emp = _example()
    _, after = learner.managers_with_reports.call_keep_args(emp.copy(deep=True), 2)
    assert_frame(after[0], emp, what="your input after the call")
