import numpy as np


def prob_b_beats_a(x_a, n_a, x_b, n_b, draws, rng, prior=(1, 1)):
    # Beta draws built from two gamma draws, counted in chunks.
    for x, n in ((x_a, n_a), (x_b, n_b)):
        if x < 0 or n < 0 or x > n or int(x) != x or int(n) != n:
            raise ValueError("invalid counts")
    if draws < 1 or prior[0] <= 0 or prior[1] <= 0:
        raise ValueError("invalid draws or prior")
    a0, b0 = float(prior[0]), float(prior[1])
    wins = 0
    done = 0
    while done < draws:
        m = min(50_000, draws - done)
        ga = rng.standard_gamma(a0 + x_a, size=m)
        ha = rng.standard_gamma(b0 + n_a - x_a, size=m)
        gb = rng.standard_gamma(a0 + x_b, size=m)
        hb = rng.standard_gamma(b0 + n_b - x_b, size=m)
        wins += int(np.count_nonzero(gb / (gb + hb) > ga / (ga + ha)))
        done += m
    return wins / draws
