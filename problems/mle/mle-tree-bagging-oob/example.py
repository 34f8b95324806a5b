indices, oob_mask = bootstrap_oob(5, 3, np.random.default_rng(0))
print(indices)
print(oob_mask)
print("out-of-bag share:", oob_mask.mean())
