"""Guessing cues: a bank fails when option lengths give the key away, in either direction."""
from __future__ import annotations

import pytest

from grader.quiz.bank import TOPICS, load_bank, validate_bank
from grader.quiz.cues import (
    binomial_tail,
    chi_square_uniform,
    key_looks_longest,
    key_looks_shortest,
    key_ranks,
    most_allowed,
    multi_cue,
    rank_spread,
    single_cues,
)
from tests.quiz.conftest import multi, single, write_topic

# Option lengths whose first (the key) is the longest, second longest, ..., or the shortest.
LENGTHS = {"long": [60, 20, 22, 24, 26], "second": [50, 60, 20, 22, 24], "middle": [40, 20, 60, 22, 58],
           "fourth": [20, 60, 58, 40, 10], "short": [10, 40, 42, 44, 46]}


def _options(kind: str, n: int) -> list[str]:
    return [f"{chr(97 + j)}{n}-" + "x" * (length - 2 - len(str(n))) for j, length in enumerate(LENGTHS[kind])]


def _bank(bank_dir, kinds: list[str]) -> None:
    """A drawable bank of single-answer items whose keys cycle through the given length positions."""
    n = 0
    for t in TOPICS:
        items = []
        for k in range(max(t.ds, t.mle) + 1):
            items.append(single(t.code, k, options=_options(kinds[n % len(kinds)], n), answer="A"))
            n += 1
        write_topic(bank_dir, t.code, items)


def _cue_defects(bank_dir) -> list[str]:
    return [d.message for d in validate_bank(bank_dir, draws=0).defects if "guessing cue" in d.message]


def test_the_options_have_the_lengths_the_tests_rely_on():
    assert [len(o) for o in _options("fourth", 12)] == LENGTHS["fourth"]


@pytest.mark.parametrize("kind, fragment", [("long", "looks longest in"), ("short", "shortest in"),
                                            ("middle", "by length rank")])
def test_a_bank_whose_keys_share_a_length_position_fails(bank_dir, kind, fragment):
    _bank(bank_dir, [kind])
    assert any(fragment in m for m in _cue_defects(bank_dir))


def test_a_bank_whose_keys_take_every_length_position_passes(bank_dir):
    _bank(bank_dir, ["long", "second", "middle", "fourth", "short"])
    report = validate_bank(bank_dir, draws=0)
    assert not _cue_defects(bank_dir), [c.describe() for c in report.single_cues]


def test_key_measures_on_real_items():
    bank = load_bank()
    item = bank["prob-two-heads-in-a-row"]  # five one-character options: every option ties
    assert key_looks_longest(item) == key_looks_shortest(item) == pytest.approx(0.2)
    assert key_ranks(item) == [pytest.approx(0.2)] * 5
    assert sum(key_ranks(bank["metric-roc-auc-meaning"])) == pytest.approx(1.0)


def test_multi_select_keys_longer_or_shorter_than_chance_fail(bank_dir):
    long_keys = ["k" * 60, "k" * 61, "n" * 20, "n" * 21, "n" * 22]
    for keys, fragment in ((long_keys, "keys longer on average"), (long_keys[::-1], "keys longer on average")):
        for t in TOPICS:
            items = [single(t.code, k) for k in range(max(t.ds, t.mle) + 1)]
            items += [multi(t.code, 100 + k, options=[f"{o}{k}" for o in keys], answer=["A", "B"]) for k in range(4)]
            write_topic(bank_dir, t.code, items)
        assert any(fragment in m for m in _cue_defects(bank_dir))


def test_the_statistics():
    assert binomial_tail(5, 0, 0.2) == pytest.approx(1.0) and binomial_tail(5, 5, 0.2) == pytest.approx(0.2 ** 5)
    assert most_allowed(74, 0.2) == 21 and most_allowed(10, 0.5) == 8
    assert chi_square_uniform([10, 10, 10, 10, 10]) == pytest.approx(1.0)
    assert chi_square_uniform([50, 0, 0, 0, 0]) < 1e-10


def test_the_shipped_bank_gives_no_length_cue():
    bank = load_bank().values()
    assert all(c.ok for c in single_cues(bank)) and rank_spread(bank).ok and multi_cue(bank).ok
    ranks = rank_spread(bank).counts
    assert max(ranks) < 2 * min(ranks)  # no length rank is twice as common as another
