# breaks: large-offset (the tolerances hold for inputs with a large common offset)
import numpy as np


def layer_norm(x, gamma, beta, eps=1e-5):
    # One-pass variance E[x^2] - E[x]^2: right in exact arithmetic, but it cancels catastrophically
    # when the features share a large offset.
    mu = x.mean(axis=-1, keepdims=True)
    var = np.maximum(np.mean(x * x, axis=-1, keepdims=True) - mu * mu, 0.0)
    return gamma * ((x - mu) / np.sqrt(var + eps)) + beta
