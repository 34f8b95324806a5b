"""The readiness page without a browser: what it shows matches the report, the plots' geometry, escaping."""
from __future__ import annotations

import html.parser
import re

import pytest

from grader import readiness
from grader.checks import CheckOutcome
from grader.grading import GradeResult
from grader.html import SORT_SCRIPT
from grader.problems import load_bank
from grader.readiness_page import HEIGHT, WIDTH, bar_plot, exam_plot, render
from grader.store import Store
from grader.vocab import RULES_VERSION, AttemptKind, QuizMode, SeedSource


class _Page(html.parser.HTMLParser):
    """Elements by tag, the text of the page and the content of its scripts."""

    def __init__(self, page: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self.text: list[str] = []
        self._script = False
        self.feed(page)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self._script = False

    def handle_data(self, data: str) -> None:
        (self.scripts if self._script else self.text).append(data)

    def find(self, tag: str, **attrs: str) -> list[dict[str, str | None]]:
        return [a for t, a in self.tags if t == tag and all(a.get(k) == v for k, v in attrs.items())]


def _result(problem: str, status: str) -> GradeResult:
    passed = 1 if status == "passed" else 0
    return GradeResult(problem=problem, notebook=f"{problem}.ipynb", status=status, checks_passed=passed,
                       checks_total=1, checks=(CheckOutcome("test_a", "A.", status, ""),), sandbox="bwrap")


GUESS = {"tracks": {"ds": {"track": "ds", "draws": 20, "size": 50, "pass": 35, "blind_score": 3.96,
                             "longest_option_score": 4.22, "longest_keys": 0.2,
                             "pass_if_known": [{"known": 30, "blind": 0.0158, "longest_option": 0.0327}]}},
         "error": None}


@pytest.fixture
def report(tmp_path):
    """A learner with two counted ds exams (15/20 then 18/20 solved), a practice exam, a counted passed quiz,
    its regrade, and some study time."""
    bank = load_bank()
    store = Store(tmp_path / "g.db")
    ds = sorted(pid for pid, p in bank.items() if p.track == "ds")[:20]
    for n, solved in enumerate((15, 18)):
        exam_id = f"e{n}"
        store.exam_create(exam_id, "ds", seed=n, size=20, threshold=17, problems=ds, rules=RULES_VERSION,
                          seed_source=SeedSource.TOOL, seen=[], created=1000.0 * (n + 1))
        for i, pid in enumerate(ds):
            store.record(_result(pid, "passed" if i < solved else "failed"), started_at=1000.0 * (n + 1) + 60,
                         kind=AttemptKind.EXAM, exam_id=exam_id)
    store.exam_create("p0", "ds", seed=5, size=3, threshold=1, problems=ds[:3], rules=RULES_VERSION,
                      seed_source=SeedSource.LEARNER, created=3000.0)
    store.quiz_create("qz", "mle", 1, SeedSource.TOOL, 50, 35, {}, QuizMode.FILE, RULES_VERSION)
    for _ in range(2):
        store.quiz_record("mle", seed=1, size=50, threshold=35, correct=40, passed=True, items=[], mode=QuizMode.FILE,
                          quiz_id="qz")
    store.log_study("problems", 56)
    store.log_study("oral", 24)
    return readiness.report(store, bank, GUESS)


def test_the_page_shows_what_the_report_says(report):
    page = _Page(render(report))
    text = re.sub(r"\s+", " ", "".join(page.text))
    latest = report["tracks"]["ds"]["latest_exam"]
    assert (latest["solved"], latest["size"]) == (0, 3)  # the practice exam is the latest
    assert "Latest counted exam (it decides): 18/20 (pass mark 17)." in text
    assert "Latest exam: 0/3 (pass mark 1; practice: drawn with --seed" in text
    assert report["tracks"]["ds"]["coding_ready"] and not report["tracks"]["ds"]["ready"]  # no ds quiz
    assert "Latest quiz: 40/50 (pass mark 35; practice: a regrade of quiz qz" in text and "No quiz taken yet." in text
    assert "No counted exams yet." in text  # the mle track
    rows = re.findall(r"<tr><td>(e0|e1|p0)</td>.*?</tr>", render(report))
    assert rows == ["e0", "e1", "p0"]
    assert text.count("counted") >= 3 and "knows 30" in text and "4.22" not in text and "4.2 of 50" in text
    assert "80 minutes logged." in text
    assert page.find("section", id="track-ds") and page.find("section", id="track-mle")
    assert page.find("svg", id="topics-ds") and page.find("svg", id="topics-mle") and page.find("svg", id="study-plot")


def test_the_exam_plot_draws_each_counted_exam_against_the_pass_bar(report):
    page = _Page(render(report))
    (polyline,) = page.find("polyline")
    points = [tuple(map(float, p.split(","))) for p in (polyline["points"] or "").split()]
    scale = HEIGHT - 40
    assert [round(y, 1) for _, y in points] == [round(HEIGHT - 20 - s / 20 * scale, 1) for s in (15, 18)]
    assert len(page.find("circle")) == 2  # the practice exam is in the table, not on the plot
    dashed = [a for a in page.find("line") if a.get("stroke-dasharray")]
    assert float(dashed[0]["y1"] or 0) == pytest.approx(HEIGHT - 20 - 17 / 20 * scale, abs=0.05)


def test_the_study_bars_are_the_shares_against_their_targets(report):
    svg = re.search(r'<svg[^>]*id="study-plot".*?</svg>', render(report), flags=re.S)
    assert svg is not None
    plot = _Page(svg.group())
    shares, targets = report["study"]["shares"], report["study"]["targets"]
    assert shares["individual"] == pytest.approx(0.7) and shares["oral"] == pytest.approx(1.0)
    widths = [float(a["width"] or 0) for a in plot.find("rect")]
    assert widths[:2] == pytest.approx([0.7 * 260, 0.3 * 260], abs=0.05)
    marks = [float(a["x1"] or 0) for a in plot.find("line")]
    assert marks[0] == pytest.approx(170 + targets["individual"] * 260, abs=0.05) and len(marks) == 6
    assert "n/a" not in "".join(plot.text) and "70%" in plot.text


def test_plot_geometry():
    assert exam_plot([], 20, 17) is None
    one = exam_plot([{"solved": 20, "size": 20}], 20, 17)
    assert one is not None and one["dots"][0]["x"] == pytest.approx(40 + (WIDTH - 60) / 2)
    assert one["dots"][0]["y"] == pytest.approx(20)
    assert one["bar_y"] == pytest.approx(HEIGHT - 20 - 17 / 20 * (HEIGHT - 40))
    two = exam_plot([{"solved": 0, "size": 20}, {"solved": 10, "size": 20}], 20, 17)
    assert two is not None and [d["x"] for d in two["dots"]] == [40, WIDTH - 20]
    assert two["dots"][0]["y"] == HEIGHT - 20 and two["polyline"].count(",") == 2
    bars = bar_plot([("a", None, None), ("b", 1.0, 0.5)], "p")
    assert bars["h"] == 2 * 22 + 10 and bars["bars"][0]["width"] == 0 and bars["bars"][0]["target_x"] is None


def test_text_from_the_bank_is_escaped_and_only_the_sort_script_runs(report):
    hostile = '<img src=x onerror=alert(1)>'
    report["tracks"]["ds"]["topics"][0]["topic"] = hostile
    report["tracks"]["ds"]["weakest"] = [{"topic": hostile, "solve_rate": None, "next": ["<script>x()</script>"]}]
    page_text = render(report)
    page = _Page(page_text)
    assert not page.find("img") and page.scripts == [SORT_SCRIPT]
    assert "&lt;img src=x onerror=alert(1)&gt;" in page_text and "&lt;script&gt;x()&lt;/script&gt;" in page_text
    (meta,) = page.find("meta", **{"http-equiv": "Content-Security-Policy"})
    assert "default-src 'none'" in (meta["content"] or "") and "script-src 'sha256-" in (meta["content"] or "")
