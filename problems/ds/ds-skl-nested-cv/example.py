from sklearn.linear_model import Ridge

rng = np.random.default_rng(0)
X = rng.normal(size=(60, 3))
y = X @ np.array([2.0, -1.0, 0.0]) + rng.normal(scale=0.5, size=60)
mean, std = nested_cv(Ridge(), {"alpha": [0.1, 1.0, 10.0]}, X, y, inner=3, outer=5, seed=0)
print(round(mean, 4), round(std, 4))  # expected 0.9401 0.0233
