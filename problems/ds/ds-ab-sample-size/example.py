print(n_per_arm(0.10, 0.01))   # expected: 14749
print(n_per_arm(0.5, 0.1))     # expected: 385
