"""Generators for Q04-Q09: data, metrics, validation, linear models, trees, unsupervised learning."""
from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from statistics import NormalDist

from grader.quiz.generators.core import Key, entropy, generator

# Q04 data

@generator
def balanced_class_weight(n_samples: int, n_pos: int) -> Key:
    """scikit-learn's class_weight='balanced' weight of the positive class in a binary problem."""
    return Key(n_samples / (2 * n_pos), {"n / n_pos, forgetting the number of classes": n_samples / n_pos,
                                         "negatives per positive (XGBoost's scale_pos_weight)":
                                             (n_samples - n_pos) / n_pos,
                                         "the positive share": n_pos / n_samples})


@generator
def downsampling_correction(p_sampled: float, keep_rate: float) -> Key:
    """Probability on the full data from one predicted after keeping only a fraction keep_rate of the negatives."""
    return Key(p_sampled * keep_rate / (p_sampled * keep_rate + 1 - p_sampled),
               {"the downsampled prediction itself": p_sampled,
                "the prediction times the keep rate": p_sampled * keep_rate})


@generator
def minmax_scaled(x: float, lo: float, hi: float) -> Key:
    """A value scaled with a min-max scaler fitted on a range [lo, hi], without clipping."""
    return Key((x - lo) / (hi - lo), {"clipped to 1": 1.0, "x / max, ignoring the minimum": x / hi})


# Q05 metrics

@generator
def f1_from_counts(tp: int, fp: int, fn: int, tn: int) -> Key:
    """F1 from confusion counts; `tn` is shown in the stem but plays no part (that is the point)."""
    return Key(2 * tp / (2 * tp + fp + fn), {"accuracy": (tp + tn) / (tp + fp + fn + tn),
                                             "precision": tp / (tp + fp), "recall": tp / (tp + fn)})


@generator
def cost_threshold(cost_fp: float, cost_fn: float) -> Key:
    """Probability above which acting minimizes expected cost, for a calibrated score."""
    return Key(cost_fp / (cost_fp + cost_fn), {"C_FP / C_FN, the ratio of the costs": cost_fp / cost_fn,
                                               "0.5, ignoring the costs": 0.5})


@generator
def ndcg(relevances: Sequence[float]) -> Key:
    """NDCG over the whole list: gain = relevance, discount 1 / log2(position + 1)."""
    def dcg(rels: Sequence[float], gain: Callable[[float], float] = float) -> float:
        return sum(gain(r) / math.log2(i + 2) for i, r in enumerate(rels))

    def exp_gain(r: float) -> float:
        return 2 ** r - 1

    ideal = sorted(relevances, reverse=True)
    return Key(dcg(relevances) / dcg(ideal),
               {"DCG without dividing by the ideal DCG": dcg(relevances),
                "the exponential gain 2^rel − 1": dcg(relevances, exp_gain) / dcg(ideal, exp_gain)})


@generator
def average_precision(relevances: Sequence[float]) -> Key:
    """Mean of precision@k over the ranks k holding a relevant (1) result; every relevant result is listed."""
    hits, total = 0, 0.0
    for k, rel in enumerate(relevances, 1):
        if rel:
            hits += 1
            total += hits / k
    return Key(total / hits, {"precision over the whole list": hits / len(relevances),
                              "precision@k averaged over every rank": sum(
                                  sum(relevances[:k]) / k for k in range(1, len(relevances) + 1)) / len(relevances)})


@generator
def binary_log_loss(p: float, label: int) -> Key:
    """Log loss (natural log) of one predicted probability p of the positive class, given the 0/1 label."""
    right = -math.log(p) if label == 1 else -math.log(1 - p)
    return Key(right, {"−ln p whatever the label": -math.log(p), "the base-2 logarithm": right / math.log(2)})


# Q06 validation

@generator
def kfold_train_size(n_samples: int, folds: int) -> Key:
    """Training rows per model in k-fold cross-validation when k divides n."""
    return Key(float(n_samples * (folds - 1) // folds), {"the size of one held-out fold": n_samples / folds,
                                                          "every row": float(n_samples)})


@generator
def grid_search_fits(n_c: int, n_gamma: int, folds: int) -> Key:
    """Model fits of a full grid search with k-fold CV plus one refit of the best setting."""
    grid = n_c * n_gamma
    return Key(float(grid * folds + 1), {"without the final refit": float(grid * folds),
                                         "one fit per setting plus the refit": float(grid + 1)})


@generator
def rolling_origin_folds(n_days: int, initial: int, horizon: int) -> Key:
    """Complete validation windows of an expanding-window split: floor((n_days - initial) / horizon)."""
    return Key(float((n_days - initial) // horizon),
               {"counting a partial last window": float(math.ceil((n_days - initial) / horizon)),
                "all the history cut into windows": float(n_days // horizon)})


@generator
def expected_squared_error(bias: float, variance: float, noise: float) -> Key:
    """Bias-variance decomposition of the expected squared error at a point: bias^2 + variance + noise."""
    return Key(bias * bias + variance + noise, {"the bias not squared": bias + variance + noise,
                                                "without the noise term": bias * bias + variance})


@generator
def ridge_one_feature(ols_coef: float, n: int, lam: float) -> Key:
    """Ridge coefficient of one feature with sum of squares n (no intercept): ols_coef * n / (n + lam)."""
    return Key(ols_coef * n / (n + lam), {"the least-squares coefficient, unshrunk": ols_coef,
                                          "ols / (1 + λ), forgetting the sum of squares": ols_coef / (1 + lam)})


# Q07 linear models

@generator
def odds_multiplier(coef: float, delta: float) -> Key:
    """Factor on the odds when a logistic-regression feature grows by delta."""
    return Key(math.exp(coef * delta), {"coef·delta, the change in log-odds": coef * delta,
                                        "1 + coef·delta, a linear reading": 1 + coef * delta,
                                        "e^coef, the factor for one unit": math.exp(coef)})


@generator
def ols_slope(r: float, sd_x: float, sd_y: float) -> Key:
    """Least-squares slope of y on x from the correlation and the standard deviations."""
    return Key(r * sd_y / sd_x, {"the slope of x on y": r * sd_x / sd_y, "the correlation itself": r})


@generator
def logistic_probability(b0: float, b1: float, x: float) -> Key:
    """Predicted probability of a one-feature logistic regression, sigmoid(b0 + b1 * x)."""
    z = b0 + b1 * x
    return Key(1 / (1 + math.exp(-z)), {"the log-odds b0 + b1·x": z, "the odds e^(b0 + b1·x)": math.exp(z)})


@generator
def vif_se_factor(r2: float) -> Key:
    """Factor on a coefficient's standard error from collinearity, sqrt(VIF) = 1 / sqrt(1 - R^2)."""
    return Key(1 / math.sqrt(1 - r2), {"the VIF itself, the factor on the variance": 1 / (1 - r2),
                                       "√(1 − R²), the reciprocal": math.sqrt(1 - r2)})


# Q08 trees

@generator
def gini_impurity(pos: int, neg: int) -> Key:
    """Gini impurity of a two-class node."""
    p = pos / (pos + neg)
    return Key(1 - p * p - (1 - p) * (1 - p), {"the entropy in bits": entropy([pos, neg]),
                                               "p(1 − p), half the Gini": p * (1 - p)})


@generator
def information_gain(split: Sequence[int]) -> Key:
    """Entropy (bits) of the parent minus the size-weighted entropy of the children; split = [lp, ln, rp, rn]."""
    left_pos, left_neg, right_pos, right_neg = split
    left, right = left_pos + left_neg, right_pos + right_neg
    parent = entropy([left_pos + right_pos, left_neg + right_neg])
    h_left, h_right = entropy([left_pos, left_neg]), entropy([right_pos, right_neg])
    weighted = (left * h_left + right * h_right) / (left + right)
    return Key(parent - weighted, {"children averaged without weighting by size": parent - (h_left + h_right) / 2,
                                   "the children's weighted entropy, not subtracted from the parent's": weighted})


@generator
def out_of_bag_share(n: int) -> Key:
    """Expected share of n rows left out of a bootstrap sample of size n, (1 - 1/n)^n."""
    return Key((1 - 1 / n) ** n, {"the in-bag share": 1 - (1 - 1 / n) ** n, "1/n": 1 / n})


@generator
def ensemble_variance(sigma2: float, rho: float, trees: int) -> Key:
    """Variance of the mean of B equally correlated predictors, rho * sigma2 + (1 - rho) * sigma2 / B."""
    return Key(rho * sigma2 + (1 - rho) * sigma2 / trees,
               {"σ²/B, as if the trees were independent": sigma2 / trees, "σ², no reduction": sigma2})


# Q09 unsupervised

@generator
def explained_variance(eigenvalues: Sequence[float], k: int) -> Key:
    """Share of total variance kept by the top-k principal components."""
    ordered = sorted(eigenvalues, reverse=True)
    return Key(sum(ordered[:k]) / sum(ordered), {"the share of components kept": k / len(ordered),
                                                 "the k-th component's share alone": ordered[k - 1] / sum(ordered)})


@generator
def components_for_variance(eigenvalues: Sequence[float], threshold: float) -> Key:
    """Fewest principal components whose eigenvalues keep at least `threshold` of the total variance."""
    ordered = sorted(eigenvalues, reverse=True)
    total, kept, need = sum(ordered), 0.0, float(len(ordered))
    for k, value in enumerate(ordered, 1):
        kept += value
        if kept >= threshold * total - 1e-12:
            need = float(k)
            break
    return Key(need, {"Kaiser's rule, eigenvalues above 1": float(sum(1 for v in ordered if v > 1)),
                      "the same share of the components": float(math.ceil(threshold * len(ordered)))})


@generator
def silhouette_value(a: float, b: float) -> Key:
    """Silhouette of one point, (b - a) / max(a, b); a: mean distance in its cluster, b: to the nearest other one."""
    return Key((b - a) / max(a, b), {"the sign flipped, (a − b) / max(a, b)": (a - b) / max(a, b),
                                     "divided by the smaller distance": (b - a) / min(a, b)})


# Added with the third batch of items

@generator
def prior_shift(p: float, train_rate: float, new_rate: float) -> Key:
    """Q04: a calibrated probability moved to a new base rate (label shift): its odds times the ratio of prior odds."""
    odds = p / (1 - p) * (new_rate / (1 - new_rate)) / (train_rate / (1 - train_rate))
    return Key(odds / (1 + odds), {"the probability unchanged": p,
                                   "p times the ratio of base rates, not renormalized": p * new_rate / train_rate})


@generator
def false_positive_rate(tp: int, fp: int, fn: int, tn: int) -> Key:
    """Q05: false positive rate FP / (FP + TN), the share of actual negatives that are flagged."""
    return Key(fp / (fp + tn), {"FP / (FP + TP), the false discovery rate": fp / (fp + tp),
                                "FN / (FN + TP), the false negative rate": fn / (fn + tp),
                                "FP over all examples": fp / (tp + fp + fn + tn)})


@generator
def auc_from_scores(positives: Sequence[float], negatives: Sequence[float]) -> Key:
    """Q05: ROC AUC as the share of (positive, negative) pairs the scores order correctly, ties counting half."""
    pairs = [(p, n) for p in positives for n in negatives]
    wins, ties = sum(p > n for p, n in pairs), sum(p == n for p, n in pairs)
    right = sum(p >= 0.5 for p in positives) + sum(n < 0.5 for n in negatives)
    return Key((wins + ties / 2) / len(pairs),
               {"ties counted as wrong": wins / len(pairs),
                "accuracy at the threshold 0.5": right / (len(positives) + len(negatives))})


@generator
def expected_calibration_error(bins: Sequence[Sequence[float]]) -> Key:
    """Q05: ECE over bins [count, mean predicted probability, observed positive rate]: count-weighted mean gap."""
    total = sum(b[0] for b in bins)
    return Key(sum(b[0] * abs(b[1] - b[2]) for b in bins) / total,
               {"an unweighted mean over the bins": sum(abs(b[1] - b[2]) for b in bins) / len(bins),
                "signed gaps, which cancel": abs(sum(b[0] * (b[1] - b[2]) for b in bins)) / total})


@generator
def accuracy_ci_half_width(accuracy: float, n: int) -> Key:
    """Q06: half-width of a normal-approximation 95% confidence interval for an accuracy measured on n test examples."""
    se = math.sqrt(accuracy * (1 - accuracy) / n)
    z = NormalDist().inv_cdf(0.975)
    return Key(z * se, {"the standard error alone": se, "without the square root": z * accuracy * (1 - accuracy) / n,
                        "a one-sided z (1.645)": NormalDist().inv_cdf(0.95) * se})


@generator
def naive_bayes_posterior(prior: float, spam_rates: Sequence[float], ham_rates: Sequence[float]) -> Key:
    """Q07: P(spam | both words) by naive Bayes: prior times per-word likelihoods, normalized over the two classes."""
    spam, ham = prior * math.prod(spam_rates), (1 - prior) * math.prod(ham_rates)
    one_spam, one_ham = prior * spam_rates[0], (1 - prior) * ham_rates[0]
    return Key(spam / (spam + ham), {"the prior ignored (classes taken as equally likely)":
                                         math.prod(spam_rates) / (math.prod(spam_rates) + math.prod(ham_rates)),
                                     "only the first word used": one_spam / (one_spam + one_ham),
                                     "the unnormalized score prior · likelihoods": spam})


@generator
def ses_forecast(alpha: float, level: float, observations: Sequence[float]) -> Key:
    """Q07: simple exponential smoothing: each y moves the level to alpha*y + (1 - alpha)*level, the forecast."""
    def smooth(weight: float) -> float:
        current = level
        for y in observations:
            current = weight * y + (1 - weight) * current
        return current

    return Key(smooth(alpha), {"the last observation (the naive forecast)": float(observations[-1]),
                               "the plain mean of the observations": sum(observations) / len(observations),
                               "α and 1 − α swapped": smooth(1 - alpha)})


@generator
def gmm_responsibility(x: float, means: Sequence[float], sd: float, weight: float) -> Key:
    """Q09: P(component 1 | x) in a 1-D two-Gaussian mixture with a shared sd; `weight` is component 1's share."""
    def density(mu: float) -> float:
        return math.exp(-((x - mu) ** 2) / (2 * sd * sd))

    first, second = weight * density(means[0]), (1 - weight) * density(means[1])
    equal = density(means[0]) / (density(means[0]) + density(means[1]))
    nearer_first = abs(x - means[0]) < abs(x - means[1])
    return Key(first / (first + second), {"the mixing weights ignored": equal,
                                          "a hard assignment to the nearer mean": 1.0 if nearer_first else 0.0,
                                          "the mixing weight alone": weight})
