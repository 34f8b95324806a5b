print(prob_b_beats_a(12, 100, 20, 100, 100_000, np.random.default_rng(0)))  # about 0.934
