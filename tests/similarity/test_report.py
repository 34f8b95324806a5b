"""The report's files: CSV columns, escaped pages without scripts, JSON, and batch's section."""
from __future__ import annotations

import csv
import html
import re

import numpy as np
import pytest

from grader.html import SORT_SCRIPT, csp
from grader.similarity import ClassResult, batch_section, to_json, write_outputs
from grader.similarity.compare import compare, document
from grader.similarity.report import CSV_COLUMNS
from grader.similarity.run import ProblemResult
from grader.similarity.tokens import tokenize
from tests.browser import CHROMIUM, render
from tests.similarity.classroom import ALICE, BOB, CAROL, DAVE

EVIL_NAME = '<img src=x onerror=alert(1)>'
EVIL_PROBLEM = '"><script>alert(2)</script>'
EVIL_CODE = ALICE.replace('"k must be an integer"', '"</pre><script>alert(3)</script>"')


def hostile_result() -> ClassResult:
    """Two students whose names, problem id and code carry markup (as a file system allows)."""
    docs = [document(EVIL_NAME, tokenize(EVIL_CODE)), document("=HYPERLINK(\"x\")", tokenize(BOB)),
            document("carol", tokenize(CAROL)), document("dave", tokenize(DAVE))]
    comparison = compare(docs, boilerplate=np.zeros(0, dtype=np.uint64))
    return ClassResult((ProblemResult(EVIL_PROBLEM, None, comparison, (f"{EVIL_NAME}: the file is empty",)),),
                       (f"{EVIL_NAME}.txt: not a .ipynb file, skipped",), 0.65)


def test_csv_has_the_documented_columns_and_safe_cells(tmp_path, result):
    write_outputs(result, tmp_path)
    with open(tmp_path / "similarity.csv", newline="") as f:
        rows = list(csv.reader(f))
    assert tuple(rows[0]) == CSV_COLUMNS == ("problem", "student_a", "student_b", "score", "similarity_a",
                                             "similarity_b", "shared_tokens_a", "shared_tokens_b", "fragments",
                                             "cluster")
    body = [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]
    assert len(body) == result.flagged == 6
    scores = [float(r["score"]) for r in body]
    assert scores == sorted(scores, reverse=True) and all(0.65 <= s <= 1 for s in scores)
    clustered = {frozenset((r["student_a"], r["student_b"])) for r in body if r["cluster"]}
    assert clustered == {frozenset(p) for p in [("frank", "hank"), ("frank", "ivan"), ("hank", "ivan")]}
    write_outputs(hostile_result(), tmp_path / "evil")
    text = (tmp_path / "evil" / "similarity.csv").read_text()
    assert "'=HYPERLINK" in text and "\n=HYPERLINK" not in text and ",=HYPERLINK" not in text


def test_pages_escape_names_problem_ids_and_code_and_run_only_the_shells_script(tmp_path):
    written = write_outputs(hostile_result(), tmp_path)
    pages = [p for p in written if p.suffix == ".html"]
    assert len(pages) == 2 and all(p.resolve().is_relative_to(tmp_path.resolve()) for p in written)
    for page in pages:
        text = page.read_text()
        assert text.count("<script") == 1 and f"<script>{SORT_SCRIPT}</script>" in text
        assert "<img" not in text and "onerror=alert(1)>" not in text
        policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', text)
        assert policy and html.unescape(policy.group(1)) == csp()
        assert "evidence to look at, not a verdict" in text
    problem_page = next(p for p in pages if p.parent.name == "similarity").read_text()
    assert "&lt;img src=x onerror=alert(1)&gt;" in problem_page
    assert "&lt;/pre&gt;&lt;script&gt;alert(3)&lt;/script&gt;" in problem_page
    assert re.search(r'<mark class="f\d" title="shared fragment \d+">', problem_page)


def test_json_report(result):
    doc = to_json(result)
    assert doc["threshold"] == 0.65 and doc["pairs"] == 6 and doc["clusters"] == 1
    rows = next(p for p in doc["problems"] if p["problem"] == "mle-sim-rows")
    assert rows["in_bank"] and rows["compared"] == 9
    assert {"a", "b", "score", "fragments", "cluster"} <= set(rows["pairs"][0])
    assert set(rows["pairs"][0]["a"]) == {"student", "similarity", "shared_tokens", "own_tokens"}
    assert rows["clusters"] == [{"id": "C1", "students": ["frank", "hank", "ivan"], "pairs": 3, "max_score": 1.0}]


def test_batch_section_links_the_report_and_escapes(tmp_path):
    html = str(batch_section(hostile_result()))
    assert html.startswith('<section id="similarity">') and "similarity.html" in html
    assert "<img" not in html and "<script" not in html and "&lt;img src=x" in html  # it adds no script
    assert "not a verdict" in html


@pytest.mark.slow
@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (apt-get install chromium)")
def test_pages_in_a_browser_show_escaped_names_and_highlighted_fragments(tmp_path, result):
    write_outputs(hostile_result(), tmp_path / "evil")
    page = next((tmp_path / "evil" / "similarity").glob("*.html"))
    dom, console = render(page)
    assert console == [], console
    assert "&lt;img src=x onerror=alert(1)&gt;" in dom and "<img" not in dom
    assert "alert(3)" in dom and "<script>alert(3)" not in dom
    assert dom.count("<mark ") >= 2 and 'id="pair-1"' in dom
    write_outputs(result, tmp_path / "class")
    dom, console = render(tmp_path / "class" / "similarity" / "mle-sim-rows.html")
    assert console == [] and "not a verdict" in dom
    pair = dom[dom.index('id="pair-1"'):dom.index('id="pair-2"')]
    marks = re.findall(r'<mark class="(f\d)" title="shared fragment (\d+)">', pair)
    assert marks and {m[1] for m in marks} == {"1"}  # alice and bob: one fragment, numbered alike on both sides
    index, console = render(tmp_path / "class" / "similarity.html")
    assert console == [] and "frank, hank, ivan" in index and "mle-sim-rows.html#pair-1" in index
