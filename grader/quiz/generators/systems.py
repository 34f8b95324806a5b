"""Generators for Q15-Q18: production, math foundations, responsible ML, ML system design."""
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


# Q18 ML system design: back-of-envelope figures

@generator
def peak_qps(daily_users: int, requests_per_user: int, peak_factor: float) -> Key:
    """Peak requests per second: the day's average rate times the peak-to-average ratio."""
    average = daily_users * requests_per_user / 86_400
    return Key(average * peak_factor, {"the day's average, without the peak factor": average,
                                       "per hour instead of per second": average * 3600 * peak_factor})


_BYTES_PER_VALUE = {"float32": 4, "float16": 2, "int8": 1}


@generator
def embedding_table_gb(items: int, dim: int, precision: str) -> Key:
    """GB (1e9 bytes) of a table of item embeddings stored at the given precision."""
    size = items * dim * _BYTES_PER_VALUE[precision] / 1e9
    return Key(size, {"4 bytes a value whatever the precision": items * dim * 4 / 1e9,
                      "bits instead of bytes": 8 * size})


@generator
def model_staleness_days(label_delay: int, pipeline_days: int, retrain_every: int) -> Key:
    """Age of the newest labelled example behind a model on the last day before its replacement."""
    return Key(float(label_delay + pipeline_days + retrain_every),
               {"the label delay alone": float(label_delay),
                "the time to train and deploy left out": float(label_delay + retrain_every),
                "the serving period left out": float(label_delay + pipeline_days)})


@generator
def ranker_candidates(budget_ms: int, fixed_ms: int, call_ms: int, batch: int) -> Key:
    """Candidates a ranker scores in sequential batched calls within what the fixed stages leave of a budget."""
    return Key(float((budget_ms - fixed_ms) // call_ms * batch),
               {"the fixed stages forgotten": float(budget_ms // call_ms * batch),
                "a fractional last call counted": (budget_ms - fixed_ms) / call_ms * batch})


@generator
def negative_keep_rate(ctr: float, positive_share: float) -> Key:
    """Share of non-click rows to keep, with every click kept, so that clicks make up positive_share of rows."""
    return Key(ctr / (1 - ctr) * (1 - positive_share) / positive_share,
               {"the target share itself": positive_share,
                "the click rate over the target share": ctr / positive_share})
