"""The class in classroom.py: copies are found, honest work is not flagged, given code never counts."""
from __future__ import annotations

import json

import pytest

from grader.errors import UsageError
from grader.notebook import code_notebook
from grader.similarity import compare_class
from grader.similarity.compare import MIN_SHARED_TOKENS
from tests.similarity.classroom import ALICE, EXAMPLE, HELPER, OFF_BANK, PROBLEM, STATEMENT, rows_notebook


def pairs_of(result, problem):
    found = next(p for p in result.problems if p.problem == problem)
    return {frozenset((x.a.student, x.b.student)): x for x in found.comparison.pairs}, found


def marked(side) -> str:
    return "".join(text for text, label in side.segments if label)


def test_renamed_and_reordered_copy_is_found(result):
    pairs, _ = pairs_of(result, PROBLEM)
    pair = pairs[frozenset(("alice", "bob"))]
    assert pair.score >= 0.9 and pair.shown
    bob = pair.a if pair.a.student == "bob" else pair.b
    assert "validate(how_many, data.shape[1])" in marked(bob)  # renamed and moved, still shown as shared


def test_copy_with_one_function_changed_is_found_and_the_change_is_not_marked(result):
    pairs, _ = pairs_of(result, PROBLEM)
    pair = pairs[frozenset(("carol", "erin"))]
    assert 0.65 <= pair.score < 0.95
    erin = pair.a if pair.a.student == "erin" else pair.b
    carol = pair.b if erin is pair.a else pair.a
    assert "mu, sigma = _row_moments(arr[i])" in marked(erin) and "mu, sigma = _row_moments(arr[i])" in marked(carol)
    assert "heapq" not in marked(erin) and "ranked = sorted" not in marked(carol)
    # the same fragment carries the same number on both sides
    assert {label for _, label in erin.segments if label} == {label for _, label in carol.segments if label}


def test_three_copies_are_one_cluster(result):
    _, problem = pairs_of(result, PROBLEM)
    assert [c.students for c in problem.comparison.clusters] == [("frank", "hank", "ivan")]
    assert problem.comparison.clusters[0].pairs == 3


def test_independent_solutions_are_not_flagged(result):
    pairs, _ = pairs_of(result, PROBLEM)
    flagged = set().union(*pairs)
    assert not {"dave", "gina"} & flagged
    assert set(pairs) == {frozenset(p) for p in [("alice", "bob"), ("carol", "erin"), ("frank", "hank"),
                                                 ("frank", "ivan"), ("hank", "ivan")]}


def test_short_function_honest_solutions_and_the_hinted_code_apart_and_a_renamed_copy_found(result):
    pairs, problem = pairs_of(result, "mle-act-softmax")
    assert problem.comparison.compared == 4
    assert set(pairs) == {frozenset(("kim", "mo"))}
    assert pairs[frozenset(("kim", "mo"))].score >= 0.9


def test_the_starters_helper_that_everyone_kept_is_never_shared_code(result):
    _, problem = pairs_of(result, PROBLEM)
    for pair in problem.comparison.pairs:
        for side in (pair.a, pair.b):
            text = marked(side)
            assert "expected a 1-D or 2-D array" not in text and "def _as_2d" not in text
            assert "print(top_k_mask(x, 2))" not in text  # the example cell


def test_students_who_kept_only_the_starter_and_the_statements_example_are_not_flagged(tmp_path, bank):
    example = "\n".join(line[4:].removeprefix(">>> ") for line in STATEMENT.splitlines() if line.startswith("    >>>"))
    own = ["return np.zeros_like(_as_2d(x))", "return _as_2d(x) * 0.0", "a = _as_2d(x)\n    return a - a",
           "raise NotImplementedError('later')"]
    for i, body in enumerate(own):
        (tmp_path / "c" / f"s{i}").mkdir(parents=True)
        code = (HELPER + f"\n\ndef zscore_rows(x):\n    {body}\n\n\n"
                "def top_k_mask(x, k):\n    raise NotImplementedError\n")
        (tmp_path / "c" / f"s{i}" / f"{PROBLEM}.ipynb").write_bytes(code_notebook([code, EXAMPLE, example], PROBLEM))
    result = compare_class(tmp_path / "c", threshold=0.01)
    assert result.problems[0].comparison.pairs == ()


def test_code_most_of_the_class_wrote_alike_does_not_count_off_the_bank(result):
    pairs, problem = pairs_of(result, OFF_BANK)
    assert problem.title is None and problem.comparison.compared == 12
    assert pairs == {} and problem.comparison.common_kgrams > 0


def test_a_copy_hidden_behind_a_syntax_error_is_still_found(tmp_path, bank):
    (tmp_path / "c" / "alice").mkdir(parents=True)
    (tmp_path / "c" / "zed").mkdir(parents=True)
    (tmp_path / "c" / "alice" / f"{PROBLEM}.ipynb").write_bytes(rows_notebook(ALICE))
    broken = ALICE.replace("def zscore_rows(x):", "def zscore_rows(x:") + "\n%timeit top_k_mask(x, 2)\n"
    (tmp_path / "c" / "zed" / f"{PROBLEM}.ipynb").write_bytes(rows_notebook(broken))
    result = compare_class(tmp_path / "c")
    assert [(p.a.student, p.b.student) for p in result.problems[0].comparison.pairs] == [("alice", "zed")]


def test_bad_files_are_listed_and_never_stop_the_run(tmp_path, bank):
    root = tmp_path / "c"
    for name in ("alice", "carol", "junk", "empty", "huge", "nested", "lisp"):
        (root / name).mkdir(parents=True)
    (root / "alice" / f"{PROBLEM}.ipynb").write_bytes(rows_notebook(ALICE))
    (root / "carol" / f"{PROBLEM}.ipynb").write_bytes(rows_notebook(ALICE.replace("arr", "a")))
    (root / "junk" / f"{PROBLEM}.ipynb").write_bytes(b"{not json")
    (root / "empty" / f"{PROBLEM}.ipynb").write_bytes(code_notebook([" "]))
    (root / "huge" / f"{PROBLEM}.ipynb").write_bytes(code_notebook(["x = 1\n" * 300_000]))
    (root / "nested" / f"{PROBLEM}.ipynb").write_bytes(code_notebook(["y = " + "[" * 200_000 + "]" * 200_000]))
    lisp = json.loads(code_notebook(["(defun f (x) x)"]))
    lisp["metadata"]["kernelspec"]["language"] = "lisp"
    (root / "lisp" / f"{PROBLEM}.ipynb").write_text(json.dumps(lisp))
    result = compare_class(root)
    problem = result.problems[0]
    assert [(p.a.student, p.b.student) for p in problem.comparison.pairs] == [("alice", "carol")]
    reasons = dict(line.split(": ", 1) for line in problem.not_compared)
    assert set(reasons) == {"junk", "empty", "lisp"}
    assert "not valid JSON" in reasons["junk"] and "no code" in reasons["empty"] and "lisp" in reasons["lisp"]


def test_a_line_in_common_is_too_little_to_count_but_a_block_is_not(tmp_path, bank):
    line = "    return np.argsort(-x, axis=1)[:, :k]\n"  # 17 tokens, below MIN_SHARED_TOKENS
    block = ("    order = np.argsort(-x, axis=1, kind='stable')\n"
             "    return np.take_along_axis(x, order[:, :k], axis=1)\n")
    own = {"p": ("return (x - x.mean()) / x.std()", "k = int(k)"),
           "q": ("m = x.mean()\n    return x - m", "assert k >= 0")}

    def run(name: str, shared: str) -> list:
        for student, (zscore, first) in own.items():
            (tmp_path / name / student).mkdir(parents=True)
            code = f"def zscore_rows(x):\n    {zscore}\n\n\ndef top_k_mask(x, k):\n    {first}\n{shared}"
            (tmp_path / name / student / f"{PROBLEM}.ipynb").write_bytes(rows_notebook(code))
        return list(compare_class(tmp_path / name, threshold=0.01).problems[0].comparison.pairs)

    assert MIN_SHARED_TOKENS > 17 and run("line", line) == []
    [pair] = run("block", block)
    assert min(pair.a.shared_tokens, pair.b.shared_tokens) >= MIN_SHARED_TOKENS


@pytest.mark.parametrize("threshold", [0.0, -1.0, 1.5, float("nan")])
def test_threshold_must_be_a_share(tmp_path, threshold):
    with pytest.raises(UsageError, match="--threshold"):
        compare_class(tmp_path, threshold=threshold)


@pytest.mark.slow
def test_problems_compared_in_worker_processes_give_the_same_report(class_dir, monkeypatch):
    from grader.similarity import run, to_json

    monkeypatch.setattr(run, "PARALLEL_FROM", 0)
    seen: list[str] = []
    parallel = compare_class(class_dir, jobs=2, on_problem=lambda r: seen.append(r.problem))
    assert seen == ["lab-outliers", "mle-act-softmax", PROBLEM]
    assert to_json(parallel) == to_json(compare_class(class_dir, jobs=1))


def test_a_dead_worker_is_a_grader_error_naming_the_problem(class_dir, monkeypatch):
    from concurrent.futures import Future
    from concurrent.futures.process import BrokenProcessPool

    from grader.similarity import run
    from grader.similarity.run import WorkerDied

    class DeadPool:
        def __init__(self, **kwargs):
            pass

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

        def submit(self, *args):
            future: Future = Future()
            future.set_exception(BrokenProcessPool("a process in the pool was terminated abruptly"))
            return future

    monkeypatch.setattr(run, "ProcessPoolExecutor", DeadPool)
    with pytest.raises(WorkerDied, match="comparing lab-outliers stopped: its worker process died") as info:
        compare_class(class_dir, isolate=True)
    assert info.value.exit_code == 3
