"""Numeric question generators: the key of a generated item is computed here from its drawn parameters.

A generator is a pure function of the parameters an item lists in `params` (no randomness, no state):
the quiz seed picks one value per parameter, the stem shows them, and the function gives the key.
"""
from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from statistics import NormalDist

GENERATORS: dict[str, Callable[..., float]] = {}


def generator(func: Callable[..., float]) -> Callable[..., float]:
    """Register a generator under its function name (the name items use in `generator = "..."`)."""
    GENERATORS[func.__name__] = func
    return func


def _z(q: float) -> float:
    return NormalDist().inv_cdf(q)


# Q01 probability

@generator
def bayes_posterior(prevalence: float, sensitivity: float, false_positive_rate: float) -> float:
    """P(condition | positive test) by Bayes' rule."""
    true_pos = prevalence * sensitivity
    false_pos = (1 - prevalence) * false_positive_rate
    return true_pos / (true_pos + false_pos)


@generator
def at_least_one(p: float, n: int) -> float:
    """P(at least one of n independent events of probability p)."""
    return 1 - (1 - p) ** n


@generator
def binomial_exact(n: int, k: int, p: float) -> float:
    """P(exactly k successes in n Bernoulli(p) trials)."""
    return math.comb(n, k) * p ** k * (1 - p) ** (n - k)


@generator
def poisson_exact(rate: float, k: int) -> float:
    """P(exactly k events) for a Poisson count with mean `rate`."""
    return math.exp(-rate) * rate ** k / math.factorial(k)


# Q02 inference

@generator
def ci_half_width(sd: float, n: int, level: float) -> float:
    """Half-width of a normal-approximation confidence interval for a mean: z * sd / sqrt(n)."""
    return _z(1 - (1 - level) / 2) * sd / math.sqrt(n)


@generator
def familywise_error(alpha: float, m: int) -> float:
    """P(at least one false positive) over m independent tests of true nulls at level alpha."""
    return 1 - (1 - alpha) ** m


@generator
def se_proportion(p: float, n: int) -> float:
    """Standard error of a sample proportion."""
    return math.sqrt(p * (1 - p) / n)


# Q03 experimentation

@generator
def two_proportion_sample_size(p0: float, lift: float, alpha: float, power: float) -> float:
    """Users per arm to detect p0 -> p0 + lift (two-sided alpha), rounded up."""
    p1 = p0 + lift
    z = _z(1 - alpha / 2) + _z(power)
    return float(math.ceil(z * z * (p0 * (1 - p0) + p1 * (1 - p1)) / lift ** 2))


@generator
def srm_chi_square(n_control: int, n_treatment: int) -> float:
    """Chi-square statistic of observed arm sizes against a 50/50 design."""
    expected = (n_control + n_treatment) / 2
    return ((n_control - expected) ** 2 + (n_treatment - expected) ** 2) / expected


# Q04 data

@generator
def balanced_class_weight(n_samples: int, n_pos: int) -> float:
    """scikit-learn's class_weight='balanced' weight of the positive class in a binary problem."""
    return n_samples / (2 * n_pos)


# Q05 metrics

@generator
def f1_from_counts(tp: int, fp: int, fn: int, tn: int) -> float:
    """F1 from confusion counts; `tn` is shown in the stem but plays no part (that is the point)."""
    del tn
    return 2 * tp / (2 * tp + fp + fn)


@generator
def cost_threshold(cost_fp: float, cost_fn: float) -> float:
    """Probability above which acting minimizes expected cost, for a calibrated score."""
    return cost_fp / (cost_fp + cost_fn)


@generator
def ndcg(relevances: Sequence[float]) -> float:
    """NDCG over the whole list: gain = relevance, discount 1 / log2(position + 1)."""
    def dcg(rels: Sequence[float]) -> float:
        return sum(r / math.log2(i + 2) for i, r in enumerate(rels))

    return dcg(relevances) / dcg(sorted(relevances, reverse=True))


# Q06 validation

@generator
def kfold_train_size(n_samples: int, folds: int) -> float:
    """Training rows per model in k-fold cross-validation when k divides n."""
    return float(n_samples * (folds - 1) // folds)


@generator
def grid_search_fits(n_c: int, n_gamma: int, folds: int) -> float:
    """Model fits of a full grid search with k-fold CV plus one refit of the best setting."""
    return float(n_c * n_gamma * folds + 1)


# Q07 linear models

@generator
def odds_multiplier(coef: float, delta: float) -> float:
    """Factor on the odds when a logistic-regression feature grows by delta."""
    return math.exp(coef * delta)


@generator
def ols_slope(r: float, sd_x: float, sd_y: float) -> float:
    """Least-squares slope of y on x from the correlation and the standard deviations."""
    return r * sd_y / sd_x


# Q08 trees

@generator
def gini_impurity(pos: int, neg: int) -> float:
    """Gini impurity of a two-class node."""
    p = pos / (pos + neg)
    return 1 - p * p - (1 - p) * (1 - p)


def _entropy(counts: Sequence[float]) -> float:
    total = sum(counts)
    return -sum(c / total * math.log2(c / total) for c in counts if c)


@generator
def information_gain(left_pos: int, left_neg: int, right_pos: int, right_neg: int) -> float:
    """Entropy (bits) of the parent minus the size-weighted entropy of the two children."""
    left, right = left_pos + left_neg, right_pos + right_neg
    parent = _entropy([left_pos + right_pos, left_neg + right_neg])
    children = left * _entropy([left_pos, left_neg]) + right * _entropy([right_pos, right_neg])
    return parent - children / (left + right)


# Q09 unsupervised

@generator
def explained_variance(eigenvalues: Sequence[float], k: int) -> float:
    """Share of total variance kept by the top-k principal components."""
    ordered = sorted(eigenvalues, reverse=True)
    return sum(ordered[:k]) / sum(ordered)


# Q10 optimization

@generator
def momentum_step(w: float, v: float, grad: float, lr: float, beta: float) -> float:
    """New weight after one heavy-ball step: v <- beta*v + grad; w <- w - lr*v."""
    return w - lr * (beta * v + grad)


@generator
def adam_first_moment(grad: float, beta1: float, steps: int) -> float:
    """Adam's first-moment average after `steps` equal gradients from m0 = 0, before bias correction."""
    return grad * (1 - beta1 ** steps)


# Q11 neural-network training

@generator
def softmax_max(logits: Sequence[float]) -> float:
    """Largest softmax probability of a logit vector."""
    top = max(logits)
    exps = [math.exp(z - top) for z in logits]
    return max(exps) / sum(exps)


@generator
def mlp_params(n_in: int, n_hidden: int, n_out: int) -> float:
    """Trainable parameters of a one-hidden-layer MLP with biases."""
    return float(n_in * n_hidden + n_hidden + n_hidden * n_out + n_out)


# Q12 architectures

@generator
def conv_output_size(size: int, kernel: int, stride: int, padding: int) -> float:
    """Output width of a convolution: floor((size + 2*padding - kernel) / stride) + 1."""
    return float((size + 2 * padding - kernel) // stride + 1)


@generator
def conv_params(kernel: int, channels_in: int, filters: int) -> float:
    """Parameters of a 2-D convolution layer with square kernels and one bias per filter."""
    return float(kernel * kernel * channels_in * filters + filters)


@generator
def receptive_field(layers: int, kernel: int) -> float:
    """Receptive field of stacked stride-1 convolutions without dilation."""
    return float(1 + layers * (kernel - 1))


@generator
def attention_params(d_model: int) -> float:
    """Parameters of a multi-head self-attention block: Q, K, V and output projections with biases."""
    return float(4 * d_model * d_model + 4 * d_model)


# Q13 NLP

@generator
def tf_idf(tf: int, n_docs: int, df: int) -> float:
    """Raw count times natural-log inverse document frequency: tf * ln(N / df)."""
    return tf * math.log(n_docs / df)


@generator
def perplexity(loss: float) -> float:
    """Perplexity from the mean cross-entropy per token in nats."""
    return math.exp(loss)


# Q14 recommendation and RL

@generator
def epsilon_greedy_best(epsilon: float, arms: int) -> float:
    """P(epsilon-greedy picks the current best arm) when exploration is uniform over all arms."""
    return 1 - epsilon + epsilon / arms


@generator
def q_learning_update(q: float, reward: float, gamma: float, next_max: float, alpha: float) -> float:
    """One tabular Q-learning update: q + alpha * (reward + gamma * next_max - q)."""
    return q + alpha * (reward + gamma * next_max - q)


# Q15 production

@generator
def replicas_needed(qps: float, latency_ms: float, per_replica: int) -> float:
    """Replicas for a load by Little's law: in-flight = qps * latency; each replica serves per_replica at once."""
    return float(math.ceil(qps * latency_ms / 1000 / per_replica))


# Q16 math

@generator
def entropy_bits(probs: Sequence[float]) -> float:
    """Shannon entropy in bits."""
    return _entropy(probs)


@generator
def sigmoid_slope(x: float) -> float:
    """Derivative of the logistic sigmoid at x."""
    s = 1 / (1 + math.exp(-x))
    return s * (1 - s)


# Q17 responsible ML

@generator
def disparate_impact(rate_a: float, rate_b: float) -> float:
    """Ratio of group B's positive rate to group A's."""
    return rate_b / rate_a


# Added for the Q01-Q08 items of the second batch (each listed by the topic that uses it)

@generator
def coupon_collector(n: int) -> float:
    """Q01: expected draws to see all n equally likely coupons: n * (1 + 1/2 + ... + 1/n)."""
    return n * sum(1 / k for k in range(1, n + 1))


@generator
def margin_sample_size(sd: float, margin: float, level: float) -> float:
    """Q02: smallest n whose normal-approximation CI for a mean has half-width at most margin, ceil((z*sd/margin)^2)."""
    z = _z(1 - (1 - level) / 2)
    return float(math.ceil((z * sd / margin) ** 2))


@generator
def mde_two_proportions(p0: float, n: int, alpha: float, power: float) -> float:
    """Q03: minimum detectable absolute lift with n users per arm, (z(1-alpha/2) + z(power)) * sqrt(2*p0*(1-p0)/n)."""
    return (_z(1 - alpha / 2) + _z(power)) * math.sqrt(2 * p0 * (1 - p0) / n)


@generator
def downsampling_correction(p_sampled: float, keep_rate: float) -> float:
    """Q04: probability on the full data from one predicted after keeping only a fraction keep_rate of the negatives."""
    return p_sampled * keep_rate / (p_sampled * keep_rate + 1 - p_sampled)


@generator
def minmax_scaled(x: float, lo: float, hi: float) -> float:
    """Q04: a value scaled with a min-max scaler fitted on a range [lo, hi], without clipping."""
    return (x - lo) / (hi - lo)


@generator
def average_precision(relevances: Sequence[float]) -> float:
    """Q05: mean of precision@k over the ranks k holding a relevant (1) result; every relevant result is listed."""
    hits, total = 0, 0.0
    for k, rel in enumerate(relevances, 1):
        if rel:
            hits += 1
            total += hits / k
    return total / hits


@generator
def binary_log_loss(p: float, label: int) -> float:
    """Q05: log loss (natural log) of one predicted probability p of the positive class, given the 0/1 label."""
    return -math.log(p) if label == 1 else -math.log(1 - p)


@generator
def rolling_origin_folds(n_days: int, initial: int, horizon: int) -> float:
    """Q06: complete validation windows of an expanding-window split: floor((n_days - initial) / horizon)."""
    return float((n_days - initial) // horizon)


@generator
def expected_squared_error(bias: float, variance: float, noise: float) -> float:
    """Q06: bias-variance decomposition of the expected squared error at a point: bias^2 + variance + noise."""
    return bias * bias + variance + noise


@generator
def ridge_one_feature(ols_coef: float, n: int, lam: float) -> float:
    """Q06: ridge coefficient of one feature with sum of squares n (no intercept): ols_coef * n / (n + lam)."""
    return ols_coef * n / (n + lam)


@generator
def logistic_probability(b0: float, b1: float, x: float) -> float:
    """Q07: predicted probability of a one-feature logistic regression, sigmoid(b0 + b1 * x)."""
    return 1 / (1 + math.exp(-(b0 + b1 * x)))


@generator
def vif_se_factor(r2: float) -> float:
    """Q07: factor on a coefficient's standard error from collinearity, sqrt(VIF) = 1 / sqrt(1 - R^2)."""
    return 1 / math.sqrt(1 - r2)


@generator
def out_of_bag_share(n: int) -> float:
    """Q08: expected share of n rows left out of a bootstrap sample of size n, (1 - 1/n)^n."""
    return (1 - 1 / n) ** n


@generator
def ensemble_variance(sigma2: float, rho: float, trees: int) -> float:
    """Q08: variance of the mean of B equally correlated predictors, rho * sigma2 + (1 - rho) * sigma2 / B."""
    return rho * sigma2 + (1 - rho) * sigma2 / trees


# Added for the Q09-Q17 items of the second batch (each listed by the topic that uses it)

@generator
def components_for_variance(eigenvalues: Sequence[float], threshold: float) -> float:
    """Q09: fewest principal components whose eigenvalues keep at least `threshold` of the total variance."""
    ordered = sorted(eigenvalues, reverse=True)
    total, kept = sum(ordered), 0.0
    for k, value in enumerate(ordered, 1):
        kept += value
        if kept >= threshold * total - 1e-12:
            return float(k)
    return float(len(ordered))


@generator
def silhouette_value(a: float, b: float) -> float:
    """Q09: silhouette of one point, (b - a) / max(a, b), from its mean intra-cluster distance a and nearest-cluster distance b."""
    return (b - a) / max(a, b)


@generator
def gd_quadratic(w0: float, curvature: float, lr: float, steps: int) -> float:
    """Q10: weight after `steps` gradient-descent steps on f(w) = curvature / 2 * w^2 from w0: w0 * (1 - lr * curvature)^steps."""
    return w0 * (1 - lr * curvature) ** steps


@generator
def sgd_updates(n_samples: int, batch_size: int, epochs: int) -> float:
    """Q10: optimizer steps in `epochs` epochs when the last, smaller mini-batch of each epoch is kept: ceil(n / b) * epochs."""
    return float(math.ceil(n_samples / batch_size) * epochs)


@generator
def he_normal_std(fan_in: int, fan_out: int) -> float:
    """Q11: standard deviation of He (Kaiming) normal initialization in fan-in mode, sqrt(2 / fan_in); `fan_out` plays no part."""
    del fan_out
    return math.sqrt(2 / fan_in)


@generator
def clipped_first_component(grad: Sequence[float], max_norm: float) -> float:
    """Q11: first component of a gradient after clipping its L2 norm to max_norm (unchanged when the norm is already smaller)."""
    norm = math.sqrt(sum(g * g for g in grad))
    return grad[0] * min(1.0, max_norm / norm)


@generator
def relu_net_grad_w1(x: float, w1: float, w2: float, target: float) -> float:
    """Q11: dL/dw1 for y = w2 * relu(w1 * x), L = (y - target)^2 / 2 (ReLU slope taken as 0 at 0)."""
    pre = w1 * x
    hidden = max(0.0, pre)
    y = w2 * hidden
    return (y - target) * w2 * (1.0 if pre > 0 else 0.0) * x


@generator
def lstm_params(input_size: int, hidden_size: int) -> float:
    """Q12: parameters of one LSTM layer with one bias vector per gate: 4 * (hidden * (input + hidden) + hidden)."""
    return float(4 * (hidden_size * (input_size + hidden_size) + hidden_size))


@generator
def cosine_similarity(u: Sequence[float], v: Sequence[float]) -> float:
    """Q13: cosine of the angle between two vectors, u . v / (|u| |v|)."""
    dot = sum(a * b for a, b in zip(u, v))
    return dot / (math.sqrt(sum(a * a for a in u)) * math.sqrt(sum(b * b for b in v)))


@generator
def softmax_temperature_max(logits: Sequence[float], temperature: float) -> float:
    """Q13: largest probability of softmax(logits / temperature)."""
    scaled = [z / temperature for z in logits]
    top = max(scaled)
    exps = [math.exp(z - top) for z in scaled]
    return 1 / sum(exps)


@generator
def discounted_return(rewards: Sequence[float], gamma: float) -> float:
    """Q14: return from the first step, sum of gamma^t * r_t over the listed rewards (t from 0)."""
    return sum(gamma ** t * r for t, r in enumerate(rewards))


@generator
def population_stability_index(expected: Sequence[float], actual: Sequence[float]) -> float:
    """Q15: PSI over shared bins, sum of (actual - expected) * ln(actual / expected) (shares, natural log)."""
    return sum((a - e) * math.log(a / e) for e, a in zip(expected, actual))


@generator
def cost_per_million(price_per_hour: float, qps: float) -> float:
    """Q15: serving cost per million predictions of one instance that sustains qps requests per second."""
    return price_per_hour / (qps * 3600) * 1_000_000


@generator
def kl_divergence_bits(p: Sequence[float], q: Sequence[float]) -> float:
    """Q16: D_KL(P || Q) in bits, sum of p * log2(p / q) over outcomes with p > 0."""
    return sum(pi * math.log2(pi / qi) for pi, qi in zip(p, q) if pi)


@generator
def largest_eigenvalue_sym2(a: float, b: float, d: float) -> float:
    """Q16: largest eigenvalue of the symmetric matrix [[a, b], [b, d]]."""
    return (a + d) / 2 + math.sqrt(((a - d) / 2) ** 2 + b * b)


@generator
def tpr_gap(tp_a: int, fn_a: int, tp_b: int, fn_b: int) -> float:
    """Q17: equal-opportunity gap, the true positive rate of group A minus that of group B."""
    return tp_a / (tp_a + fn_a) - tp_b / (tp_b + fn_b)


# Added for the Q11-Q14 and Q18 items of issue 20 (each docstring names the topic that uses it)

@generator
def accumulation_steps(target_batch: int, micro_batch: int, gpus: int) -> float:
    """Q11: micro-batches each data-parallel GPU accumulates per optimizer step to reach the target batch."""
    return target_batch / (micro_batch * gpus)


@generator
def mixed_precision_adam_gb(billion_params: float) -> float:
    """Q11: GB (1e9 bytes) of weights, gradients and Adam state in mixed precision: 2 + 2 + 4 + 4 + 4 bytes each."""
    return 16 * billion_params


@generator
def gaussian_kl_standard(mu: float, sigma: float) -> float:
    """Q12: KL(N(mu, sigma^2) || N(0, 1)) in nats, one latent dimension of a VAE."""
    return 0.5 * (sigma ** 2 + mu ** 2 - 1 - math.log(sigma ** 2))


@generator
def transposed_conv_output(size: int, kernel: int, stride: int, padding: int) -> float:
    """Q12: output width of a transposed convolution without output padding: (W - 1) * S - 2P + K."""
    return float((size - 1) * stride - 2 * padding + kernel)


@generator
def kv_cache_gb(layers: int, d_model: int, tokens: int, batch: int) -> float:
    """Q13: GB (1e9 bytes) of 16-bit keys and values for every layer, token and sequence (no sharing of heads)."""
    return 2 * layers * d_model * 2 * tokens * batch / 1e9


@generator
def nucleus_size(probs: Sequence[float], top_p: float) -> float:
    """Q13: tokens kept by top-p sampling, the fewest most probable tokens whose probabilities sum to at least p."""
    total = 0.0
    for n, p in enumerate(sorted(probs, reverse=True), 1):
        total += p
        if total >= top_p - 1e-12:
            return float(n)
    return float(len(probs))


@generator
def mf_params(users: int, items: int, factors: int) -> float:
    """Q14: parameters of a matrix factorization without biases: one factor vector per user and per item."""
    return float((users + items) * factors)


@generator
def ips_always_action(impressions: int, p_logged: float, clicks: int) -> float:
    """Q14: inverse-propensity estimate of the click rate of a policy that always takes the logged action A."""
    return clicks / p_logged / impressions


@generator
def beta_posterior_mean(successes: int, failures: int) -> float:
    """Q14: posterior mean of a success rate under a uniform Beta(1, 1) prior."""
    return (successes + 1) / (successes + failures + 2)


@generator
def peak_qps(daily_users: int, requests_per_user: int, peak_factor: float) -> float:
    """Q18: peak requests per second, the day's average rate times the peak-to-average ratio."""
    return daily_users * requests_per_user / 86_400 * peak_factor


_BYTES_PER_VALUE = {"float32": 4, "float16": 2, "int8": 1}


@generator
def embedding_table_gb(items: int, dim: int, precision: str) -> float:
    """Q18: GB (1e9 bytes) of a table of item embeddings stored at the given precision."""
    return items * dim * _BYTES_PER_VALUE[precision] / 1e9


@generator
def model_staleness_days(label_delay: int, pipeline_days: int, retrain_every: int) -> float:
    """Q18: age of the newest labelled example behind a model on the last day before its replacement."""
    return float(label_delay + pipeline_days + retrain_every)


@generator
def ranker_candidates(budget_ms: int, fixed_ms: int, call_ms: int, batch: int) -> float:
    """Q18: candidates a ranker scores in sequential batched calls within what the fixed stages leave of a budget."""
    return float((budget_ms - fixed_ms) // call_ms * batch)


@generator
def negative_keep_rate(ctr: float, positive_share: float) -> float:
    """Q18: share of non-click rows to keep, with every click kept, so that clicks make up positive_share of rows."""
    return ctr / (1 - ctr) * (1 - positive_share) / positive_share
