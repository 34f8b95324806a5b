"""Which submissions in a class look copied: winnowed fingerprints of normalised code, per problem.

`grader similarity SUBMISSIONS --out DIR` and the section of `grader batch`'s report both come from
here. The code is only parsed (tree-sitter), never run; the results are evidence to look at, not a verdict.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from markupsafe import Markup

from grader.batch import Submission, prepare
from grader.errors import UsageError
from grader.similarity.compare import DEFAULT_THRESHOLD
from grader.similarity.report import batch_section, failed_section, to_json, write_outputs
from grader.similarity.run import ClassResult, check_threshold, compare_class, compare_submissions

__all__ = ["DEFAULT_THRESHOLD", "ClassResult", "batch_section", "check_threshold", "compare_class",
           "compare_submissions", "for_batch", "report_class", "to_json", "write_outputs"]


def report_class(submissions: Path, out: Path, threshold: float = DEFAULT_THRESHOLD,
                 say: Callable[[str], None] = lambda _: None, jobs: int = 0) -> ClassResult:
    """`grader similarity`: compare the class in `submissions` (a folder or a zip) and write the outputs to `out`."""
    check_threshold(threshold)
    from grader.orphans import run_dir

    with run_dir() as tmp:
        folder, _ = prepare(submissions, tmp)
        result = compare_class(folder, threshold, on_problem=lambda r: say(
            f"compared {r.problem}: {r.comparison.compared} notebooks, {len(r.comparison.pairs)} pairs"), jobs=jobs)
    if not result.problems:
        raise UsageError(f"{submissions}: no submissions found (expected <student>/<problem-id>.ipynb or "
                         "<student>__<problem-id>.ipynb)")
    out.mkdir(parents=True, exist_ok=True)
    write_outputs(result, out)
    return result


def for_batch(subs: Sequence[Submission], out: Path, say: Callable[[str], None] = lambda _: None) -> Markup:
    """`grader batch`'s section: compare the class, write the similarity outputs into `out`, return the section.

    The comparison is advisory: if it fails, the batch still grades and the section says why."""
    say("comparing the class's code for similarity")
    try:
        result = compare_submissions(list(subs), DEFAULT_THRESHOLD, isolate=True)
        out.mkdir(parents=True, exist_ok=True)
        write_outputs(result, out)
    except Exception as exc:  # noqa: BLE001 - an advisory report never costs the class its grades
        say(f"warning: the similarity report could not be made ({type(exc).__name__}: {str(exc)[:200]})")
        return failed_section(f"{type(exc).__name__}: {str(exc)[:200]}")
    say(f"similarity: {result.flagged} pairs at or above {DEFAULT_THRESHOLD:.0%}, see {out}/similarity.html")
    return batch_section(result)
