"""Generators of the Q11-Q14 and Q18 items (issue 20): oracles and simulations, and the classic wrong answers of
those items, restated here independently of the generators: each must be one the generator names in its Key and one
the item's tolerance rejects."""
from __future__ import annotations

import itertools
import math
from collections.abc import Callable
from types import SimpleNamespace
from typing import Any

import numpy as np
import pytest
from scipy import integrate, stats

from grader.quiz import generators as G
from grader.quiz.bank import load_bank

g = SimpleNamespace(**{name: lambda *a, f=f, **k: f(*a, **k).value for name, f in G.GENERATORS.items()})


def test_kl_of_a_gaussian_matches_numerical_integration():
    for mu, sigma in [(0.5, 0.8), (-1.5, 1.5), (0.0, 0.5)]:
        p, q = stats.norm(mu, sigma), stats.norm(0, 1)
        kl, _ = integrate.quad(lambda z, p=p, q=q: p.pdf(z) * (p.logpdf(z) - q.logpdf(z)), -30, 30)
        assert g.gaussian_kl_standard(mu, sigma) == pytest.approx(kl, rel=1e-6)


def test_transposed_convolution_is_undone_by_the_matching_convolution():
    assert g.transposed_conv_output(4, 4, 2, 1) == 8  # the DCGAN doubling block
    for size, kernel, stride, padding in itertools.product([4, 7, 16], [3, 4, 5], [2, 3], [1, 2]):
        out = int(g.transposed_conv_output(size, kernel, stride, padding))
        assert g.conv_output_size(out, kernel, stride, padding) == size


def test_memory_figures_match_arrays_of_that_size():
    layers, d_model, tokens, batch = 3, 16, 10, 2
    cache = np.zeros((layers, 2, batch, tokens, d_model), dtype=np.float16)  # keys and values
    assert g.kv_cache_gb(layers, d_model, tokens, batch) == pytest.approx(cache.nbytes / 1e9)
    for precision, dtype in [("float32", np.float32), ("float16", np.float16), ("int8", np.int8)]:
        table = np.zeros((1000, 64), dtype=dtype)
        assert g.embedding_table_gb(1000, 64, precision) == pytest.approx(table.nbytes / 1e9)
    per_param = sum(np.dtype(t).itemsize for t in ("f2", "f2", "f4", "f4", "f4"))  # w16, g16, master, m, v
    assert g.mixed_precision_adam_gb(7.0) == pytest.approx(7.0 * per_param)
    assert g.mf_params(1000, 200, 16) == np.zeros((1000 + 200, 16)).size


def test_nucleus_size_matches_a_cumulative_sum():
    probs = [0.35, 0.3, 0.15, 0.1, 0.05, 0.03, 0.02]
    for top_p in (0.5, 0.75, 0.85, 0.92, 0.99):
        expected = int(np.searchsorted(np.cumsum(sorted(probs, reverse=True)), top_p)) + 1
        assert g.nucleus_size(probs, top_p) == expected
    assert g.nucleus_size([0.6, 0.4], 0.6) == 1  # exactly p is enough


def test_uniform_prior_posterior_mean_matches_scipy():
    for s, f in [(0, 2), (12, 30), (40, 160)]:
        assert g.uniform_prior_posterior_mean(s, f) == pytest.approx(stats.beta(1 + s, 1 + f).mean())


def test_ips_estimate_is_unbiased_in_simulation():
    rng = np.random.default_rng(3)
    p_logged, ctr_a, n = 0.2, 0.04, 200_000
    shown_a = rng.random(n) < p_logged
    clicks = int((shown_a & (rng.random(n) < ctr_a)).sum())
    assert g.ips_always_action(n, p_logged, clicks) == pytest.approx(ctr_a, rel=0.05)


def test_negative_keep_rate_gives_the_target_share():
    for ctr, share in itertools.product([0.005, 0.01, 0.02], [0.1, 0.2, 0.25]):
        r = g.negative_keep_rate(ctr, share)
        assert ctr / (ctr + r * (1 - ctr)) == pytest.approx(share)


def test_counts_and_times_by_hand():
    assert g.accumulation_steps(1024, 16, 4) == 16
    assert g.peak_qps(86_400, 10, 3.0) == pytest.approx(30.0)
    assert g.model_staleness_days(60, 2, 7) == 69
    # 200 ms budget, 80 ms fixed: 120 ms leave six 20 ms calls of 32 candidates
    assert g.ranker_candidates(200, 80, 20, 32) == 192
    assert g.ranker_candidates(150, 80, 15, 32) == 4 * 32  # a fifth call would end at 155 ms


def _every_combination(params: dict[str, tuple[Any, ...]]) -> list[dict[str, Any]]:
    names = sorted(params)
    return [dict(zip(names, values, strict=True)) for values in itertools.product(*(params[n] for n in names))]


# item id -> the classic wrong answers of the item, as functions of the drawn parameters (nan: not a mistake there).
CLASSIC_WRONG: dict[str, dict[str, Callable[..., float]]] = {
    "sysd-peak-qps": {
        "the day's average, without the peak": lambda daily_users, requests_per_user, peak_factor:
            daily_users * requests_per_user / 86_400,
        "per hour instead of per second": lambda daily_users, requests_per_user, peak_factor:
            daily_users * requests_per_user / 24 * peak_factor,
    },
    "sysd-embedding-storage": {
        "4 bytes whatever the precision": lambda items, dim, precision: items * dim * 4 / 1e9
            if precision != "float32" else math.nan,
        "bits instead of bytes": lambda items, dim, precision: 8 * g.embedding_table_gb(items, dim, precision),
    },
    "sysd-model-staleness": {
        "the label delay alone": lambda label_delay, pipeline_days, retrain_every: label_delay,
        "no deployment time": lambda label_delay, pipeline_days, retrain_every: label_delay + retrain_every,
        "no serving period": lambda label_delay, pipeline_days, retrain_every: label_delay + pipeline_days,
    },
    "sysd-ranker-budget": {
        "fixed stages forgotten": lambda budget_ms, fixed_ms, call_ms, batch: budget_ms // call_ms * batch,
        "a fractional last call": lambda budget_ms, fixed_ms, call_ms, batch: (budget_ms - fixed_ms) / call_ms * batch
            if (budget_ms - fixed_ms) % call_ms else math.nan,
    },
    "sysd-negative-keep-rate": {
        "the target share itself": lambda ctr, positive_share: positive_share,
        "click rate over target share": lambda ctr, positive_share: ctr / positive_share,
    },
    "nn-gradient-accumulation-steps": {
        "other GPUs ignored": lambda target_batch, micro_batch, gpus: target_batch / micro_batch,
        "micro-batch ignored": lambda target_batch, micro_batch, gpus: target_batch / gpus,
    },
    "nn-mixed-precision-adam-memory": {
        "16-bit weights only": lambda billion_params: 2 * billion_params,
        "float32 weights only": lambda billion_params: 4 * billion_params,
        "no 16-bit copies": lambda billion_params: 12 * billion_params,
    },
    "arch-vae-kl-term": {
        "without the factor 1/2": lambda mu, sigma: 2 * g.gaussian_kl_standard(mu, sigma),
        "sigma for the variance": lambda mu, sigma: 0.5 * (sigma + mu ** 2 - 1 - math.log(sigma)),
    },
    "arch-transposed-conv-output": {
        "the convolution's formula": lambda size, kernel, stride, padding: g.conv_output_size(size, kernel, stride,
                                                                                             padding),
        "padding forgotten": lambda size, kernel, stride, padding: (size - 1) * stride + kernel,
    },
    "nlp-kv-cache-size": {
        "keys only": lambda layers, d_model, tokens, batch: g.kv_cache_gb(layers, d_model, tokens, batch) / 2,
        "32-bit values": lambda layers, d_model, tokens, batch: g.kv_cache_gb(layers, d_model, tokens, batch) * 2,
    },
    "nlp-tfidf-weight": {
        "base-10 logarithm": lambda tf, n_docs, df: tf * math.log10(n_docs / df),
        "idf without the count": lambda tf, n_docs, df: math.log(n_docs / df) if tf > 1 else math.nan,
    },
    "nlp-nucleus-size": {
        "the crossing token left out": lambda probs, top_p: g.nucleus_size(probs, top_p) - 1,
    },
    "rec-mf-parameters": {
        "one per cell": lambda users, items, factors: users * items,
        "one side only": lambda users, items, factors: users * factors,
    },
    "rec-ips-estimate": {
        "no reweighting": lambda impressions, p_logged, clicks: clicks / impressions,
        "times the propensity": lambda impressions, p_logged, clicks: clicks * p_logged / impressions,
        "over the other arm's share": lambda impressions, p_logged, clicks: clicks / ((1 - p_logged) * impressions),
    },
    "rec-beta-posterior-mean": {
        "the raw rate": lambda successes, failures: successes / (successes + failures),
    },
    # items written before issue 20: the mistakes their explanations name
    "nn-softmax-max": {"max over the sum of the logits": lambda logits: max(logits) / sum(logits)},
    "nn-mlp-parameters": {"no biases": lambda n_in, n_hidden, n_out: n_in * n_hidden + n_hidden * n_out},
    "nn-he-init-std": {
        "Xavier": lambda fan_in, fan_out: math.sqrt(2 / (fan_in + fan_out)),
        "the variance": lambda fan_in, fan_out: 2 / fan_in,
    },
    "nn-gradient-clipping": {
        "clipping by value": lambda grad, max_norm: max(-max_norm, min(max_norm, grad[0]))
            if math.hypot(*grad) > max_norm else math.nan,
    },
    "nn-relu-backprop": {  # nan where the gradient is 0 (an inactive unit): every slip then gives 0 too
        "without x": lambda x, w1, w2, target: g.relu_net_grad_w1(x, w1, w2, target) / x or math.nan,
        "without w2": lambda x, w1, w2, target: g.relu_net_grad_w1(x, w1, w2, target) / w2 or math.nan,
    },
    "arch-conv-parameters": {
        "input channels ignored": lambda kernel, channels_in, filters: kernel ** 2 * filters + filters
            if channels_in > 1 else math.nan,
    },
    "arch-attention-parameters": {"no biases": lambda d_model: 4 * d_model ** 2},
    "arch-lstm-parameters": {
        "no recurrent weights": lambda input_size, hidden_size: 4 * (hidden_size * input_size + hidden_size),
        "one block": lambda input_size, hidden_size: hidden_size * (input_size + hidden_size) + hidden_size,
    },
    "nlp-perplexity": {"base 2": lambda loss: 2 ** loss},
    "nlp-cosine-similarity": {"raw dot product": lambda u, v: sum(a * b for a, b in zip(u, v, strict=True))},
    "nlp-temperature-probability": {
        "multiplied by T": lambda logits, temperature: g.softmax_max([z * temperature for z in logits])
            if temperature != 1 else math.nan,
    },
    "rec-epsilon-greedy": {"exploitation only": lambda epsilon, arms: 1 - epsilon},
    "rec-q-learning-update": {"no learning rate": lambda q, reward, gamma, next_max, alpha: reward + gamma * next_max},
    "rec-discounted-return": {
        "first reward discounted": lambda rewards, gamma: gamma * g.discounted_return(rewards, gamma),
        "no discounting": lambda rewards, gamma: sum(rewards),
    },
}


@pytest.fixture(scope="module")
def bank() -> dict[str, Any]:
    return load_bank()


@pytest.mark.parametrize("item_id", sorted(CLASSIC_WRONG))
def test_generators_name_every_classic_wrong_answer_and_tolerances_reject_it(bank, item_id):
    item = bank[item_id]
    assert item.generator and item.tolerance
    for params in _every_combination(item.params):
        key = item.answer_key(params)
        for why, wrong in CLASSIC_WRONG[item_id].items():
            value = wrong(**params)
            if math.isnan(value) or math.isclose(value, key.value, rel_tol=1e-9):
                continue  # this mistake cannot be told apart from the key for these parameters
            assert any(math.isclose(value, w, rel_tol=1e-9) for w in key.wrong.values()), \
                f"{item_id} {params}: '{why}' = {value} is not among {item.generator}'s wrong answers"
            assert not item.tolerance.accepts(value, key.value), f"{item_id} {params}: accepts '{why}' = {value}"


def test_tolerances_accept_honest_rounding(bank):
    peak = bank["sysd-peak-qps"]
    for params in _every_combination(peak.params):  # a day rounded to 100,000 seconds
        rough = params["daily_users"] * params["requests_per_user"] / 100_000 * params["peak_factor"]
        assert peak.tolerance.accepts(rough, peak.numeric_key(params))
    for item_id, digits in [("nlp-tfidf-weight", 3), ("arch-vae-kl-term", 3), ("rec-beta-posterior-mean", 3),
                            ("rec-ips-estimate", 4), ("sysd-negative-keep-rate", 3)]:
        item = bank[item_id]
        for params in _every_combination(item.params):
            key = item.numeric_key(params)
            rounded = float(f"{key:.{digits}g}")  # the key to `digits` significant digits
            assert item.tolerance.accepts(rounded, key), f"{item_id} {params}: rejects {rounded} for {key}"
