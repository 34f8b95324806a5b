print(sigmoid(np.array([-1000.0, -2.0, 0.0, 2.0, 1000.0])))  # expected: [0.         0.11920292 0.5        0.88079708 1.        ]
print(sigmoid(np.array([0.0, 3.0], dtype=np.float32)))       # expected: [0.5        0.95257413] (dtype float32)
