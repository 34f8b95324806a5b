"""Generators compute the keys: checked against the spec's worked examples and library oracles."""
from __future__ import annotations

import math
from types import SimpleNamespace

import numpy as np
import pytest
from scipy import stats
from sklearn.metrics import ndcg_score

from grader.quiz import generators as G

g = SimpleNamespace(**{name: lambda *a, f=f, **k: f(*a, **k).value for name, f in G.GENERATORS.items()})


def test_spec_worked_examples():
    assert g.bayes_posterior(0.01, 0.9, 0.05) == pytest.approx(0.154, abs=5e-4)
    assert g.f1_from_counts(40, 10, 20, 930) == pytest.approx(0.727, abs=5e-4)
    assert g.two_proportion_sample_size(0.10, 0.01, 0.05, 0.8) == 14749
    assert g.softmax_max([1.0, 2.0, 3.0]) == pytest.approx(0.665, abs=5e-4)
    assert g.conv_output_size(32, 5, 1, 0) == 28 and g.conv_params(5, 3, 16) == 1216


def test_against_library_oracles():
    assert g.srm_chi_square([50000, 51200]) == pytest.approx(stats.chisquare([50000, 51200]).statistic)
    assert g.binomial_exact(10, 4, 0.3) == pytest.approx(stats.binom.pmf(4, 10, 0.3))
    assert g.poisson_exact(4.5, 3) == pytest.approx(stats.poisson.pmf(3, 4.5))
    assert g.ci_half_width(5.0, 400, 0.95) == pytest.approx(stats.norm.ppf(0.975) * 5 / 20)
    assert g.entropy_bits([0.7, 0.2, 0.1]) == pytest.approx(stats.entropy([0.7, 0.2, 0.1], base=2))
    rels = [1, 0, 3, 2]
    assert g.ndcg(rels) == pytest.approx(ndcg_score([rels], [[4, 3, 2, 1]]))
    logits = np.array([0.5, 0.5, 2.0])
    assert g.softmax_max(logits.tolist()) == pytest.approx(np.max(np.exp(logits) / np.exp(logits).sum()))


def test_hand_checked_values():
    assert g.information_gain([40, 10, 10, 40]) == pytest.approx(1 - 0.7219280948873623)
    assert g.gini_impurity(30, 30) == 0.5 and g.explained_variance([2.0, 1.2, 0.5, 0.3], 2) == pytest.approx(0.8)
    assert g.momentum_update(0.2, 0.5, 0.1, 0.9) == pytest.approx(-0.1 * 0.68)
    assert g.adam_first_moment(1.0, 0.9, 2) == pytest.approx(0.19)
    assert g.replicas_needed(1200, 150, 8) == 23 and g.receptive_field(3, 3) == 7
    assert g.q_learning_update(1.0, 1.0, 0.9, 2.0, 0.5) == pytest.approx(1.0 + 0.5 * (1 + 1.8 - 1))
    assert g.tf_idf(2, 1000, 10) == pytest.approx(2 * math.log(100))
    assert g.grid_search_fits(3, 4, 5) == 61 and g.mlp_params(10, 64, 1) == 769


def test_every_generator_has_a_docstring_and_is_registered_by_name():
    assert G.GENERATORS and all(f.__doc__ and name == f.__name__ for name, f in G.GENERATORS.items())
