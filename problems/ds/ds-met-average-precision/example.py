y = np.array([1, 0, 1, 0, 1, 0])
s = np.array([0.9, 0.8, 0.6, 0.6, 0.3, 0.1])
print(average_precision(y, s))  # expected: 0.7
