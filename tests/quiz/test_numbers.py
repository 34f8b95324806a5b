"""Numeric items: tolerances never admit a named wrong answer, accept honest rounding, and stems read well."""
from __future__ import annotations

import pytest

from grader.quiz.bank import Tolerance, load_bank, validate_bank
from grader.quiz.draw import instantiate
from grader.quiz.generators import GENERATORS, Key
from grader.quiz.numbers import check_numeric, param_combos, round_sig, tolerance_problems
from grader.quiz.text import parameter_slips
from tests.quiz.conftest import numeric, write_topic


def _defects(bank_dir, item):
    write_topic(bank_dir, "Q02", [{k: v for k, v in item.items() if v is not None}])
    return [str(d) for d in validate_bank(bank_dir, draws=0).defects if item["id"] in str(d)]


def test_a_tolerance_that_admits_the_union_bound_fails(bank_dir):
    item = numeric("Q02", 1, id="inf-fwer", generator="familywise_error", params={"alpha": [0.01], "m": [5]},
                   stem="{m} tests at level {alpha}: P(at least one false positive)?", tolerance={"abs": 0.005})
    defects = _defects(bank_dir, item)
    assert any("admits the wrong answer 0.05 (m·α" in d and "'m': 5" in d for d in defects), defects


def test_the_same_item_with_separable_parameters_passes(bank_dir):
    item = numeric("Q02", 1, id="inf-fwer", generator="familywise_error", params={"alpha": [0.05, 0.1], "m": [5, 10]},
                   stem="{m} tests at level {alpha}: P(at least one false positive)?", tolerance={"rel": 0.02})
    assert _defects(bank_dir, item) == []


@pytest.mark.parametrize("wrong, ok", [(0.254, False), (0.3, True)])
def test_a_fixed_item_is_checked_against_its_listed_wrong_answers(bank_dir, wrong, ok):
    item = numeric("Q02", 1, id="inf-fixed", generator=None, params=None, answer=0.25, tolerance={"abs": 0.005},
                   stem="A fixed question?", explanation="Because.",
                   wrong=[{"value": wrong, "why": "the classic slip"}])
    defects = _defects(bank_dir, item)
    assert (defects == []) == ok, defects
    assert ok or "admits the wrong answer 0.254 (the classic slip)" in defects[0]


def test_an_absolute_tolerance_too_tight_for_honest_rounding_fails(bank_dir):
    item = numeric("Q02", 1, id="inf-tfidf", generator="tf_idf", params={"tf": [3], "n_docs": [1000], "df": [10]},
                   stem="{tf} {n_docs} {df}?", tolerance={"abs": 0.01})
    defects = _defects(bank_dir, item)
    assert any("rejects 13.8, the key 13.8155 rounded to 3 significant figures" in d for d in defects), defects


def test_an_absolute_tolerance_loose_for_small_keys_fails(bank_dir):
    item = numeric("Q02", 1, id="inf-bayes", generator="bayes_posterior",
                   params={"prevalence": [0.005], "sensitivity": [0.8], "false_positive_rate": [0.1]},
                   stem="{prevalence} {sensitivity} {false_positive_rate}?", tolerance={"abs": 0.005})
    assert any("more than 5% of the key" in d and "relative tolerance" in d for d in _defects(bank_dir, item))


def test_an_exact_tolerance_needs_whole_number_keys():
    problems = tolerance_problems(Tolerance("abs", 0.0), Key(2.5, {"x": 3.0}))
    assert [kind for kind, _ in problems] == ["exact"]


def test_a_mistake_that_gives_exactly_the_key_is_not_a_wrong_answer_there():
    assert tolerance_problems(Tolerance("rel", 0.01), Key(0.05, {"m·α when m = 1": 0.05})) == []
    assert [k for k, _ in tolerance_problems(Tolerance("rel", 0.01), Key(0.05, {"near": 0.0502}))] == ["wrong:near"]


def test_an_item_that_names_no_wrong_answer_fails(bank_dir, monkeypatch):
    monkeypatch.setitem(GENERATORS, "bare", lambda p, n: Key(1 - (1 - p) ** n))
    item = numeric("Q02", 1, id="inf-bare", generator="bare")
    assert any("names no classic wrong answer" in d for d in _defects(bank_dir, item))


def test_round_sig():
    assert round_sig(13.8155) == 13.8 and round_sig(0.0106168) == 0.0106 and round_sig(14749.0) == 14700
    assert round_sig(-15.1875) == -15.2 and round_sig(0.0) == 0.0


def test_every_shipped_numeric_item_separates_every_named_wrong_answer():
    bank = load_bank()
    numeric_items = [i for i in bank.values() if i.format == "numeric"]
    assert numeric_items
    for item in numeric_items:
        assert check_numeric(item) == [], item.id
        named = {why for params in param_combos(item) for why in item.answer_key(params).wrong}
        assert named, item.id


def test_every_generator_in_use_names_wrong_answers_that_differ_from_its_key():
    bank = load_bank()
    used = {i.generator for i in bank.values() if i.generator}
    for name in used:
        item = next(i for i in bank.values() if i.generator == name)
        keys = [item.answer_key(p) for p in param_combos(item)]
        assert any(abs(w - k.value) > 1e-9 for k in keys for w in k.wrong.values()), name


def test_generated_stems_read_grammatically_for_every_drawn_parameter():
    bank = load_bank()
    generated = [i for i in bank.values() if i.generator]
    for item in generated:
        drawn = [instantiate(item, seed).params for seed in range(200)]
        for params in drawn + list(param_combos(item)):  # 200 quiz draws, then every combination
            key = item.numeric_key(params)
            assert parameter_slips(item.stem, **params) == [], (item.id, params)
            assert parameter_slips(item.explanation, **params, answer=key) == [], (item.id, params)


def test_a_stem_that_says_1_requests_fails_validation(bank_dir):
    item = numeric("Q01", 1, generator="poisson_exact", params={"rate": [2], "k": [1, 2]}, tolerance={"rel": 0.02},
                   stem="An average of {rate} per hour. P(exactly {k} requests)?")
    write_topic(bank_dir, "Q01", [item])
    defects = [str(d) for d in validate_bank(bank_dir, draws=0).defects]
    assert any("reads '1 requests'" in d and "{name:~noun}" in d for d in defects), defects
    item["stem"] = "An average of {rate} per hour. P(exactly {k:~request})?"
    write_topic(bank_dir, "Q01", [item])
    assert not any("reads '" in str(d) for d in validate_bank(bank_dir, draws=0).defects)
