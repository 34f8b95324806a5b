"""`excludes`: items that give away each other's answer are never drawn in one quiz, and the field is validated."""
from __future__ import annotations

from collections import Counter

import pytest

from grader.quiz.bank import TRACKS, load_bank, validate_bank
from grader.quiz.draw import DrawError, clashes, draw
from tests.quiz.conftest import single, synthetic_bank, write_topic

PAIRS = [("arch-diffusion-training-order", "arch-diffusion-training-target"),
         ("nn-data-parallel-step-order", "nn-data-vs-model-parallel"),
         ("sysd-model-staleness", "sysd-fraud-label-choice")]


@pytest.fixture(scope="module")
def bank():
    return load_bank()


def test_the_pairs_the_second_reader_found_exclude_each_other(bank):
    for a, b in PAIRS:
        assert bank[a].excludes == (b,) and bank[b].excludes == (a,)


@pytest.mark.parametrize("track", TRACKS)
def test_the_shipped_pairs_are_never_drawn_together(bank, track):
    seen: Counter[str] = Counter()
    for seed in range(150):
        ids = {d.id for d in draw(bank, track, seed=seed).items}
        for a, b in PAIRS:
            assert not (a in ids and b in ids), (seed, a, b)
            seen[a] += a in ids
            seen[b] += b in ids
    assert all(seen[a] and seen[b] for a, b in PAIRS if bank[a].weight(track) and bank[b].weight(track))


def _pair_bank(bank_dir, n_in_topic: int):
    """A synthetic bank whose Q12 topic has `n_in_topic` items, two of which exclude each other."""
    synthetic_bank(bank_dir, counts={"Q12": 0})
    items = [single("Q12", k) for k in range(n_in_topic)]
    items[0]["excludes"] = [items[1]["id"]]
    items[1]["excludes"] = [items[0]["id"]]
    write_topic(bank_dir, "Q12", items)
    return load_bank(bank_dir), items[0]["id"], items[1]["id"]


def test_a_pair_in_a_small_topic_is_kept_apart_and_both_still_appear(bank_dir):
    bank, a, b = _pair_bank(bank_dir, 6)  # mle draws 5 of 6: without the rule they would meet in most quizzes
    counts: Counter[str] = Counter()
    for seed in range(200):
        ids = {d.id for d in draw(bank, "mle", seed=seed).items}
        assert not (a in ids and b in ids)
        counts.update(ids & {a, b})
    assert counts[a] > 40 and counts[b] > 40 and 0.6 < counts[a] / counts[b] < 1.6


def test_when_every_draw_clashes_one_of_the_pair_is_swapped_out(bank_dir):
    bank, a, b = _pair_bank(bank_dir, 5)  # mle's quota is 5 of 5: every blueprint draw takes both
    quiz = draw(bank, "mle", seed=3)
    ids = [d.id for d in quiz.items]
    assert len(ids) == len(set(ids)) == 50 and not (a in ids and b in ids)
    assert not clashes([bank[i] for i in ids])


def test_a_bank_that_cannot_keep_them_apart_is_a_draw_error(bank_dir):
    items = [single("Q01", k) for k in range(3)]
    items[0]["excludes"] = [items[1]["id"]]
    items[1]["excludes"] = [items[0]["id"]]
    write_topic(bank_dir, "Q01", items)
    with pytest.raises(DrawError, match="without two that exclude each other"):
        draw(load_bank(bank_dir), "ds", size=3, seed=1)
    assert len(draw(load_bank(bank_dir), "ds", size=2, seed=1).items) == 2


@pytest.mark.parametrize("excludes, fragment", [
    (["prob-item-9"], "names 'prob-item-9', which is not in the bank"),
    (["prob-item-0"], "names the item itself"),
    (["prob-item-2"], "whose 'excludes' does not name 'prob-item-0'"),
    (["prob-item-1", "prob-item-1"], "names an item twice"),
    (["Not An Id"], "field 'excludes"),
    ("prob-item-1", "field 'excludes"),
])
def test_excludes_is_validated(bank_dir, excludes, fragment):
    items = [single("Q01", k) for k in range(3)]
    items[0]["excludes"] = excludes
    items[1]["excludes"] = ["prob-item-0"]
    write_topic(bank_dir, "Q01", items)
    report = validate_bank(bank_dir, draws=0)
    assert any(fragment in str(d) and "prob-item-0" in str(d) for d in report.defects), [str(d) for d in report.defects]
