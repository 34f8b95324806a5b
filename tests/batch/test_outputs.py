"""The batch's outputs: names kept exactly, paths safe and apart, escaping, a report that fits what was
graded (assignment or exam), failed checks, a histogram, learner-facing feedback."""
from __future__ import annotations

import csv
import json
import re
import unicodedata
from pathlib import Path
from urllib.parse import unquote

import pytest

from grader import gradebook
from grader.class_report import check_failures, histogram, view
from grader.problems import load_bank
from grader.report import cell_label, learner_text
from tests.batch.rows import row
from tests.browser import CHROMIUM, render
from tests.classes import UNICODE_STUDENTS

P1, P2 = "mle-act-softmax", "ds-sql-dense-rank"


def read_csv(path: Path) -> list[dict[str, str]]:
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def test_names_are_kept_exactly_and_their_folders_never_merge(tmp_path):
    names = sorted(set(UNICODE_STUDENTS.values()))
    rows = [row(n, P1, "passed") for n in names]
    gradebook.write_all(rows, tmp_path)
    book = read_csv(tmp_path / "gradebook.csv")
    assert [r["student"] for r in book] == [("'" + n if n.startswith(("=", "-")) else n) for n in names]
    report = (tmp_path / "report.html").read_text()
    for n in names:
        assert n.replace("'", "&#39;") in report
    folders = gradebook.student_folders(names)
    assert len({f.casefold() for f in folders.values()}) == len(names)  # apart on macOS and Windows too
    assert all(re.fullmatch(r"[\w.@+~-]+", f) and not f.startswith((".", "-")) for f in folders.values())
    assert folders["carol smith"] != folders["carol_smith"] and folders["李雷"] == "李雷"
    assert {p.name for p in (tmp_path / "feedback").iterdir()} == set(folders.values())
    for n in names:
        page = tmp_path / "feedback" / folders[n] / f"{P1}.html"
        assert page.is_file() and (n.replace("'", "&#39;") in page.read_text())
        assert json.loads((tmp_path / "gradescope" / folders[n] / P1 / "results.json").read_text())["score"] == 3.0


def test_safe_names_cannot_collide_with_another_names_plain_form():
    assert gradebook.safe_name("alice") == "alice"
    tricky = ["a b", "a_b", "a/b", "a\\b", "a~b", "a_b~" + gradebook.safe_name("a b").split("~")[1], "..", ".",
              "CON", "con.txt", "x" * 300, unicodedata.normalize("NFD", "é"), "é"]
    forms = [gradebook.safe_name(t) for t in tricky]
    assert len(set(forms)) == len(tricky)
    assert all(len(f.encode()) < 255 and "/" not in f and f not in (".", "..") for f in forms)


def test_outputs_escape_everything_that_came_from_a_notebook(tmp_path):
    rows = [row("<b>alice</b>", P1, "failed", passed=2, message="<script>alert(1)</script>"),
            row("bob", P1, "error", error={"cell": 2, "ename": "<img src=x onerror=alert(1)>",
                                           "evalue": "\"><script>x()</script>", "code_cell": 1,
                                           "first_line": "<svg onload=alert(2)>"})]
    gradebook.write_all(rows, tmp_path, run={"counts": {"new": 2, "changed": 0, "unchanged": 0, "missing": 0},
                                             "skipped": [{"path": "<i>x</i>.ipynb", "reason": "r", "ignored": False}]})
    for page in [tmp_path / "report.html", *tmp_path.glob("feedback/*/*.html")]:
        text = page.read_text()
        assert "<script>alert" not in text and "<img" not in text and "<script>x()" not in text
        assert "<svg onload" not in text and "<i>x" not in text and "<b>alice" not in text
        assert text.count("<script>") == 1 and "Content-Security-Policy" in text


def test_an_assignment_has_scores_and_pass_rates_and_no_readiness(tmp_path):
    rows = [row("ann", P1, "passed"), row("ann", P2, "failed", passed=1),
            row("ben", P1, "failed", passed=2), row("cy", P2, "timeout", total=3)]
    v = gradebook.write_all(rows, tmp_path, threshold=17, size=20)
    assert not v.exam and v.problems == sorted([P1, P2])
    scores = {s["student"]: s["score"] for s in v.students}
    assert scores == pytest.approx({"ann": (1 + 1 / 3) / 2, "ben": (2 / 3) / 2, "cy": 0.0}, abs=1e-4)
    students = {r["student"]: r for r in read_csv(tmp_path / "students.csv")}
    assert students["ann"]["ready"] == "n/a" and students["ann"]["score"] == "66.7"
    assert students["ben"]["problems"] == "2"
    report = (tmp_path / "report.html").read_text()
    assert "<th>ready</th>" not in report and "Ready means" not in report and "An assignment" in report
    assert 'id="histogram"' in report and 'id="checks"' in report and "not handed in" in report


def test_a_standard_exam_reports_readiness():
    rows = [row("a", f"p{i}", "passed") for i in range(20)] + [row("b", f"p{i}", "passed") for i in range(16)]
    rows += [row("b", f"q{i}", "failed") for i in range(4)]
    v = view(rows)
    assert v.exam and {s["student"]: s["ready"] for s in v.students} == {"a": True, "b": False}
    assert view(rows[:-1]).exam is False  # b has 19 notebooks: not an exam of 20, no readiness
    assert view(rows[:20], pass_mark=3, size=20).students[0]["ready"] is True


def test_checks_most_students_failed_come_first_with_learner_descriptions():
    rows = [row(f"s{i}", P1, "failed", passed=1, names=("test_shape", "test_sum", "test_ok"),
                failing=("test_shape", "test_sum") if i < 3 else ("test_sum",)) for i in range(5)]
    rows.append(row("z", P1, "error", error={"cell": 0, "ename": "E", "evalue": "v"}))  # never reached the checks
    top = check_failures(view(rows))
    assert [(c["check"], c["failed"], c["ran"]) for c in top] == [("test_sum", 5, 5), ("test_shape", 3, 5)]
    assert top[0]["description"] == "What test_sum looks at."


def test_the_histogram_counts_every_student_once():
    rows = [row(f"s{i}", P1, "failed", passed=i % 4, total=3) for i in range(10)]
    bars = histogram(view(rows))["bars"]
    assert sum(b["n"] for b in bars) == 10 and bars[0]["n"] == 3 and bars[9]["n"] == 2


def test_missing_notebooks_stay_listed_but_no_longer_count(tmp_path):
    rows = [row("ann", P1, "passed"), row("ann", P2, "failed", missing=True)]
    v = gradebook.write_all(rows, tmp_path)
    assert [r["problem"] for r in v.current] == [P1] and v.students[0]["score"] == 1.0
    book = {r["problem"]: r["missing"] for r in read_csv(tmp_path / "gradebook.csv")}
    assert book == {P1: "no", P2: "yes"}
    assert 'id="missing"' in (tmp_path / "report.html").read_text()
    page = (tmp_path / "feedback" / "ann" / f"{P2}.html").read_text()
    assert "no longer in the class folder" in page


def test_feedback_speaks_to_the_learner(tmp_path):
    err = {"cell": 4, "ename": "ValueError", "evalue": "bad", "code_cell": 2, "first_line": "df = load('x.csv')"}
    gradebook.write_all([row("ann", P1, "error", error=err), row("ann", P2, "failed", passed=2)], tmp_path)
    page = (tmp_path / "feedback" / "ann" / f"{P1}.html").read_text()
    assert "In code cell 2 (`df = load(&#39;x.csv&#39;)`): ValueError" in page and "cell 4" not in page
    assert "stopped with an error" in page
    failed = (tmp_path / "feedback" / "ann" / f"{P2}.html").read_text()
    assert "rule G" not in failed and "What test_a looks at." in failed
    results = json.loads((tmp_path / "gradescope" / "ann" / P1 / "results.json").read_text())
    assert results["output"] == "error: code cell 2 (`df = load('x.csv')`): ValueError: bad"
    assert cell_label({"cell": 3, "ename": "E", "evalue": ""}) == ""  # a row from before: no misleading number


def test_internal_rule_labels_never_reach_the_learner():
    assert learner_text("The input is left unchanged (rule G1).") == "The input is left unchanged."
    assert learner_text("X and y unchanged (G1); the penalty (L2) is applied") == \
        "X and y unchanged; the penalty (L2) is applied"
    labelled = 0
    for problem in load_bank().values():  # the bank's checks keep their labels for authors; learners never see them
        for line in problem.tests_path.read_text(encoding="utf-8").splitlines():
            if re.search(r"\(rules? G\d|\(G\d+\)", line):
                labelled += 1
                assert not re.search(r"\(rules? G\d|\(G\d+\)", learner_text(line)), f"{problem.id}: {line}"
    assert labelled > 0


def test_outputs_are_rebuilt_so_nothing_stale_stays(tmp_path):
    gradebook.write_all([row("ann", P1, "passed"), row("old", P1, "passed")], tmp_path)
    gradebook.write_all([row("ann", P1, "passed")], tmp_path)
    assert {p.name for p in (tmp_path / "feedback").iterdir()} == {"ann"}
    assert not list(tmp_path.glob(".feedback*")) and not list(tmp_path.glob(".gradescope*"))


@pytest.mark.slow
@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (apt-get install chromium)")
def test_the_reports_sections_in_a_browser(tmp_path):
    rows = [row("José Ñúñez", P1, "passed"), row("José Ñúñez", P2, "failed", passed=1),
            row("carol smith", P1, "failed", passed=2, message="<script>alert(1)</script>"),
            row("carol smith", P2, "error", error={"cell": 3, "ename": "KeyError", "evalue": "'x'", "code_cell": 2,
                                                   "first_line": "df['x']"}),
            row("zed", P1, "passed", missing=True)]
    run = {"counts": {"new": 3, "changed": 1, "unchanged": 0, "missing": 1}, "not_graded": 0, "warmup_s": 1.4,
           "workers": 2, "finished_at": 1.8e9,
           "skipped": [{"path": "bob/notes.txt", "reason": "not a notebook", "ignored": False},
                       {"path": ".DS_Store", "reason": "a system file", "ignored": True}]}
    gradebook.write_all(rows, tmp_path, run=run)
    dom, console = render(tmp_path / "report.html")
    assert console == [], console
    for section in ('id="summary"', 'id="not-graded"', 'id="histogram"', 'id="students"', 'id="problems"',
                    'id="checks"', 'id="timings"', 'id="missing"'):
        assert section in dom, section
    assert "bob/notes.txt" in dom and "1 file not graded, and 1 system file ignored" in dom
    assert "3 new, 1 changed, 0 unchanged, 1 missing" in dom and "took 1.4 s on average over 2 workers" in dom
    assert "<th>ready</th>" not in dom and "alert(1)" not in dom and "<rect" in dom
    folders = gradebook.student_folders(["José Ñúñez", "carol smith", "zed"])
    href = gradebook.feedback_href(folders, "carol smith", P2)
    assert f'href="{href}"' in dom and (tmp_path / unquote(href)).is_file()
    page, console = render(tmp_path / unquote(href))
    assert console == [] and "In code cell 2 (`df['x']`): KeyError" in page
    # the students table sorts in the browser by score, highest first
    dom, _ = render(tmp_path / "report.html", fragment="#sort=students:1:desc")
    body = dom[dom.index('id="students"'):]
    assert body.index("José Ñúñez") < body.index("carol smith")
