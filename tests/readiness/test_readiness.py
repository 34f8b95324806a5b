"""Readiness: the stratified exam draw, the first-attempt rule, tampering, the math and the report page."""
from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from grader.exam import QUOTAS, draw
from grader.problems import Problem, load_bank
from grader.readiness import p_reach
from grader.sandbox.limits import Limits
from tests.browser import CHROMIUM, render
from tests.cli import invoke as run


def _bank(track: str, per_topic: int = 6) -> dict[str, Problem]:
    bank = {}
    for topics, _ in QUOTAS[track]:
        for topic in topics:
            for i in range(per_topic):
                pid = f"{track}-{re.sub('[^a-z]', '', topic.lower())[:10]}-{i}"
                bank[pid] = Problem(pid, pid, track, topic, "EMMMH H"[i % 6].strip() or "H", ("f",), (), Limits(), "",
                                    Path("."))
    return bank


@pytest.mark.parametrize("track", ["ds", "mle"])
def test_draw_follows_the_topic_quotas(track):
    bank = _bank(track)
    d = draw(bank, track, 20, seed=1, seen=set())
    assert len(d.problems) == len(set(d.problems)) == 20 and not d.notes
    topic_of = {pid: p.topic for pid, p in bank.items()}
    for topics, quota in QUOTAS[track]:
        assert sum(topic_of[pid] in topics for pid in d.problems) == quota, topics
    mix = Counter(bank[pid].difficulty for pid in d.problems)
    assert mix == {"E": 6, "M": 10, "H": 4}


def test_same_seed_same_exam_and_fresh_problems_are_preferred():
    bank = _bank("mle")
    first = draw(bank, "mle", 20, seed=42, seen=set())
    assert draw(bank, "mle", 20, seed=42, seen=set()) == first
    assert draw(bank, "mle", 20, seed=43, seen=set()).problems != first.problems
    second = draw(bank, "mle", 20, seed=7, seen=set(first.problems))
    assert len(set(second.problems) & set(first.problems)) <= 4  # only where a topic group runs out


def test_a_small_track_says_so():
    bank = dict(list(_bank("ds").items())[:8])
    d = draw(bank, "ds", 20, seed=0, seen=set())
    assert len(d.problems) == 8 and any("only 8 problems" in n for n in d.notes)


def test_pass_probabilities_match_the_spec_table():
    assert round(p_reach(0.85, 20, 17), 3) == 0.648
    assert round(p_reach(0.80, 20, 17), 3) == 0.411
    assert round(p_reach(0.70, 50, 35), 3) == 0.569
    assert round(p_reach(0.95, 20, 17), 3) == 0.984


def test_exam_json_tampering_is_refused(tmp_path):
    code, _, _ = run("exam", "new", "--track", "ds", "--size", "4", "--pass", "3", "--seed", "5",
                     "--dir", str(tmp_path / "e"))
    assert code == 0 and len(list((tmp_path / "e").glob("*.ipynb"))) == 4
    doc = json.loads((tmp_path / "e" / "exam.json").read_text())
    assert doc["seed"] == 5 and doc["size"] == 4 and doc["threshold"] == 3
    doc["problems"] = [*doc["problems"][:3], "ds-stat-summary"]
    (tmp_path / "e" / "exam.json").write_text(json.dumps(doc))
    code, _, err = run("exam", "status", str(tmp_path / "e"))
    assert code == 2 and "differs from the exam recorded" in err


def test_study_log_and_readiness_json():
    for kind, minutes in [("problems", 56), ("reading", 24), ("oral", 12), ("group", 8)]:
        assert run("log", "add", kind, str(minutes))[0] == 0
    assert run("log", "add", "naps", "5")[0] == 2
    code, out, _ = run("readiness", "--json")
    rep = json.loads(out)
    shares = rep["study"]["shares"]
    assert code == 0 and shares["individual"] == pytest.approx(0.8) and shares["problems"] == pytest.approx(0.7)
    assert shares["oral"] == pytest.approx(0.6)
    assert set(rep["tracks"]) == {"ds", "mle"} and rep["bar"] == {"exam_size": 20, "exam_pass": 17, "quiz_size": 50,
                                                                    "quiz_pass": 35}


@pytest.mark.slow
def test_first_graded_attempt_counts_and_later_ones_are_practice(tmp_path):
    d = tmp_path / "e"
    assert run("exam", "new", "--track", "mle", "--size", "2", "--pass", "1", "--seed", "3", "--dir", str(d))[0] == 0
    problems = json.loads((d / "exam.json").read_text())["problems"]
    code, out, _ = run("exam", "submit", str(d), "--sandbox", "bwrap", "--json")
    first = json.loads(out)
    assert code == 1 and first["graded"] == 0 and len(first["skipped"]) == 2  # untouched starters are not locked
    bank = load_bank()
    from grader.notebook import code_notebook

    (d / f"{problems[0]}.ipynb").write_bytes(code_notebook([bank[problems[0]].solution_path.read_text()]))
    code, out, _ = run("exam", "submit", str(d), "--sandbox", "bwrap", "--json")
    again = json.loads(out)
    assert code == 0 and again["solved"] == 1 and again["graded"] == 1
    assert [s["exam_attempt"] for s in again["submitted"]] == [True]
    (d / f"{problems[0]}.ipynb").write_bytes(code_notebook(["x = 1"]))
    code, out, _ = run("exam", "submit", str(d), problems[0], "--sandbox", "bwrap", "--json")
    third = json.loads(out)
    assert third["solved"] == 1 and third["submitted"][0]["exam_attempt"] is False  # the first attempt still counts
    assert "already has a graded attempt" in third["submitted"][0]["why"]
    code, out, _ = run("history", "--json")
    kinds = Counter(a["kind"] for a in json.loads(out))
    assert kinds == {"exam": 1, "practice": 1}


@pytest.mark.slow
@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (apt-get install chromium)")
def test_readiness_page_renders_and_matches_the_json(tmp_path):
    run("exam", "new", "--track", "ds", "--dir", str(tmp_path / "e"))
    run("log", "add", "problems", "30")
    page = tmp_path / "report.html"
    code, out, _ = run("readiness", "--json", "--html", str(page))
    rep = json.loads(out)
    dom, console = render(page)
    assert code == 0 and console == [], console
    latest = rep["tracks"]["ds"]["latest_exam"]
    assert f'<b class="latest-exam">{latest["solved"]}/{latest["size"]}</b>' in dom
    assert 'id="exam-plot"' in dom and 'id="study-plot"' in dom and 'id="topics-mle"' in dom
    assert "30 minutes logged" in dom
    shot = tmp_path / "report.png"
    render(page, screenshot=shot)
    assert shot.stat().st_size > 10_000
