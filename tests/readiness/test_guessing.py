"""The guessing figures of the readiness report: exact pass chances, computed from the bank as it is now."""
from __future__ import annotations

import itertools
import json
import math
from pathlib import Path

import pytest

from grader.quiz.bank import TOPICS, load_bank
from grader.quiz.guessing import KNOWN, measure, pass_chances
from grader.readiness import p_reach
from tests.quiz.conftest import single, write_topic
from tests.readiness.conftest import run


def test_pass_chances_are_binomial_when_every_guess_is_alike():
    out = pass_chances([0.2] * 50, 35)
    for known in (25, 30, 33, 34):
        assert out[known] == pytest.approx(p_reach(0.2, 50 - known, 35 - known), abs=1e-12)
    assert out[35] == pytest.approx(1.0) and out[50] == pytest.approx(1.0)
    assert pass_chances([0.0] * 50, 35)[34] == 0.0


def test_pass_chances_with_mixed_items_match_enumeration():
    hits = [0.0, 1.0, 0.5, 0.2, 0.9]
    out = pass_chances(hits, 3)
    for known in range(6):
        total = 0.0
        subsets = list(itertools.combinations(range(5), 5 - known))
        for unknown in subsets:
            for outcome in itertools.product((0, 1), repeat=len(unknown)):
                p = math.prod(hits[j] if o else 1 - hits[j] for j, o in zip(unknown, outcome, strict=True))
                total += p * (known + sum(outcome) >= 3)
        assert out[known] == pytest.approx(total / len(subsets)), known


@pytest.fixture
def bank_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A question bank folder of the test's own, which GRADER_QUESTIONS points at."""
    root = tmp_path / "questions"
    root.mkdir()
    monkeypatch.setenv("GRADER_QUESTIONS", str(root))
    return root


def _bank(bank_dir: Path, key_is_longest: bool) -> None:
    for t in TOPICS:
        items = []
        for k in range(max(t.ds, t.mle) + 1):
            options = [f"option {c} of {t.code}-{k}" for c in "abcde"]
            options[1] = options[1] + (" with many more words than the others" if key_is_longest else "")
            if not key_is_longest:
                options = [o + (" padded out" if j != 1 else "") for j, o in enumerate(options)]
            items.append(single(t.code, k, options=options, answer="B"))
        write_topic(bank_dir, t.code, items)


def test_the_figures_follow_the_bank(bank_dir):
    _bank(bank_dir, key_is_longest=True)
    cued = measure(load_bank(bank_dir), "ds", draws=3)
    assert cued.cue_score == pytest.approx(50) and cued.blind_score == pytest.approx(10) and cued.longest_keys == 1
    assert all(c == pytest.approx(1.0) for _, _, c in cued.pass_if_known)
    _bank(bank_dir, key_is_longest=False)
    plain = measure(load_bank(bank_dir), "ds", draws=3)
    assert plain.cue_score == 0 and plain.blind_score == pytest.approx(10)
    assert [k for k, _, _ in plain.pass_if_known] == list(KNOWN)
    assert dict((k, b) for k, b, _ in plain.pass_if_known)[30] == pytest.approx(p_reach(0.2, 20, 5))


def test_readiness_reports_them_and_survives_a_broken_bank(bank_dir):
    _bank(bank_dir, key_is_longest=True)
    code, out, _ = run("readiness", "--json")
    guess = json.loads(out)["guessing"]
    assert code == 0 and guess["error"] is None and guess["tracks"]["ds"]["longest_option_score"] == 50
    code, out, _ = run("readiness")
    assert "always picking the longest option 50.0" in out
    (bank_dir / "q01-test.toml").write_text("not toml [")
    code, out, _ = run("readiness", "--json")
    guess = json.loads(out)["guessing"]
    assert code == 0 and guess["tracks"] == {} and "q01-test.toml" in guess["error"]
