"""The question bank: the shipped bank is clean, and the validator catches each kind of defect."""
from __future__ import annotations

import itertools

import pytest

from grader.quiz.bank import (
    BLUEPRINT_SIZE,
    TOPICS,
    TRACKS,
    QuestionFormatError,
    load_bank,
    questions_root,
    validate_bank,
)
from grader.quiz.generators import GENERATORS
from tests.quiz.conftest import (
    multi,
    numeric,
    ordering,
    single,
    synthetic_bank,
    write_topic,
)


@pytest.fixture(scope="module")
def shipped():
    """The shipped bank's full report (with the figures over 200 draws per track), computed once."""
    return validate_bank()


def test_shipped_bank_has_no_defects_and_covers_every_topic(shipped):
    report = shipped
    assert report.ok, [str(d) for d in report.defects]
    assert report.items >= 60
    counts = {t.topic.code: t.items for t in report.topics}
    assert set(counts) == {t.code for t in TOPICS}
    assert all(t.items >= t.topic.target for t in report.topics), "a topic is below its spec target"
    formats = report.to_json()["formats"]
    assert all(formats[f] > 0 for f in ("single", "multi", "numeric", "ordering"))


def test_shipped_bank_meets_both_blueprints_without_filling():
    bank = load_bank()
    for track in TRACKS:
        for topic in TOPICS:
            eligible = [i for i in bank.values() if i.topic == topic.code and i.weight(track) > 0]
            assert len(eligible) >= topic.quota(track), (track, topic.code)


def test_report_gives_per_topic_counts_against_targets(shipped):
    data = shipped.to_json()
    q01 = next(t for t in data["topics"] if t["code"] == "Q01")
    assert q01["topic"] == "Probability" and q01["target"] == 20
    assert q01["ds"]["quota"] == 4 and q01["mle"]["quota"] == 2
    assert q01["items"] == sum(q01["difficulty"].values()) == sum(q01["formats"].values())
    assert data["target"] == sum(t.target for t in TOPICS) >= 320
    for track in TRACKS:
        assert sum(t[track]["quota"] for t in data["topics"]) == BLUEPRINT_SIZE
    short = [t for t in data["topics"] if t["items"] < t["target"]]
    assert sum("items the spec targets" in w for w in data["warnings"]) == len(short)


def test_the_blueprint_draws_every_topic_for_both_tracks_but_responsible_ml_and_system_design_as_revised():
    by_code = {t.code: t for t in TOPICS}
    assert (by_code["Q18"].title, by_code["Q18"].target, by_code["Q18"].ds, by_code["Q18"].mle) == \
        ("ML system design", 30, 2, 6)
    assert by_code["Q17"].mle == 1 and all(t.ds > 0 and t.mle > 0 for t in TOPICS)
    assert all(t.target >= 3 * max(t.ds, t.mle) for t in TOPICS)


def test_strict_turns_topics_below_target_into_defects(bank_dir):
    synthetic_bank(bank_dir)
    report = validate_bank(bank_dir, strict=True, draws=0)
    assert not report.ok and any("items the spec targets" in d.message for d in report.defects)
    assert any(d.message.startswith("Probability has") and "Q01" not in str(d) for d in report.defects)


def test_questions_root_follows_the_environment(bank_dir):
    assert questions_root() == bank_dir


def test_generated_keys_come_from_the_generators():
    item = load_bank()["prob-bayes-screening"]
    key = item.numeric_key({"prevalence": 0.01, "sensitivity": 0.9, "false_positive_rate": 0.05})
    assert key == pytest.approx(0.009 / (0.009 + 0.0495))


def _defects(bank_dir, items, code="Q01", **kw):
    write_topic(bank_dir, code, items, **kw)
    return [str(d) for d in validate_bank(bank_dir, draws=0).defects]


@pytest.mark.parametrize("item, fragment", [
    (single("Q01", 1, answer=["A", "B"]), "field 'answer' must be the key"),
    (single("Q01", 1, answer="F"), "field 'answer' must be the key"),
    (single("Q01", 1, options=["a", "b", "c", "d"]), "field 'options': List should have at least 5 items"),
    (single("Q01", 1, options=["same", "Same.", "c", "d", "e"]), "duplicate options"),
    (single("Q01", 1, options=["a", "b", "c", "d", "None of the above"]), "all/none of the above"),
    (single("Q01", 1, format="truefalse"), "true/false items are not allowed"),
    (single("Q01", 1, stem="True or false: the mean is robust."), "true/false"),
    (single("Q01", 1, explanation=""), "'explanation'"),
    (single("Q01", 1, provenance="copied from a book"), "provenance"),
    (single("Q01", 1, hint="x"), "unknown field hint"),
    (single("Q01", 1, id="inf-wrong-prefix"), "must start with 'prob-'"),
    (single("Q01", 1, id="Bad Id"), "field 'id'"),
    (single("Q01", 1, tracks={"ds": 1.0}), "field 'tracks'"),
    (single("Q01", 1, tracks={"ds": 0, "mle": 0}), "never be drawn"),
    (single("Q01", 1, difficulty="X"), "difficulty"),
    (multi("Q01", 1, answer=[]), "field 'answer': List should have at least 1 item"),
    (multi("Q01", 1, answer=["A", "A"]), "repeats a letter"),
    (numeric("Q01", 1, tolerance=None), "missing field 'tolerance'"),
    (numeric("Q01", 1, tolerance={"rel": 2}), "field 'tolerance.rel': Input should be less than 0.5"),
    (numeric("Q01", 1, tolerance={"abs": 0.1, "rel": 0.1}), "must be { abs = X }"),
    (numeric("Q01", 1, tracks={"ds": "high", "mle": 1}), "field 'tracks'"),
    (numeric("Q01", 1, params={"p": [True], "n": [10]}), "field 'params'"),
    (numeric("Q01", 1, generator=None, params=None, answer=0.5), "lists its classic wrong answers"),
    (numeric("Q01", 1, generator=None, params=None, answer=0.5, wrong=[{"value": 0.4}]), "missing field 'wrong.0.why'"),
    (numeric("Q01", 1, wrong=[{"value": 0.4, "why": "x"}]), "wrong answers come from its generator"),
    (numeric("Q01", 1, generator="no_such_generator"), "unknown generator"),
    (numeric("Q01", 1, params={"p": [0.1]}), "takes parameters"),
    (numeric("Q01", 1, stem="Servers fail with probability {p}. P(at least one)?"), "not shown: n"),
    (numeric("Q01", 1, answer=0.5), "must not state 'answer'"),
    (numeric("Q01", 1, explanation="{nope}"), "placeholders"),
    (numeric("Q01", 1, generator=None, params=None), "answer = <number>"),
    (numeric("Q01", 1, generator="cost_threshold", params={"cost_fp": [0, 1], "cost_fn": [0, 5]},
             stem="Costs {cost_fp} and {cost_fn}: threshold?"), "fails for"),
    (ordering("Q01", 1, steps=["a", "b", "c"]), "field 'steps': List should have at least 4 items"),
    (ordering("Q01", 1, steps=["a", "b", "a", "c"]), "duplicate steps"),
])
def test_validator_catches_item_defects(bank_dir, item, fragment):
    item = {k: v for k, v in item.items() if v is not None}
    defects = _defects(bank_dir, [item])
    hits = [d for d in defects if fragment in d]
    where = f"questions/q01-test.toml: {item.get('id') or 'item #1'}: "
    assert hits and all(d.startswith(where) for d in hits), defects  # the file, the item, and the field


def test_validator_catches_a_generator_that_is_not_reproducible(bank_dir, monkeypatch):
    counter = itertools.count()
    monkeypatch.setitem(GENERATORS, "flaky", lambda p, n: float(next(counter)))
    defects = _defects(bank_dir, [numeric("Q01", 1, generator="flaky")])
    assert any("not reproducible" in d for d in defects), defects


def test_validator_catches_duplicate_ids_and_stems(bank_dir):
    write_topic(bank_dir, "Q01", [single("Q01", 1), single("Q01", 2, stem="Synthetic question Q01 number 1?"),
                                  single("Q01", 3, id="prob-item-1")])
    write_topic(bank_dir, "Q02", [single("Q02", 1, stem="synthetic  question Q01 number 1")])
    defects = [str(d) for d in validate_bank(bank_dir, draws=0).defects]
    assert sum("duplicate stem" in d for d in defects) == 2, defects
    assert any("prob-item-1" in d and "duplicate id" in d for d in defects), defects


def test_validator_wants_one_file_per_topic(bank_dir):
    write_topic(bank_dir, "Q01", [single("Q01", 1)])
    write_topic(bank_dir, "Q01", [single("Q01", 2)], name="q01-more")
    defects = [str(d) for d in validate_bank(bank_dir, draws=0).defects]
    assert any("a second file for Q01" in d for d in defects), defects


@pytest.mark.parametrize("kwargs, fragment", [
    ({"name": "probability"}, "file name must be qNN-"),
    ({"name": "q99-nothing"}, "file name must be qNN-"),
    ({"topic": "Q02"}, "top-level 'topic'"),
])
def test_validator_catches_file_defects(bank_dir, kwargs, fragment):
    defects = _defects(bank_dir, [single("Q01", 1)], **kwargs)
    assert any(fragment in d for d in defects), defects


def test_validator_names_invalid_toml(bank_dir):
    (bank_dir / "q01-broken.toml").write_text('topic = "Q01"\n[[items]]\nid = \n', encoding="utf-8")
    defects = [str(d) for d in validate_bank(bank_dir, draws=0).defects]
    assert any("q01-broken.toml" in d and "not valid TOML" in d and "line 3" in d for d in defects), defects


def test_validator_says_when_a_blueprint_draw_is_impossible(bank_dir):
    defects = _defects(bank_dir, [single("Q01", k) for k in range(5)])
    assert any("ds blueprint draw impossible" in d for d in defects)
    assert any("mle blueprint draw impossible" in d for d in defects)


def test_a_short_but_drawable_bank_only_warns(bank_dir):
    synthetic_bank(bank_dir, counts={"Q02": 2, "Q12": 1})
    report = validate_bank(bank_dir, draws=0)
    assert report.ok, [str(d) for d in report.defects]
    assert any("ds blueprint" in w and "Statistical inference 2/5" in w for w in report.warnings)
    assert any("mle blueprint" in w and "Architectures 1/5" in w for w in report.warnings)


def test_loading_a_malformed_bank_raises_with_file_and_item(bank_dir):
    write_topic(bank_dir, "Q01", [single("Q01", 1, answer="Z")])
    with pytest.raises(QuestionFormatError, match=r"q01-test\.toml: prob-item-1: field 'answer'"):
        load_bank(bank_dir)
    assert QuestionFormatError.exit_code == 3
