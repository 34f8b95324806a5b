"""Stem templates: counted nouns agree with their numbers, and slips like "1 requests" are found."""
from __future__ import annotations

import pytest

from grader.quiz.text import fill, grammar_slips, parameter_slips, placeholders, plural


@pytest.mark.parametrize("noun, many", [("request", "requests"), ("batch", "batches"), ("query", "queries"),
                                        ("day", "days"), ("principal component", "principal components")])
def test_plural(noun, many):
    assert plural(noun) == many


def test_counted_nouns_agree_with_their_number():
    template = "{n:~server}, {m:,~user}, the top {k:~principal component}, {c:~child/children}"
    assert fill(template, n=1, m=1, k=1, c=1) == "1 server, 1 user, the top 1 principal component, 1 child"
    many = "3 servers, 10,000 users, the top 2 principal components, 4 children"
    assert fill(template, n=3, m=10000, k=2, c=4) == many
    assert fill("{p:.0%} and {x}", p=0.25, x=[1, 2]) == "25% and [1, 2]"
    assert placeholders("{arms[0]:,} vs {arms[1]:,~user} {{literal}}") == {"arms"}


def test_slips_are_found_only_where_a_drawn_value_creates_them():
    assert parameter_slips("exactly {k} requests arrive", k=1) == ["1 requests"]
    assert parameter_slips("exactly {k} requests arrive", k=2) == []
    assert parameter_slips("the first {k} principal components", k=1) == ["1 principal components"]
    assert parameter_slips("a temperature T < 1 sharpens it; {k} of {n} users", k=1, n=5) == []
    assert parameter_slips("{k:~request}", k=1) == []
    assert parameter_slips("a model of {b:g} billion parameters, {m} million users", b=1.0, m=1) == []
    text = "after 1 requests, 1 step, 21 steps, 0.1 users, 1 in 3 users, 1 is fine, 1 million rows"
    assert grammar_slips(text) == ["1 requests"]
