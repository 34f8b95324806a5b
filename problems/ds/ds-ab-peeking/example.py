print(peeking_fpr(2000, 1, 100, 0.05, np.random.default_rng(0)))   # about 0.05 (reference: 0.0585)
print(peeking_fpr(2000, 5, 100, 0.05, np.random.default_rng(0)))   # about 0.14 (reference: 0.1435)
