print(reservoir_sample(range(10), 3, np.random.default_rng(0)))                 # reference: [9, 6, 7]
print(reservoir_sample((x * x for x in range(10)), 3, np.random.default_rng(0)))  # reference: [81, 36, 49]
print(reservoir_sample(iter([4, 5]), 3, np.random.default_rng(0)))               # [4, 5]
