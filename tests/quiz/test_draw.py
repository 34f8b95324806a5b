"""Drawing by blueprint: quotas, reproducibility, no repeats, short topics, and quiz.json consistency."""
from __future__ import annotations

import json
from collections import Counter

import pytest

from grader.quiz.bank import BLUEPRINT_SIZE, LETTERS, TOPICS, TRACKS, load_bank
from grader.quiz.draw import (
    MAX_SINGLE_SHARE,
    DrawError,
    QuizFileError,
    default_threshold,
    draw,
    instantiate,
    pose,
    quiz_from_json,
    quotas,
)
from tests.quiz.conftest import ordering, single, synthetic_bank, write_topic


@pytest.fixture(scope="module")
def bank():
    return load_bank()


@pytest.mark.parametrize("track", TRACKS)
def test_a_full_quiz_meets_the_blueprint_exactly(bank_dir, track):
    bank = load_bank(synthetic_bank(bank_dir))
    quiz = draw(bank, track, seed=11)
    topics = Counter(bank[d.id].topic for d in quiz.items)
    assert {t.code: topics.get(t.code, 0) for t in TOPICS} == {t.code: t.quota(track) for t in TOPICS}
    assert quiz.size == BLUEPRINT_SIZE == len(quiz.items) and quiz.threshold == 35 and not quiz.shortfalls


@pytest.mark.parametrize("track", TRACKS)
def test_the_shipped_bank_fills_every_quota_it_can(bank, track):
    quiz = draw(bank, track, seed=11)
    topics = Counter(bank[d.id].topic for d in quiz.items)
    eligible = Counter(i.topic for i in bank.values() if i.weight(track) > 0)
    short = {t.code for t in TOPICS if eligible[t.code] < t.quota(track)}
    assert {s.topic for s in quiz.shortfalls} == short
    assert all(topics[t.code] >= t.quota(track) for t in TOPICS if t.code not in short)
    assert sum(topics[t.code] - t.quota(track) for t in TOPICS if t.code not in short) == quiz.filled


@pytest.mark.parametrize("track", TRACKS)
def test_no_item_repeats_within_a_quiz(bank, track):
    for seed in range(20):
        ids = [d.id for d in draw(bank, track, seed=seed).items]
        assert len(ids) == len(set(ids)) == BLUEPRINT_SIZE


def test_the_same_seed_gives_the_same_quiz_and_another_seed_another(bank):
    first, again = draw(bank, "ds", seed=5), draw(bank, "ds", seed=5)
    assert first.items == again.items  # ids, order of questions, option permutations and drawn numbers
    other = draw(bank, "ds", seed=6)
    assert [d.id for d in other.items] != [d.id for d in first.items]


def test_keys_are_numbered_in_quiz_order(bank):
    quiz = draw(bank, "mle", size=12, seed=1)
    assert [d.key for d in quiz.items] == [f"q{n:02d}" for n in range(1, 13)]


def test_only_items_weighted_for_the_track_are_drawn(bank_dir):
    synthetic_bank(bank_dir)
    write_topic(bank_dir, "Q17", [single("Q17", k, tracks={"ds": 1.0, "mle": 0.0}) for k in range(3)])
    for seed in range(10):
        assert all(not d.id.startswith("resp-") for d in draw(load_bank(bank_dir), "mle", seed=seed).items)


def test_quotas_scale_to_other_sizes():
    for track in TRACKS:
        assert quotas(track) == {t.code: t.quota(track) for t in TOPICS}
        for size in (1, 7, 20, 49, 100):
            assert sum(quotas(track, size).values()) == size
    assert default_threshold(50) == 35 and default_threshold(20) == 14


def test_a_short_topic_is_filled_from_the_same_track_and_said_so(bank_dir):
    synthetic_bank(bank_dir, counts={"Q02": 2, "Q12": 0})
    bank = load_bank(bank_dir)
    quiz = draw(bank, "ds", seed=3)
    ids = [d.id for d in quiz.items]
    assert len(ids) == len(set(ids)) == 50
    assert [(s.topic, s.quota, s.drawn) for s in quiz.shortfalls] == [("Q02", 5, 2), ("Q12", 1, 0)]
    assert quiz.filled == 4
    note = quiz.shortfall_note()
    assert "4 of 50 questions come from other ds topics" in note
    assert "Statistical inference (2 of 5)" in note and "Architectures (0 of 1)" in note and "Q02" not in note
    assert quiz.to_json()["filled"] == 4
    assert quiz.to_json()["shortfalls"][0] == {"topic": "Statistical inference", "code": "Q02", "quota": 5, "drawn": 2}
    # the fill comes from topics that the ds blueprint draws from, never from Q12 (which has none)
    drawn = Counter(bank[i].topic for i in ids)
    assert drawn["Q02"] == 2 and "Q12" not in drawn


def test_too_small_a_bank_for_the_size_is_a_usage_error(bank_dir):
    write_topic(bank_dir, "Q01", [single("Q01", k) for k in range(4)])
    with pytest.raises(DrawError, match="only 4 items for the ds track; ask for --size 4 or fewer"):
        draw(load_bank(bank_dir), "ds", seed=1)
    assert len(draw(load_bank(bank_dir), "ds", size=4, seed=1).items) == 4


@pytest.mark.parametrize("kwargs, fragment", [
    ({"size": 0}, "--size"), ({"threshold": 51}, "--pass"), ({"threshold": -1}, "--pass")])
def test_bad_size_or_threshold_is_refused(bank, kwargs, fragment):
    with pytest.raises(DrawError, match=fragment):
        draw(bank, "ds", **kwargs)


def test_single_answer_items_are_capped_at_40_percent_when_the_bank_allows(bank):
    for track in TRACKS:
        for seed in range(10):
            quiz = draw(bank, track, seed=seed)
            singles = sum(1 for d in quiz.items if bank[d.id].format == "single")
            assert singles <= MAX_SINGLE_SHARE * quiz.size


def test_options_are_shuffled_per_quiz_and_the_key_follows(bank):
    item = bank["metric-roc-auc-meaning"]
    seen = set()
    for seed in range(30):
        posed = pose(item, instantiate(item, seed))
        assert isinstance(posed.expected, str)
        assert posed.choices[LETTERS.index(posed.expected)] == item.options[item.key[0]]
        seen.add(posed.expected)
    assert len(seen) >= 4  # the key does not sit at one letter


def test_ordering_steps_are_never_shown_in_the_right_order(bank_dir):
    write_topic(bank_dir, "Q01", [ordering("Q01", 1)])
    item = load_bank(bank_dir)["prob-ord-1"]
    for seed in range(200):
        drawn = instantiate(item, seed)
        assert drawn.order != (0, 1, 2, 3)
        posed = pose(item, drawn)
        assert isinstance(posed.expected, tuple)
        assert [posed.choices[LETTERS.index(letter)] for letter in posed.expected] == list(item.steps)


def test_generated_numbers_depend_only_on_seed_and_item(bank):
    item = bank["exp-sample-size"]
    assert instantiate(item, 9) == instantiate(item, 9)
    posed = pose(item, instantiate(item, 9))
    params = instantiate(item, 9).params
    assert set(params) == {"p0", "lift", "alpha", "power"} and f"{params['p0']:.0%}" in posed.stem
    assert posed.expected == item.numeric_key(params)


# ------------------------------------------------------------------ quiz.json consistency

def _roundtrip(bank, edit=None):
    data = json.loads(json.dumps(draw(bank, "mle", seed=2).to_json()))
    if edit:
        edit(data)
    return quiz_from_json(data, bank, "quiz1/quiz.json")


def test_quiz_json_round_trips(bank):
    quiz = draw(bank, "mle", seed=2, created="2025-01-01T00:00:00Z")
    again = quiz_from_json(json.loads(json.dumps(quiz.to_json())), bank, "quiz.json")
    assert again == quiz


def _set(path, value):
    def edit(data):
        target = data
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
    return edit


@pytest.mark.parametrize("edit, fragment", [
    (_set(["items", 3, "id"], "no-such-item"), "q04 names 'no-such-item', which is not in the question bank"),
    (_set(["track"], "xx"), "'track'"),
    (_set(["size"], 49), "exactly 'size'"),
    (_set(["threshold"], 99), "'threshold' 99"),
    (_set(["format"], 7), "not a quiz file"),
    (_set(["items", 0, "key"], "q09"), "must have key 'q01'"),
    (lambda d: d["items"][1].update(id=d["items"][0]["id"]), "repeats item"),
    (lambda d: d["items"].__setitem__(0, {**d["items"][0], "order": [0, 0, 1, 2, 3]})
     if d["items"][0]["order"] else d["items"][0].update(order=[0]), "not a permutation"),
])
def test_an_edited_quiz_json_is_refused_with_a_clear_message(bank, edit, fragment):
    with pytest.raises(QuizFileError, match=fragment) as info:
        _roundtrip(bank, edit)
    assert "quiz1/quiz.json" in str(info.value) and "grader quiz new" in str(info.value)
    assert QuizFileError.exit_code == 2


def test_edited_numbers_of_a_generated_item_are_refused(bank):
    def edit(data):
        item = next(i for i in data["items"] if i["params"])
        name = next(iter(item["params"]))
        item["params"][name] = 12345.678
    with pytest.raises(QuizFileError, match="'params' that the item does not offer"):
        _roundtrip(bank, edit)
