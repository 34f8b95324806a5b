"""Balanced exposure: over 200 standard draws per track, items of one topic and weight appear equally often."""
from __future__ import annotations

import pytest
from scipy import stats

from grader.quiz.bank import TOPICS, TRACKS, load_bank
from grader.quiz.exposure import Exposure, measure
from grader.quiz.sampling import inclusion

DRAWS = 200


@pytest.fixture(scope="module")
def bank():
    return load_bank()


@pytest.fixture(scope="module")
def exposure(bank) -> dict[str, Exposure]:
    return {track: measure(bank, track, DRAWS) for track in TRACKS}


@pytest.mark.parametrize("track", TRACKS)
def test_items_of_one_topic_and_weight_are_drawn_alike(bank, exposure, track):
    """Chi-square homogeneity of the counts of equal-weight items within each topic (fails below p = 0.001)."""
    tested = 0
    for topic in TOPICS:
        groups: dict[float, list[int]] = {}
        for item in bank.values():
            if item.topic == topic.code and item.weight(track) > 0:
                groups.setdefault(item.weight(track), []).append(exposure[track].counts[item.id])
        for weight, counts in groups.items():
            if len(counts) < 2:
                continue
            mean = sum(counts) / len(counts)
            chi = sum((c - mean) ** 2 / mean for c in counts)
            assert stats.chi2.sf(chi, len(counts) - 1) > 0.001, (topic.title, weight, counts)
            tested += 1
    assert tested >= 15


@pytest.mark.parametrize("track", TRACKS)
def test_no_item_dominates_and_the_spread_across_topics_is_bounded(bank, exposure, track):
    # every topic is at its target size, at least 3 times its largest draw, so no item must be overexposed
    counts = exposure[track].counts
    # before the balanced draw, one item sat in 92 (ds) or 95 (mle) of 200 quizzes, another in 9 or 0
    assert max(counts.values()) <= 0.4 * DRAWS and min(counts.values()) >= 1
    chances = []
    for topic in TOPICS:
        pool = [i for i in bank.values() if i.topic == topic.code and i.weight(track) > 0]
        if pool:
            shares = inclusion(tuple(i.weight(track) for i in pool), topic.quota(track))
            chances += [float(s) for i, s in zip(pool, shares, strict=True) if i.weight(track) == 1.0]
    assert max(chances) / min(chances) <= 5  # core items: the most exposed at most 5x the least


def test_the_report_states_the_figures(exposure):
    text = exposure["ds"].describe()
    assert "over 200 draws" in text and "always picking the longest option scores" in text
    data = exposure["mle"].to_json()
    assert data["min"]["quizzes"] <= data["max"]["quizzes"] and data["longest_option_score"] < 10
