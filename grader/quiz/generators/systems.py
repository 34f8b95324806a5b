"""Generators for Q15-Q17: production, math foundations, responsible ML."""
from __future__ import annotations

import math
from collections.abc import Sequence

from grader.quiz.generators.core import Key, entropy, generator

# Q15 production

@generator
def replicas_needed(qps: float, latency_ms: float, per_replica: int) -> Key:
    """Replicas for a load by Little's law: in-flight = qps * latency; each replica serves per_replica at once."""
    in_flight = qps * latency_ms / 1000
    return Key(float(math.ceil(in_flight / per_replica)),
               {"rounded down": float(math.floor(in_flight / per_replica)),
                "the latency ignored": float(math.ceil(qps / per_replica)),
                "the in-flight requests, not divided among replicas": float(math.ceil(in_flight))})


@generator
def population_stability_index(expected: Sequence[float], actual: Sequence[float]) -> Key:
    """PSI over shared bins, sum of (actual - expected) * ln(actual / expected) (shares, natural log)."""
    pairs = list(zip(expected, actual, strict=True))
    return Key(sum((a - e) * math.log(a / e) for e, a in pairs),
               {"KL(actual ‖ expected), one direction only": sum(a * math.log(a / e) for e, a in pairs),
                "the total absolute change in shares": sum(abs(a - e) for e, a in pairs)})


@generator
def cost_per_million(price_per_hour: float, qps: float) -> Key:
    """Serving cost per million predictions of one instance that sustains qps requests per second."""
    return Key(price_per_hour / (qps * 3600) * 1_000_000,
               {"an hour taken as 60 seconds": price_per_hour / (qps * 60) * 1_000_000,
                "the price per prediction-second, not per hour": price_per_hour / qps * 1_000_000})


# Q16 math

@generator
def entropy_bits(probs: Sequence[float]) -> Key:
    """Shannon entropy in bits."""
    return Key(entropy(probs), {"in nats (natural log)": entropy(probs, math.e),
                                 "log2 of the number of outcomes, the uniform case": math.log2(len(probs))})


@generator
def sigmoid_slope(x: float) -> Key:
    """Derivative of the logistic sigmoid at x."""
    s = 1 / (1 + math.exp(-x))
    return Key(s * (1 - s), {"σ(x) itself": s, "the slope at 0, 1/4, everywhere": 0.25})


@generator
def kl_divergence_bits(p: Sequence[float], q: Sequence[float]) -> Key:
    """D_KL(P || Q) in bits, sum of p * log2(p / q) over outcomes with p > 0."""
    pairs = list(zip(p, q, strict=True))
    forward = sum(pi * math.log2(pi / qi) for pi, qi in pairs if pi)
    return Key(forward, {"D_KL(Q ‖ P), the other direction": sum(qi * math.log2(qi / pi) for pi, qi in pairs if qi),
                         "in nats (natural log)": forward * math.log(2)})


@generator
def largest_eigenvalue_sym2(a: float, b: float, d: float) -> Key:
    """Largest eigenvalue of the symmetric matrix [[a, b], [b, d]]."""
    return Key((a + d) / 2 + math.sqrt(((a - d) / 2) ** 2 + b * b),
               {"the largest diagonal entry": max(a, d), "the trace": a + d})


# Q17 responsible ML

@generator
def disparate_impact(rate_a: float, rate_b: float) -> Key:
    """Ratio of group B's positive rate to group A's."""
    return Key(rate_b / rate_a, {"A's rate over B's, inverted": rate_a / rate_b,
                                 "the difference of the rates": rate_b - rate_a})


@generator
def tpr_gap(group_a: Sequence[int], group_b: Sequence[int]) -> Key:
    """Equal-opportunity gap: group A's true positive rate minus group B's; each group is [approved, rejected]."""
    (tp_a, fn_a), (tp_b, fn_b) = group_a, group_b
    tpr_a, tpr_b = tp_a / (tp_a + fn_a), tp_b / (tp_b + fn_b)
    return Key(tpr_a - tpr_b, {"B minus A, the sign flipped": tpr_b - tpr_a,
                               "the gap in the groups' shares of all approvals": (tp_a - tp_b) / (tp_a + tp_b)})


# Added with the third batch of items

@generator
def low_rank_error(singular_values: Sequence[float], k: int) -> Key:
    """Q16: Frobenius error of the best rank-k approximation: root of the sum of squared dropped singular values."""
    dropped = sorted(singular_values, reverse=True)[k:]
    squares = sum(s * s for s in dropped)
    return Key(math.sqrt(squares), {"the dropped singular values summed, not squared": sum(dropped),
                                    "the largest dropped singular value (the spectral-norm error)": dropped[0],
                                    "the sum of squares, without the root": squares})
