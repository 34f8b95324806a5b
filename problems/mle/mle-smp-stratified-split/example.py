y = np.array([0, 1, 0, 0, 1, 2, 0, 1, 0, 0])
train_idx, test_idx = stratified_split(y, 0.3, np.random.default_rng(0))
print(train_idx, test_idx)
print("test rows per class:", dict(zip(*np.unique(y[test_idx], return_counts=True))))  # expected {0: 2, 1: 1}
