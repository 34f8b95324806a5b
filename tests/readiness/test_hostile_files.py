"""Malformed quiz and exam files: whatever quiz.json, exam.json or answers.toml holds, the answer is exit 2 and
one line naming the file, never a traceback or an internal error (exit 3)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.readiness.conftest import run

DEEP_LIST = b"[" * 30_000 + b"]" * 30_000  # under the size cap: the parser's recursion limit is what stops it
DEEP_OBJECT = b'{"a":' * 10_000 + b"1" + b"}" * 10_000
JUNK = bytes(range(256)) * 4


def _nested(depth: int) -> object:
    value: object = "x"
    for _ in range(depth):
        value = [value]
    return value


def _json(doc: object) -> bytes:
    return json.dumps(doc).encode()


# Shared by quiz.json and exam.json: files that are not sane JSON objects at all.
NOT_JSON = [
    ("deep nesting (lists)", DEEP_LIST),
    ("deep nesting (objects)", DEEP_OBJECT),
    ("binary junk", JUNK),
    ("empty", b""),
    ("a byte-order mark", b"\xef\xbb\xbf{}"),
    ("a 5000-digit integer", b'{"a": ' + b"9" * 5000 + b"}"),
    ("an overflowing float", b'{"a": 1e999}'),
    ("NaN", b'{"a": NaN}'),
    ("huge", b" " * 200_000 + b"{}"),
    ("huge and deep", b"[" * 100_000 + b"]" * 100_000),
    ("nested 20 deep", _json({"format": 2, "quiz_id": "x", "exam_id": "x", "a": _nested(20)})),
    ("a list", b"[1, 2, 3]"),
    ("a string", b'"quiz"'),
    ("null", b"null"),
]

QUIZ_JSON = [
    *NOT_JSON,
    ("missing quiz_id", _json({"format": 2})),
    ("missing everything", _json({})),
    ("quiz_id a number", _json({"format": 2, "quiz_id": 5})),
    ("quiz_id a path", _json({"format": 2, "quiz_id": "../../etc/passwd"})),
    ("quiz_id nested", _json({"format": 2, "quiz_id": _nested(30)})),
    ("format a string", _json({"format": "2", "quiz_id": "x"})),
    ("format unknown", _json({"format": 99, "quiz_id": "x"})),
    ("size a string", _json({"format": 2, "quiz_id": "x", "size": "50"})),
    ("size huge", _json({"format": 2, "quiz_id": "x", "size": 10 ** 4000})),
    ("counts a string", _json({"format": 2, "quiz_id": "x", "counts": "yes"})),
    ("an unknown field", _json({"format": 2, "quiz_id": "x", "answers": {"q01": "A"}})),
    ("an unknown quiz", _json({"format": 2, "quiz_id": "no-such-quiz"})),
    # format 1 (before honest records): the draw itself, still read without trusting it
    ("format 1, items not a list", _json({"format": 1, "track": "ds", "seed": 1, "size": 1, "threshold": 1,
                                          "items": {"q01": 1}})),
    ("format 1, huge size", _json({"format": 1, "track": "ds", "seed": 1, "size": 10 ** 4000, "threshold": 1,
                                   "items": []})),
    ("format 1, order of objects", _json({"format": 1, "track": "ds", "seed": 1, "size": 1, "threshold": 1,
                                          "items": [{"key": "q01", "id": "prob-at-least-one", "order": [{}, 1],
                                                     "params": {}}]})),
    ("format 1, params nested", _json({"format": 1, "track": "ds", "seed": 1, "size": 1, "threshold": 1,
                                       "items": [{"key": "q01", "id": "prob-at-least-one", "order": [],
                                                  "params": {"p": {"a": [1]}, "n": [[1]]}}]})),
    ("format 1, shortfalls junk", _json({"format": 1, "track": "ds", "seed": 1, "size": 1, "threshold": 1,
                                         "items": [{"key": "q01", "id": "prob-at-least-one", "order": []}],
                                         "shortfalls": "many"})),
]

EXAM_JSON = [
    *NOT_JSON,
    ("missing exam_id", _json({"track": "ds"})),
    ("exam_id a number", _json({"exam_id": 12})),
    ("exam_id too long", _json({"exam_id": "x" * 500})),
    ("exam_id nested", _json({"exam_id": _nested(30)})),
    ("problems a string", _json({"exam_id": "x", "problems": "ds-a"})),
    ("size a bool", _json({"exam_id": "x", "size": True})),
    ("seed huge", _json({"exam_id": "x", "seed": 10 ** 4000})),
    ("an unknown field", _json({"exam_id": "x", "solved": 20})),
    ("an unknown exam", _json({"exam_id": "no-such-exam"})),
]

ANSWERS = [
    ("deep nesting", b"q01 = " + b"[" * 100_000 + b"]" * 100_000),
    ("deep inline tables", b"q01 = " + b"{a = " * 3000 + b"1" + b"}" * 3000),
    ("a 5000-digit integer", b"q01 = " + b"9" * 5000),
    ("a 4000-digit integer", b"q01 = " + b"9" * 4000),
    ("inf", b"q01 = inf"),
    ("nan", b"q01 = nan"),
    ("a table", b"q01 = { a = 1 }"),
    ("a date", b"q01 = 1979-05-27"),
    ("a bool", b"q01 = true"),
    ("binary junk", JUNK),
    ("huge", b"# " + b"x" * 300_000 + b"\n"),
    ("an unknown question", b'q999 = "A"'),
    ("not TOML", b"q01 = [A]"),
]


def _assert_one_line_exit_2(code: int, out: str, err: str, name: str) -> None:
    assert code == 2, (code, err)
    assert out == "" and "Traceback" not in err and "internal error" not in err
    assert len(err.strip().splitlines()) == 1 and name in err


@pytest.fixture
def quiz_dir(tmp_path: Path) -> Path:
    code, _, err = run("quiz", "new", "--track", "ds", "--out", str(tmp_path / "q"))
    assert code == 0, err
    return tmp_path / "q"


@pytest.fixture
def exam_dir(tmp_path: Path) -> Path:
    code, _, err = run("exam", "new", "--track", "mle", "--size", "2", "--pass", "1", "--dir", str(tmp_path / "e"))
    assert code == 0, err
    return tmp_path / "e"


@pytest.mark.parametrize("content", [c for _, c in QUIZ_JSON], ids=[n for n, _ in QUIZ_JSON])
def test_hostile_quiz_json(quiz_dir, content):
    (quiz_dir / "quiz.json").write_bytes(content)
    _assert_one_line_exit_2(*run("quiz", "grade", str(quiz_dir), "--json"), "quiz")


@pytest.mark.parametrize("content", [c for _, c in EXAM_JSON], ids=[n for n, _ in EXAM_JSON])
@pytest.mark.parametrize("command", ["status", "submit", "close"])
def test_hostile_exam_json(exam_dir, command, content):
    (exam_dir / "exam.json").write_bytes(content)
    _assert_one_line_exit_2(*run("exam", command, str(exam_dir), "--json"), "exam")


@pytest.mark.parametrize("content", [c for _, c in ANSWERS], ids=[n for n, _ in ANSWERS])
def test_hostile_answers(quiz_dir, content):
    (quiz_dir / "answers.toml").write_bytes(content)
    _assert_one_line_exit_2(*run("quiz", "grade", str(quiz_dir), "--json"), "answers.toml")


def test_a_directory_where_a_file_belongs(quiz_dir, exam_dir):
    (quiz_dir / "quiz.json").unlink()
    (quiz_dir / "quiz.json").mkdir()
    _assert_one_line_exit_2(*run("quiz", "grade", str(quiz_dir)), "quiz.json")
    (exam_dir / "exam.json").unlink()
    (exam_dir / "exam.json").mkdir()
    _assert_one_line_exit_2(*run("exam", "status", str(exam_dir)), "exam.json")
