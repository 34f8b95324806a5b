"""`grader similarity` and the section in `grader batch`'s report, through the real command line."""
from __future__ import annotations

import json

import pytest

from grader import batch
from grader.cli import main
from tests.classes import write_zip


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_similarity_json_and_files(capsys, tmp_path, class_dir):
    out = tmp_path / "out"
    code, stdout, stderr = run(capsys, "similarity", str(class_dir), "--out", str(out), "--json")
    assert code == 0, stderr
    doc = json.loads(stdout)  # stdout holds the JSON document and nothing else
    assert doc["pairs"] == 6 and doc["clusters"] == 1 and doc["threshold"] == 0.65
    assert "6 pairs at or above 65%" in stderr and "not a verdict" in stderr
    assert (out / "similarity.csv").is_file() and (out / "similarity.html").is_file()
    assert sorted(p.name for p in (out / "similarity").iterdir()) == [
        "lab-outliers.html", "mle-act-softmax.html", "mle-sim-rows.html"]


def test_similarity_reads_a_zip_and_takes_a_threshold(capsys, tmp_path, class_dir):
    entries = {str(p.relative_to(class_dir.parent)): p.read_bytes() for p in class_dir.rglob("*.ipynb")}
    archive = write_zip(tmp_path / "class.zip", entries)
    code, stdout, _ = run(capsys, "similarity", str(archive), "--out", str(tmp_path / "o"), "--json",
                          "--threshold", "0.95")
    assert code == 0
    doc = json.loads(stdout)
    assert doc["pairs"] == 5  # carol and erin (77%) are below 95%


@pytest.mark.parametrize("argv, message", [
    (["--threshold", "0"], "--threshold must be above 0"),
    (["--threshold", "abc"], "is not a valid float"),
])
def test_bad_usage_is_one_line_and_exit_2(capsys, tmp_path, class_dir, argv, message):
    code, stdout, stderr = run(capsys, "similarity", str(class_dir), "--out", str(tmp_path / "o"), *argv)
    assert code == 2 and message in stderr and stdout == "" and "Traceback" not in stderr
    assert len(stderr.strip().splitlines()) == 1


def test_missing_or_empty_class_is_bad_input(capsys, tmp_path):
    code, _, stderr = run(capsys, "similarity", str(tmp_path / "nope"), "--out", str(tmp_path / "o"))
    assert code == 2 and "no such file or folder" in stderr
    (tmp_path / "empty").mkdir()
    code, _, stderr = run(capsys, "similarity", str(tmp_path / "empty"), "--out", str(tmp_path / "o"))
    assert code == 2 and "no submissions found" in stderr


def _batch_without_grading(monkeypatch):
    """batch's report is written as usual; only the grading itself is left out (it has its own tests)."""
    monkeypatch.setattr(batch, "run", lambda subs, *args, **kwargs: batch.BatchOutcome())


def test_batch_report_has_the_similarity_section_by_default(capsys, tmp_path, class_dir, monkeypatch):
    _batch_without_grading(monkeypatch)
    out = tmp_path / "out"
    code, stdout, stderr = run(capsys, "batch", str(class_dir), "--out", str(out), "--sandbox", "process",
                               "--allow-unisolated", "--student", "alice")
    assert code == 2, stderr  # the off-bank lab-outliers notebooks are listed as not graded (exit 2)
    assert "similarity: 6 pairs at or above 65%" in stdout
    report = (out / "report.html").read_text()
    section = report[report.index('<section id="similarity">'):]
    # the whole class is compared, not only the students being graded now
    assert "frank" in section and "similarity/mle-sim-rows.html#pair-1" in section and "not a verdict" in section
    assert (out / "similarity.html").is_file() and (out / "similarity.csv").is_file()
    assert report.count("<script>") == 1  # the section adds no script to the report


def test_batch_no_similarity_leaves_it_out(capsys, tmp_path, class_dir, monkeypatch):
    _batch_without_grading(monkeypatch)
    out = tmp_path / "out"
    code, stdout, stderr = run(capsys, "batch", str(class_dir), "--out", str(out), "--sandbox", "process",
                               "--allow-unisolated", "--no-similarity")
    assert code == 2, stderr  # the off-bank lab-outliers notebooks are listed as not graded (exit 2)
    assert 'id="similarity"' not in (out / "report.html").read_text()
    assert not (out / "similarity.html").exists() and "comparing the class" not in stdout + stderr


def test_batch_survives_a_failing_similarity_report(capsys, tmp_path, class_dir, monkeypatch):
    import grader.similarity

    _batch_without_grading(monkeypatch)

    def broken(*args, **kwargs):
        raise RuntimeError("<b>boom</b>")

    monkeypatch.setattr(grader.similarity, "compare_submissions", broken)
    out = tmp_path / "out"
    code, stdout, _ = run(capsys, "batch", str(class_dir), "--out", str(out), "--sandbox", "process",
                          "--allow-unisolated")
    assert code == 2 and "warning: the similarity report could not be made" in stdout
    report = (out / "report.html").read_text()
    assert "could not be made: RuntimeError: &lt;b&gt;boom&lt;/b&gt;" in report
