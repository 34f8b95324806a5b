logits = np.array([[2.0, 1.0, 0.0], [0.0, 0.0, 0.0], [1000.0, 0.0, -1000.0]])
print(cross_entropy(logits, np.array([0, 2, -100])))                # expected: 0.7531091265562452
print(cross_entropy(np.array([[1000.0, 0.0, -1000.0]]), np.array([2])))  # expected: 2000.0
