# breaks: posterior
def prob_b_beats_a(x_a, n_a, x_b, n_b, draws, rng, prior=(1, 1)):
    # Compares the posterior means: 1.0 or 0.0, not a probability.
    if x_a < 0 or x_b < 0 or x_a > n_a or x_b > n_b or draws < 1:
        raise ValueError("invalid arguments")
    a0, b0 = prior
    mean_a = (a0 + x_a) / (a0 + b0 + n_a)
    mean_b = (a0 + x_b) / (a0 + b0 + n_b)
    return 1.0 if mean_b > mean_a else 0.0
