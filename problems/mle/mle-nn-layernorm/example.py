x = np.array([[1.0, 2.0, 3.0, 6.0], [-2.0, 0.0, 0.0, 2.0]])
gamma = np.array([1.0, 1.0, 2.0, 0.5])
beta = np.array([0.0, 0.0, 1.0, -1.0])
print(layer_norm(x, gamma, beta))
