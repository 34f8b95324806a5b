"""What the kernel says is data: exception names checked, messages one clean, capped line."""
from __future__ import annotations

import pytest

from grader.sandbox.base import NAME_CAP, TEXT_CAP, CellFailure, exception_name, kernel_text


@pytest.mark.parametrize("name", ["ValueError", "numpy.linalg.LinAlgError", "_Private", "E2"])
def test_identifier_names_are_kept(name: str) -> None:
    assert exception_name(name) == name
    assert CellFailure.from_kernel(3, name, "msg") == CellFailure(3, name, "msg")


@pytest.mark.parametrize("name", ["Val\x00ueError", "A" * (NAME_CAP + 1), "<img src=x onerror=alert(1)>", "a..b",
                                  "f.<locals>.E", "\x1b[2Jpassed 10/10", "", None, 42, "Ünïcode", "1abc"])
def test_other_names_become_a_generic_type_and_are_shown_cleaned(name: object) -> None:
    assert exception_name(name) is None
    failure = CellFailure.from_kernel(0, name, "the message")
    assert failure.ename == "LearnerError" and failure.evalue.endswith("the message")
    assert "\x00" not in failure.evalue and "\x1b" not in failure.evalue and len(failure.evalue) <= TEXT_CAP


def test_messages_are_one_printable_capped_line() -> None:
    huge = "\x1b]0;owned\x07" + "passed 10/10 \u202e\ud800" * 400_000 + "\nsecond line"
    text = CellFailure.from_kernel(0, "ValueError", huge).evalue
    assert len(text) <= TEXT_CAP and text.endswith("…")
    assert not any(ch in text for ch in "\x1b\x07\u202e\ud800\n")
    assert CellFailure.from_kernel(0, "ValueError", "first\nsecond").evalue == "first"
    assert kernel_text(None) == "" and kernel_text(ValueError("a\tb\r\nc")) == "a b c"
    assert kernel_text("x" * 10, cap=5) == "xxxx…"
