"""Normalised tokens: what a disguise changes is gone, what tells solutions apart stays, bad code is survived."""
from __future__ import annotations

import pytest

from grader.similarity import tokens
from grader.similarity.tokens import MAX_CODE_BYTES, MAX_TOKENS, Unparsable, tokenize

ORIGINAL = '''
import numpy as np

def softmax(z, axis=-1):
    """Stable softmax."""
    shifted = z - np.max(z, axis=axis, keepdims=True)  # shift
    e = np.exp(shifted)
    return e / np.sum(e, axis=axis, keepdims=True)
'''

DISGUISED = '''
import numpy as np
def my_softmax(logits,
               dim=-2):
    "Softmax that does not overflow."
    # the trick: subtract the max
    stable = logits - np.max(logits, axis=dim, keepdims=True)
    ex = np.exp(stable)
    return ex / np.sum(ex, axis=dim,
                       keepdims=True)
'''


def test_names_literals_comments_and_layout_are_abstracted():
    assert tokenize(ORIGINAL).kinds == tokenize(DISGUISED).kinds
    kinds = tokenize(ORIGINAL).kinds
    assert "V" in kinds and "N" in kinds and "S" in kinds
    assert not any(k.startswith("#") for k in kinds)


def test_api_names_are_kept_so_different_calls_differ():
    kinds = tokenize("y = np.exp(x)\nn = len(range(3))\nimport numpy.linalg").kinds
    assert "exp" in kinds and "len" in kinds and "range" in kinds and "linalg" in kinds
    assert tokenize("y = np.exp(x)").kinds != tokenize("y = np.log(x)").kinds


def test_spans_point_at_each_token_in_the_source():
    t = tokenize("total = price * 2  # comment\n")
    assert [t.code[a:b].decode() for a, b in t.spans] == ["total", "=", "price", "*", "2"]
    assert t.kinds == ("V", "=", "V", "*", "N")


def test_syntax_errors_and_magics_are_read_through():
    t = tokenize("%matplotlib inline\n!pip install x\ndef broken(:\n    pass\nafter = compute(1)\n")
    texts = [t.code[a:b].decode() for a, b in t.spans]
    assert "after" in texts and "compute" in texts and texts[-1] == ")"


@pytest.mark.parametrize("code", [
    "x = " + "(" * 50_000 + "1" + ")" * 50_000,
    "[" * 100_000,
    "\x00\x01\x02 def \udcff",
    "",
    'f"{' * 5000,
])
def test_pathological_code_never_raises_anything_but_unparsable(code):
    try:
        t = tokenize(code)
    except Unparsable:
        return
    assert len(t.kinds) == len(t.spans) <= MAX_TOKENS


def test_caps_on_code_and_tokens():
    big = "x = y + 1\n" * (MAX_CODE_BYTES // 10 + 100)
    t = tokenize(big)
    assert t.truncated and len(t.code) <= MAX_CODE_BYTES and len(t.kinds) <= MAX_TOKENS


def test_parsing_is_bounded_in_time(monkeypatch):
    monkeypatch.setattr(tokens, "PARSE_BUDGET_S", 0.0)
    with pytest.raises(Unparsable, match="could not be parsed"):
        tokenize("def f(:\n" * 20_000)
