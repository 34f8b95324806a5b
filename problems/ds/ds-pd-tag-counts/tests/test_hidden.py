from collections import Counter

import numpy as np
import pandas as pd

from grader.checklib import assert_series


def _example():
    return pd.Series([" ML, ml ,Stats,", "python,  stats", np.nan, "Python,ML", ",,", "sql"], name="tags")


def _counts(pairs):
    return pd.Series(np.array([c for _, c in pairs], dtype=np.int64),
                     index=pd.Index([t for t, _ in pairs], dtype="str", name="tag"), name="count")


def _oracle(s):
    """Independent oracle: Counter over re.split-free manual cleaning."""
    c = Counter()
    for x in s:
        if isinstance(x, str):
            for p in x.split(","):
                p = p.strip().lower()
                if p:
                    c[p] += 1
    return _counts(sorted(c.items(), key=lambda kv: (-kv[1], kv[0])))


def test_worked_example(learner):
    """The worked example from the statement."""
    expected = _counts([("ml", 3), ("python", 2), ("stats", 2), ("sql", 1)])
    assert_series(learner.tag_counts(_example()), expected)


def test_pieces_are_stripped(learner):
    """Spaces and tabs around a tag are removed; spaces inside a tag are kept."""
    s = pd.Series(["  deep learning ,nlp", "\tnlp\t, deep learning", "nlp"])
    assert_series(learner.tag_counts(s), _counts([("nlp", 3), ("deep learning", 2)]))


def test_case_is_folded(learner):
    """Tags differing only in case are the same tag, reported in lowercase."""
    s = pd.Series(["SQL", "sql,Sql", "sQl,R"])
    assert_series(learner.tag_counts(s), _counts([("sql", 4), ("r", 1)]))


def test_empty_pieces_dropped(learner):
    """Empty pieces from trailing, leading or doubled commas and blank strings are not counted."""
    s = pd.Series([",a,", "a,,b", "   ", "", " , ,b"])
    assert_series(learner.tag_counts(s), _counts([("a", 2), ("b", 2)]))


def test_missing_rows_skipped(learner):
    """Missing values (NaN in a str Series, None/NaN in an object Series) are skipped."""
    s = pd.Series(["x", np.nan, "y,x", np.nan], index=[10, 11, 12, 13])
    assert_series(learner.tag_counts(s), _counts([("x", 2), ("y", 1)]), what="result for a str Series")
    obj = pd.Series(np.array(["x", None, "y, X", float("nan")], dtype=object))
    assert_series(learner.tag_counts(obj), _counts([("x", 2), ("y", 1)]), what="result for an object Series")


def test_ties_sorted_alphabetically(learner):
    """Equal counts are ordered by tag ascending, not by first appearance."""
    s = pd.Series(["zeta,beta", "alpha,zeta", "gamma,beta", "alpha", "delta"])
    expected = _counts([("alpha", 2), ("beta", 2), ("zeta", 2), ("delta", 1), ("gamma", 1)])
    assert_series(learner.tag_counts(s), expected)


def test_repeats_within_a_row_count(learner):
    """A tag repeated inside one row counts every time."""
    s = pd.Series(["a,a,A", "b"])
    assert_series(learner.tag_counts(s), _counts([("a", 3), ("b", 1)]))


def test_no_tags_gives_empty_int64(learner):
    """Only missing values or empty pieces give an empty int64 Series with an empty str index named 'tag'."""
    expected = _counts([])
    assert_series(learner.tag_counts(pd.Series([np.nan, ",", " "], dtype="str")), expected)


def test_random_tags_match_oracle(learner):
    """A random column of messy tag lists matches an independent oracle."""
    rng = np.random.default_rng(4)
    vocab = ["ML", "ml", "Stats", "python", "Python ", " sql", "deep learning", "NLP", "r", "c++", "AI", "ai"]
    rows = []
    for _ in range(300):
        if rng.random() < 0.1:
            rows.append(np.nan)
            continue
        k = rng.integers(0, 5)
        pieces = [rng.choice(vocab) + " " * rng.integers(0, 2) for _ in range(k)]
        text = ",".join(pieces) + ("," if rng.random() < 0.3 else "")
        rows.append(text)
    s = pd.Series(rows, dtype="str", index=rng.permutation(300))
    assert_series(learner.tag_counts(s), _oracle(s))


def test_input_not_modified(learner):
    """The input Series is left unchanged."""
    s = _example()
    _, after = learner.tag_counts.call_keep_args(s.copy(deep=True))
    assert_series(after[0], s, what="your input after the call")
