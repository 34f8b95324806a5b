x = np.array([1.0, 2.0, 2.0, 4.0, 7.0])
y = np.array([0.5, 0.9, 0.7, 3.0, 2.5])
print(spearman(x, y))  # expected: 0.8720815992723809
