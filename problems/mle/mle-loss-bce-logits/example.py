z = np.array([2.0, -1.0, 0.0, 100.0])
y = np.array([1.0, 0.0, 1.0, 0.0])
print(bce_with_logits(z, y))                  # expected: 25.283334219780286
print(bce_with_logits(z, y, pos_weight=2.0))  # expected: 25.488353017681014
