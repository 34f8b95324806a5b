"""Generators for Q10-Q14: optimization, neural networks, architectures, NLP, recommendation and RL."""
from __future__ import annotations

import math
from collections.abc import Sequence

from grader.quiz.generators.core import Key, generator, softmax

# Q10 optimization

@generator
def momentum_update(v: float, grad: float, lr: float, beta: float) -> Key:
    """Change of a weight in one heavy-ball step: v <- beta*v + grad, then the weight moves by -lr*v."""
    return Key(-lr * (beta * v + grad), {"a plain gradient step, ignoring the velocity": -lr * grad,
                                        "a step with the old velocity": -lr * v,
                                        "the velocity added instead of subtracted": lr * (beta * v + grad)})


@generator
def adam_first_moment(grad: float, beta1: float, steps: int) -> Key:
    """Adam's first-moment average after `steps` equal gradients from m0 = 0, before bias correction."""
    return Key(grad * (1 - beta1 ** steps), {"the bias-corrected value": grad,
                                             "one step's update only": (1 - beta1) * grad})


@generator
def gd_quadratic(w0: float, curvature: float, lr: float, steps: int) -> Key:
    """Weight after `steps` gradient-descent steps on f(w) = curvature / 2 * w^2 from w0."""
    return Key(w0 * (1 - lr * curvature) ** steps, {"one step only": w0 * (1 - lr * curvature),
                                                    "the curvature ignored": w0 * (1 - lr) ** steps})


@generator
def sgd_updates(n_samples: int, batch_size: int, epochs: int) -> Key:
    """Optimizer steps in `epochs` epochs when the last, smaller mini-batch of each epoch is kept: ceil(n/b)*epochs."""
    per_epoch = math.ceil(n_samples / batch_size)
    return Key(float(per_epoch * epochs), {"the last, smaller batch dropped": float(n_samples // batch_size * epochs),
                                           "one epoch only": float(per_epoch),
                                           "one update per example": float(n_samples * epochs)})


# Q11 neural-network training

@generator
def softmax_max(logits: Sequence[float]) -> Key:
    """Largest softmax probability of a logit vector."""
    wrong = {"a uniform guess, 1 / number of classes": 1 / len(logits)}
    if sum(logits):
        wrong["the largest logit over the sum of logits"] = max(logits) / sum(logits)
    return Key(max(softmax(logits)), wrong)


@generator
def mlp_params(n_in: int, n_hidden: int, n_out: int) -> Key:
    """Trainable parameters of a one-hidden-layer MLP with biases."""
    weights = n_in * n_hidden + n_hidden * n_out
    return Key(float(weights + n_hidden + n_out), {"weights only, no biases": float(weights),
                                                   "the hidden layer only": float(n_in * n_hidden + n_hidden)})


@generator
def he_normal_std(fan_in: int, fan_out: int) -> Key:
    """Standard deviation of He (Kaiming) normal initialization in fan-in mode, sqrt(2 / fan_in); fan_out is unused."""
    return Key(math.sqrt(2 / fan_in), {"the variance 2 / fan_in instead of its square root": 2 / fan_in,
                                       "LeCun's √(1 / fan_in), without ReLU's factor 2": math.sqrt(1 / fan_in),
                                       "Glorot's √(2 / (fan_in + fan_out))": math.sqrt(2 / (fan_in + fan_out))})


@generator
def clipped_first_component(grad: Sequence[float], max_norm: float) -> Key:
    """First component of a gradient after clipping its L2 norm to max_norm (unchanged when the norm is smaller)."""
    norm = math.sqrt(sum(g * g for g in grad))
    return Key(grad[0] * min(1.0, max_norm / norm),
               {"each component clipped to ±max_norm": max(-max_norm, min(max_norm, grad[0])),
                "rescaled to max_norm even when the norm is smaller": grad[0] * max_norm / norm})


@generator
def relu_net_grad_w1(x: float, w1: float, w2: float, target: float) -> Key:
    """dL/dw1 for y = w2 * relu(w1 * x), L = (y - target)^2 / 2 (ReLU slope taken as 0 at 0)."""
    pre = w1 * x
    y = w2 * max(0.0, pre)
    gate = 1.0 if pre > 0 else 0.0
    return Key((y - target) * w2 * gate * x, {"the ReLU's gate ignored": (y - target) * w2 * x,
                                              "the factor x left out": (y - target) * w2 * gate,
                                              "the factor w2 left out": (y - target) * gate * x})


# Q12 architectures

@generator
def conv_output_size(size: int, kernel: int, stride: int, padding: int) -> Key:
    """Output width of a convolution: floor((size + 2*padding - kernel) / stride) + 1."""
    span = size + 2 * padding - kernel
    return Key(float(span // stride + 1),
               {"a partial window counted (rounding up)": float(math.ceil(span / stride) + 1),
                "the padding ignored": float((size - kernel) // stride + 1),
                "padding added on one side only": float((size + padding - kernel) // stride + 1)})


@generator
def conv_params(kernel: int, channels_in: int, filters: int) -> Key:
    """Parameters of a 2-D convolution layer with square kernels and one bias per filter."""
    weights = kernel * kernel * channels_in * filters
    return Key(float(weights + filters), {"weights only, no biases": float(weights),
                                          "the input channels ignored": float(kernel * kernel * filters + filters)})


@generator
def receptive_field(layers: int, kernel: int) -> Key:
    """Receptive field of stacked stride-1 convolutions without dilation."""
    return Key(float(1 + layers * (kernel - 1)), {"layers × kernel": float(layers * kernel),
                                                  "one layer's kernel": float(kernel)})


@generator
def attention_params(d_model: int) -> Key:
    """Parameters of a multi-head self-attention block: Q, K, V and output projections with biases."""
    return Key(float(4 * d_model * d_model + 4 * d_model),
               {"weights only, no biases": float(4 * d_model * d_model),
                "the output projection left out": float(3 * d_model * d_model + 3 * d_model)})


@generator
def lstm_params(input_size: int, hidden_size: int) -> Key:
    """Parameters of one LSTM layer with one bias vector per gate: 4 * (hidden * (input + hidden) + hidden)."""
    weights = 4 * hidden_size * (input_size + hidden_size)
    return Key(float(weights + 4 * hidden_size),
               {"weights only, no biases": float(weights),
                "PyTorch's two bias vectors per gate": float(weights + 8 * hidden_size),
                "one gate only": float(weights / 4 + hidden_size),
                "the recurrent weights left out": float(4 * (hidden_size * input_size + hidden_size))})


# Q13 NLP

@generator
def tf_idf(tf: int, n_docs: int, df: int) -> Key:
    """Raw count times natural-log inverse document frequency: tf * ln(N / df)."""
    return Key(tf * math.log(n_docs / df), {"the base-10 logarithm": tf * math.log10(n_docs / df),
                                           "N / df without the logarithm": tf * n_docs / df,
                                           "the idf alone, without the count": math.log(n_docs / df)})


@generator
def perplexity(loss: float) -> Key:
    """Perplexity from the mean cross-entropy per token in nats."""
    return Key(math.exp(loss), {"2^loss, reading nats as bits": 2 ** loss, "the loss itself": loss})


@generator
def cosine_similarity(u: Sequence[float], v: Sequence[float]) -> Key:
    """Cosine of the angle between two vectors, u . v / (|u| |v|)."""
    dot = sum(a * b for a, b in zip(u, v, strict=True))
    norm_u, norm_v = math.sqrt(sum(a * a for a in u)), math.sqrt(sum(b * b for b in v))
    return Key(dot / (norm_u * norm_v), {"the raw dot product": dot, "divided by |u|² only": dot / norm_u ** 2})


@generator
def softmax_temperature_max(logits: Sequence[float], temperature: float) -> Key:
    """Largest probability of softmax(logits / temperature)."""
    return Key(max(softmax([z / temperature for z in logits])),
               {"the temperature ignored": max(softmax(logits)),
                "logits multiplied by T instead of divided": max(softmax([z * temperature for z in logits]))})


# Q14 recommendation and RL

@generator
def epsilon_greedy_best(epsilon: float, arms: int) -> Key:
    """P(epsilon-greedy picks the current best arm) when exploration is uniform over all arms."""
    return Key(1 - epsilon + epsilon / arms, {"1 − ε, as if exploring never picked the best arm": 1 - epsilon,
                                              "ε / arms, the exploration share alone": epsilon / arms})


@generator
def q_learning_update(q: float, reward: float, gamma: float, next_max: float, alpha: float) -> Key:
    """One tabular Q-learning update: q + alpha * (reward + gamma * next_max - q)."""
    target = reward + gamma * next_max
    return Key(q + alpha * (target - q), {"the target r + γ·max Q(s')": target,
                                          "no bootstrap from the next state": q + alpha * (reward - q)})


@generator
def discounted_return(rewards: Sequence[float], gamma: float) -> Key:
    """Return from the first step, sum of gamma^t * r_t over the listed rewards (t from 0)."""
    value = sum(gamma ** t * r for t, r in enumerate(rewards))
    return Key(value, {"the undiscounted sum": float(sum(rewards)),
                       "discounting the first reward too": gamma * value})


# Added with the third batch of items

@generator
def max_stable_lr(curvatures: Sequence[float]) -> Key:
    """Q10: learning rate below which gradient descent converges on a quadratic with these Hessian eigenvalues."""
    top, low = max(curvatures), min(curvatures)
    return Key(2 / top, {"1 / max, the rate that empties the steepest direction in one step": 1 / top,
                         "2 / min, set by the flattest direction": 2 / low,
                         "2 / mean of the curvatures": 2 * len(curvatures) / sum(curvatures)})


# Added with the Q11-Q14 items of issue 20 (transfer and distributed training, generative models, LLMs, ranking)

@generator
def accumulation_steps(target_batch: int, micro_batch: int, gpus: int) -> Key:
    """Q11: micro-batches each data-parallel GPU accumulates per optimizer step to reach the target batch."""
    return Key(target_batch / (micro_batch * gpus), {"the other GPUs ignored": target_batch / micro_batch,
                                                     "the micro-batch size ignored": target_batch / gpus})


@generator
def mixed_precision_adam_gb(billion_params: float) -> Key:
    """Q11: GB (1e9 bytes) of weights, gradients and Adam state in mixed precision: 2 + 2 + 4 + 4 + 4 bytes each."""
    return Key(16 * billion_params, {"the 16-bit weights only": 2 * billion_params,
                                     "the float32 weights only": 4 * billion_params,
                                     "float32 weights and Adam's two moments, without the 16-bit copies":
                                         12 * billion_params})


@generator
def gaussian_kl_standard(mu: float, sigma: float) -> Key:
    """Q12: KL(N(mu, sigma^2) || N(0, 1)) in nats, one latent dimension of a VAE."""
    kl = 0.5 * (sigma ** 2 + mu ** 2 - 1 - math.log(sigma ** 2))
    return Key(kl, {"the factor 1/2 left out": 2 * kl,
                    "σ where the variance σ² belongs": 0.5 * (sigma + mu ** 2 - 1 - math.log(sigma))})


@generator
def transposed_conv_output(size: int, kernel: int, stride: int, padding: int) -> Key:
    """Q12: output width of a transposed convolution without output padding: (W - 1) * S - 2P + K."""
    return Key(float((size - 1) * stride - 2 * padding + kernel),
               {"the ordinary convolution's output width": float((size + 2 * padding - kernel) // stride + 1),
                "the padding ignored": float((size - 1) * stride + kernel)})


@generator
def kv_cache_gb(layers: int, d_model: int, tokens: int, batch: int) -> Key:
    """Q13: GB (1e9 bytes) of 16-bit keys and values for every layer, token and sequence (no sharing of heads)."""
    size = 2 * layers * d_model * 2 * tokens * batch / 1e9
    return Key(size, {"the keys only (or the values only)": size / 2, "32-bit values": 2 * size})


@generator
def nucleus_size(probs: Sequence[float], top_p: float) -> Key:
    """Q13: tokens kept by top-p sampling, the fewest most probable tokens whose probabilities sum to at least p."""
    total, kept = 0.0, len(probs)
    for n, p in enumerate(sorted(probs, reverse=True), 1):
        total += p
        if total >= top_p - 1e-12:
            kept = n
            break
    return Key(float(kept), {"the token whose probability crosses p left out": float(kept - 1)})


@generator
def mf_params(users: int, items: int, factors: int) -> Key:
    """Q14: parameters of a matrix factorization without biases: one factor vector per user and per item."""
    return Key(float((users + items) * factors), {"one parameter per cell of the rating matrix": float(users * items),
                                                  "the user factors only": float(users * factors),
                                                  "the item factors only": float(items * factors)})


@generator
def ips_always_action(impressions: int, p_logged: float, clicks: int) -> Key:
    """Q14: inverse-propensity estimate of the click rate of a policy that always takes the logged action A."""
    return Key(clicks / p_logged / impressions,
               {"no reweighting, the logged click rate": clicks / impressions,
                "multiplied by the propensity instead of divided": clicks * p_logged / impressions,
                "divided by the probability of not showing A": clicks / ((1 - p_logged) * impressions)})


@generator
def uniform_prior_posterior_mean(successes: int, failures: int) -> Key:
    """Q14: posterior mean of a success rate under a uniform Beta(1, 1) prior (Q02's beta_posterior_mean: any prior)."""
    return Key((successes + 1) / (successes + failures + 2),
               {"the raw success rate, which ignores the prior": successes / (successes + failures)})
